// Comparing a name the way a reader recognises it, whatever its spelling: used to find the member's own names and
// remembered values in a report (known.ts) and by the publication safety net (sharing/leak-check.ts). A skeleton of a
// text drops invisible characters (zero-width spaces and joiners, soft hyphens, bidi controls, variation selectors)
// and separators (spaces, hyphens, dots, underscores, 中黒), folds width and compatibility forms (NFKC), case, katakana
// to hiragana, and Latin look-alikes from other scripts to Latin (Cyrillic "Sаkura" is "sakura"), keeping for each of
// its characters the index of the original character it came from, so that a match maps back to the text.
//
// Look-alikes: Unicode TR39 publishes skeletons, but no maintained npm package ships them; `confusables` (MIT) maps
// look-alikes to Latin letters for English filtering and would also turn kanji and kana into Latin letters (山 → W),
// so it is applied only to characters outside the Japanese scripts.
import { remove as latinLookalikes } from 'confusables';
import { toRomaji } from 'wanakana';

// Zero-width and format characters, bidi controls, variation selectors and fillers: invisible when rendered. Ranges of
// code points, not a character class, since some are combining characters.
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180e, 0x180e], [0x200b, 0x200f],
  [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0],
];
const isInvisible = (c: string): boolean => {
  const code = c.codePointAt(0) as number;
  return INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
};
const SEPARATOR = /[\s\-\u2010-\u2015\u2212_.\u30fb\uff65\u00b7,'\u2019/]/u;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヶ]/u;
const KATAKANA = /[\u30a1-\u30f6]/u;

export interface Skeleton {
  readonly text: string;
  // origin[i], originEnd[i]: the range of the original text skeleton character i came from.
  readonly origin: readonly number[];
  readonly originEnd: readonly number[];
}

function foldChar(c: string): string {
  if (c < '\u0080') return c.toLowerCase();
  if (KATAKANA.test(c)) return String.fromCharCode(c.charCodeAt(0) - 0x60);
  if (JAPANESE.test(c)) return c;
  return latinLookalikes(c).toLowerCase();
}

/** The skeleton of a text; with `words`, each run of separators becomes one space instead of nothing. */
/** A text built piece by piece, each of its characters remembering the range of an original text it stands for. */
export class RangedText {
  text = '';
  readonly start: number[] = [];
  readonly end: number[] = [];
  add(chars: string, start: number, end: number): void {
    this.text += chars;
    for (let k = 0; k < chars.length; k++) {
      this.start.push(start);
      this.end.push(end);
    }
  }
}

// Characters NFKC leaves alone and that are neither invisible nor separators: ASCII letters and digits, hiragana and
// katakana (but the combining-looking ゛゜ and the separator ・), CJK ideographs. Most of a report; they skip the
// per-character normalisation, which is most of the cost of a skeleton.
const PLAIN = /[A-Za-z0-9\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]/u;

export function skeleton(text: string, options: { words?: boolean } = {}): Skeleton {
  const built = new RangedText();
  for (let i = 0; i < text.length;) {
    const c = String.fromCodePoint(text.codePointAt(i) as number);
    const end = i + c.length;
    if (PLAIN.test(c)) built.add(foldChar(c), i, end);
    else if (!isInvisible(c)) {
      for (const part of c.normalize('NFKC')) {
        if (isInvisible(part)) continue;
        if (!SEPARATOR.test(part)) built.add(foldChar(part), i, end);
        else if (options.words && built.text.length > 0 && !built.text.endsWith(' ')) built.add(' ', i, end);
      }
    }
    i = end;
  }
  return { text: built.text, origin: built.start, originEnd: built.end };
}

/**
 * The skeleton of a derived text (a reading) whose characters stand for ranges of an original text: the result's
 * ranges are those of the original.
 */
export function skeletonThrough(derived: string, start: readonly number[], end: readonly number[]): Skeleton {
  const inner = skeleton(derived);
  return {
    text: inner.text,
    origin: inner.origin.map((i) => start[i] as number),
    originEnd: inner.originEnd.map((i) => end[i - 1] as number),
  };
}

const JOINER = /[.@\-_/\\]/u;
const isLatinWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{Script=Latin}\p{Nd}]/u.test(c);

/** The shortest skeleton worth looking for: one kanji or two Latin letters match far too much. */
export function searchable(needle: string): boolean {
  const s = skeleton(needle).text;
  return JAPANESE.test(s) ? s.length >= 2 : s.length >= 3;
}

/**
 * Every place in `text` where `needle` appears in any of the spellings above, as ranges of the original text. A needle
 * that ends in a Latin letter or digit must not continue into one (the name "Aoba" is not inside "Aobax").
 */
export function findVariants(
  text: Skeleton & { readonly source: string }, needle: string, options: { wholeWords?: boolean } = {},
): Array<{ start: number; end: number }> {
  const n = skeleton(needle).text;
  if (n.length === 0) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (let at = text.text.indexOf(n); at >= 0; at = text.text.indexOf(n, at + 1)) {
    const start = text.origin[at] as number;
    const end = text.originEnd[at + n.length - 1] as number;
    if (isLatinWordChar(n[0]) && isLatinWordChar(text.source[start - 1])) continue;
    if (isLatinWordChar(n[n.length - 1]) && isLatinWordChar(text.source[end])) continue;
    // With wholeWords (names), nor be part of an address or a host name ("aoba" in "info@aoba-kaikei.jp").
    if (options.wholeWords && ((isLatinWordChar(n[0]) && JOINER.test(text.source[start - 1] ?? ''))
      || (isLatinWordChar(n[n.length - 1]) && JOINER.test(text.source[end] ?? '') && isLatinWordChar(text.source[end + 1])))) continue;
    found.push({ start, end });
  }
  return found;
}

export const skeletonOf = (source: string): Skeleton & { source: string } => ({ ...skeleton(source), source });

/** Every place `value` appears in `text` in any of the spellings above (a coordinator's addition, found again). */
export const occurrencesOf = (text: string, value: string): Array<{ start: number; end: number }> =>
  (searchable(value) ? findVariants(skeletonOf(text), value) : []);

/**
 * A romanised comparison form of a reading in kana (`さくらそうごう` → `sakurasogo`): Hepburn without long vowels or
 * separators, so "Sakura-Sogo", "SAKURA SOUGOU" and "sakura sōgō" compare alike (see latinForm).
 */
export function romanisedForm(kana: string): string {
  return latinForm(toRomaji(kana));
}

/** A Latin text as romanisedForm compares it: skeleton letters, long vowels (ou, oo, uu, macrons) shortened. */
export function latinForm(text: string): string {
  return skeleton(text.normalize('NFD').replace(/\p{M}/gu, '')).text
    .replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u').replace(/aa/g, 'a').replace(/ee/g, 'e').replace(/ii/g, 'i');
}
