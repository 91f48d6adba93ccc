// Name dictionary lookups shared by the person detectors (and the malware detector: "Akira Tanaka" is a person).
import { AMBIGUOUS_SURNAMES, JA_EXTRA_GIVEN_NAMES, JA_EXTRA_SURNAMES } from './data/names-ja.js';
import { EN_GIVEN_NAMES, EN_SURNAMES, ROMAJI_GIVEN_NAMES, ROMAJI_SURNAMES } from './data/names-en.js';

const ROMAJI_SURNAME_SET = new Set(ROMAJI_SURNAMES);
const SURNAME_SET = new Set([...ROMAJI_SURNAMES, ...EN_SURNAMES]);
const GIVEN_SET = new Set([...ROMAJI_GIVEN_NAMES, ...EN_GIVEN_NAMES]);
const JA_EXTRA_SURNAME_SET = new Set(JA_EXTRA_SURNAMES);
const JA_EXTRA_GIVEN_SET = new Set(JA_EXTRA_GIVEN_NAMES);
// Romanised surnames that are also brands or places: never bare.
const AMBIGUOUS_ROMAJI = new Set(['honda', 'suzuki', 'matsuda', 'kawasaki', 'chiba', 'miyazaki', 'fukushima', 'ueno', 'nakano', 'mori', 'hara', 'ono', 'abe', 'kubo', 'oda', 'ota', 'sakai', 'kono', 'ando', 'noda', 'hori', 'doi', 'ito']);

export const isEnglishSurname = (w: string): boolean => SURNAME_SET.has(w.toLowerCase());
export const isGivenName = (w: string): boolean => GIVEN_SET.has(w.toLowerCase());
export const isRomajiSurname = (w: string): boolean => ROMAJI_SURNAME_SET.has(w.toLowerCase());
export const isBareRomajiSurname = (w: string): boolean => isRomajiSurname(w) && !AMBIGUOUS_ROMAJI.has(w.toLowerCase());
export const isAmbiguousSurname = (s: string): boolean => AMBIGUOUS_SURNAMES.has(s);
// Japanese names that IPADIC (the analyser's dictionary) does not tag as names: a supplement to its tags.
export const isExtraSurname = (s: string): boolean => JA_EXTRA_SURNAME_SET.has(s);
export const isExtraGivenName = (s: string): boolean => JA_EXTRA_GIVEN_SET.has(s);
