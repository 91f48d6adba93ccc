// Name dictionary lookups shared by the person detectors (and the malware detector: "Akira Tanaka" is a person).
import { AMBIGUOUS_SURNAMES, JA_GIVEN_NAMES, JA_SURNAMES } from './data/names-ja.js';
import { EN_GIVEN_NAMES, EN_SURNAMES, ROMAJI_GIVEN_NAMES, ROMAJI_SURNAMES } from './data/names-en.js';

const ROMAJI_SURNAME_SET = new Set(ROMAJI_SURNAMES);
const SURNAME_SET = new Set([...ROMAJI_SURNAMES, ...EN_SURNAMES]);
const GIVEN_SET = new Set([...ROMAJI_GIVEN_NAMES, ...EN_GIVEN_NAMES]);
const JA_GIVEN_SET = new Set(JA_GIVEN_NAMES);
// Romanised surnames that are also brands or places: never bare.
const AMBIGUOUS_ROMAJI = new Set(['honda', 'suzuki', 'matsuda', 'kawasaki', 'chiba', 'miyazaki', 'fukushima', 'ueno', 'nakano', 'mori', 'hara', 'ono', 'abe', 'kubo', 'oda', 'ota', 'sakai', 'kono', 'ando', 'noda', 'hori', 'doi', 'ito']);

export const isEnglishSurname = (w: string): boolean => SURNAME_SET.has(w.toLowerCase());
export const isGivenName = (w: string): boolean => GIVEN_SET.has(w.toLowerCase());
export const isRomajiSurname = (w: string): boolean => ROMAJI_SURNAME_SET.has(w.toLowerCase());
export const isBareRomajiSurname = (w: string): boolean => isRomajiSurname(w) && !AMBIGUOUS_ROMAJI.has(w.toLowerCase());
export const isAmbiguousSurname = (s: string): boolean => AMBIGUOUS_SURNAMES.has(s);

// Longest Japanese given name from the dictionary at `text[i]`, or 0.
export function jaGivenLength(text: string, i: number): number {
  for (let len = 4; len >= 1; len--) if (JA_GIVEN_SET.has(text.slice(i, i + len))) return len;
  return 0;
}

export const JA_SURNAME_LIST: readonly string[] = [...new Set(JA_SURNAMES)].sort((a, b) => b.length - a.length);
