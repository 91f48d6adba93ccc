// The last guard before publication: nothing redacted and nothing that names the victim or its people may appear
// anywhere in what is about to be published, in any spelling a reader would still recognise. Texts and forbidden
// values are compared as skeletons (redaction/variants.ts: invisible characters removed, width, case, separators,
// look-alike letters from other scripts, katakana and hiragana alike), and, given the readings of Japanese text, by
// reading (サクラ for 桜) and romanised (Sakura-Sogo-Byoin); a name's registered aliases (its English name) are
// forbidden values of their own. Pure: the reading function is passed in.
import { latinForm, romanisedForm, skeleton } from '../redaction/index.js';

export interface Forbidden {
  readonly text: string;
  /** Why it may not be published, e.g. a redaction label or "victim_name". */
  readonly reason: string;
}

export interface Leak {
  readonly reason: string;
  /** Where it was found: an object id and property path, or a field name. */
  readonly where: string;
}

/** The reading of a text in kana (katakana or hiragana), where it has Japanese words; the text itself elsewhere. */
export type ReadingOf = (text: string) => string;

// Shorter forms would match innocent text: a single kanji, "IT", a two-letter romanisation.
const MIN_SKELETON = 2;
const MIN_READING = 3;
const MIN_ROMAJI = 5;
// A Latin value this long is found even run together ("SakuraGeneralHospital"); shorter ones only as words.
const LONG_LATIN = 8;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

interface Forms {
  readonly skeleton: string;
  readonly words: string; // the skeleton with one space between words, and at both ends
  readonly reading: string;
  readonly romaji: string;
}

function formsOf(text: string, readingOf: ReadingOf | undefined, forHaystack: boolean): Forms {
  const japanese = JAPANESE.test(text);
  const reading = japanese && readingOf ? skeleton(readingOf(text)).text : '';
  return {
    skeleton: skeleton(text).text,
    words: ` ${skeleton(text, { words: true }).text.trim()} `,
    reading,
    // A haystack is compared by its Latin letters; a Japanese needle by the romanisation of its reading.
    romaji: forHaystack ? latinForm(text) : japanese && reading ? romanisedForm(reading) : '',
  };
}

/**
 * Every forbidden value found in the published texts; `texts` maps a location to the text there. An empty result
 * means nothing leaks.
 */
export function findLeaks(texts: ReadonlyMap<string, string>, forbidden: readonly Forbidden[], readingOf?: ReadingOf): Leak[] {
  const needles = forbidden.map((f) => ({ reason: f.reason, forms: formsOf(f.text.trim(), readingOf, false) }));
  const leaks: Leak[] = [];
  for (const [where, text] of texts) {
    const haystack = formsOf(text, readingOf, true);
    // A Japanese value is found anywhere (words are not spaced); a short Latin one only as whole words ("Ito" is not in
    // "monitoring").
    const found = needles.filter(({ forms }) =>
      (forms.skeleton.length >= MIN_SKELETON && (JAPANESE.test(forms.skeleton) || forms.skeleton.length >= LONG_LATIN
        ? haystack.skeleton.includes(forms.skeleton) : haystack.words.includes(forms.words)))
      || (forms.reading.length >= MIN_READING && haystack.reading.includes(forms.reading))
      || (forms.romaji.length >= MIN_ROMAJI && haystack.romaji.includes(forms.romaji)));
    for (const { reason } of found) leaks.push({ reason, where });
  }
  return leaks;
}

/** Every string inside a JSON value, keyed by its path: what a published object says. */
export function stringsOf(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => stringsOf(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringsOf(item, path ? `${path}.${key}` : key, out);
  }
  return out;
}
