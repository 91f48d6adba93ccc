// Text helpers. Detectors run on a "folded" copy of the text of the same length (full-width ASCII to
// ASCII, ideographic space to space, dash variants between digits to '-'), so offsets stay JS indices.

const DASHES = new Set(['‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー', '﹣', '─']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return c;
}

export function fold(text: string): string {
  const chars = Array.from({ length: text.length }, (_, i) => foldChar(text[i] as string));
  for (let i = 0; i < chars.length; i++) {
    if (!DASHES.has(text[i] as string)) continue;
    // A dash variant is a hyphen when it joins digits (phones, postal codes, 番地), not inside katakana words.
    if (isDigit(chars[i - 1]) && isDigit(chars[i + 1])) chars[i] = '-';
    else if (text[i] === '－') chars[i] = '-';
  }
  return chars.join('');
}

export const isKanji = (c: string | undefined): boolean => c !== undefined && /[\u3400-\u9fff々〆ヶ]/.test(c);
export const isKana = (c: string | undefined): boolean => c !== undefined && /[\u3040-\u30ff]/.test(c);
export const isAsciiWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

// Text just before `start` (up to `width` characters), lower-cased, for context words.
export const before = (text: string, start: number, width = 24): string => text.slice(Math.max(0, start - width), start).toLowerCase();
export const after = (text: string, end: number, width = 24): string => text.slice(end, end + width).toLowerCase();

export const digitsOf = (s: string): string => s.replace(/\D/g, '');

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The global twin of a regex given without the g flag, compiled once (detectors run on every report).
const globalTwins = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  if (re.global) return re;
  let g = globalTwins.get(re);
  if (!g) globalTwins.set(re, (g = new RegExp(re.source, `${re.flags}g`)));
  return g;
}

// All matches of a regex, as exec results, from the start of the text.
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = globalOf(re);
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    yield m;
  }
}

// Offsets of capture group `n` (needs the `d` flag on the regex).
export function groupSpan(m: RegExpExecArray, n: number): [number, number] | undefined {
  const idx = m.indices?.[n];
  return idx ? [idx[0], idx[1]] : undefined;
}
