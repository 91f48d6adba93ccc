// Personal names in Latin script: first/last-name dictionaries, titles, -san, context words.
import { isBareRomajiSurname, isEnglishSurname, isGivenName } from './names.js';
import { matches } from './text.js';
import type { Candidate } from './types.js';

const WORD = String.raw`(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,})`;
const FULL_RE = new RegExp(String.raw`(?<![A-Za-z])${WORD}(?:\s+[A-Z]\.)?(?:,\s*|\s+)${WORD}(?![A-Za-z])`, 'g');
const TITLE_RE = new RegExp(String.raw`(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam)\.?\s+(${WORD}(?:\s+${WORD})?)`, 'dg');
const SAN_RE = new RegExp(String.raw`(?<![A-Za-z])(${WORD})(?:-san|-sama|-sensei|\s?さん|\s?様|\s?氏)(?![a-z])`, 'dg');
const CONTEXT_WORDS = ['contacted', 'employee', 'staff member', 'colleague', 'co-worker', 'coworker', 'reported by', 'reporter', 'contact person',
  'contact', 'customer', 'patient', 'engineer', 'manager', 'administrator', 'analyst', 'clerk', 'nurse', 'doctor', 'director', 'president',
  'assistant', 'intern', 'user', 'member', 'our', 'informed', 'called', 'emailed', 'e-mailed', 'notified', 'asked', 'told', 'cc', 'signed',
  'regards', 'sincerely', 'thanks', 'by', 'from', 'to', 'and', 'with', 'dear', 'hi', 'hello', 'name'];
const anyCase = (w: string): string => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`;
const CONTEXT_RE = new RegExp(String.raw`(?<![A-Za-z])(?:${CONTEXT_WORDS.map(anyCase).join('|')})[:,]?\s+(${WORD}(?:\s+${WORD})?)`, 'dg');
const BARE_RE = new RegExp(String.raw`(?<![A-Za-z@._/-])([A-Z][a-z]{2,})(?![A-Za-z0-9@_.-]*[A-Za-z0-9])`, 'dg');

const person = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'PERSON', start, end, reason });
const parts = (s: string): string[] => s.split(/,?\s+|,/).filter((p) => !/^[A-Z]\.$/.test(p));
const isNamePart = (w: string): boolean => isGivenName(w) || isEnglishSurname(w);

function fullNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(FULL_RE, text)) {
    const [first = '', last = ''] = parts(m[0]);
    const westernOrder = isGivenName(first) && isEnglishSurname(last);
    const japaneseOrder = isEnglishSurname(first) && isGivenName(last);
    if (!westernOrder && !japaneseOrder) continue;
    const more = /^\s+([A-Z][a-z]+)(?![A-Za-z])/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30));
    const extra = more && isNamePart(more[1] as string) ? more[0].length : 0; // "Sarah Lee Johnson"
    out.push(person(m.index, m.index + m[0].length + extra, 'name_dictionary_full'));
  }
  return out;
}

// A capitalised word or two after a title, "-san" or a context word: keep the words that are names.
function namesAfter(re: RegExp, text: string, reason: string, needDictionary: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(re, text)) {
    const span = m.indices?.[1];
    if (!span) continue;
    const words = (m[1] as string).split(/\s+/);
    const keep = needDictionary ? words.findIndex((w) => !isNamePart(w)) : words.length;
    const count = keep < 0 ? words.length : keep;
    if (count === 0 || (needDictionary && count === 1 && !isEnglishSurname(words[0] as string) && !isGivenName(words[0] as string))) continue;
    const end = span[0] + words.slice(0, count).join(' ').length;
    // "to Kelly Services": a dictionary word followed by another capitalised word is a name of something else.
    if (needDictionary && count < words.length) continue;
    if (needDictionary && /^\s+[A-Z][a-z]/.test(text.slice(end, end + 3)) && count === words.length && words.length === 2) continue;
    out.push(person(span[0], end, reason));
  }
  return out;
}

const ROMAJI_WORD = /^(?:[aiueo]|(?:[kgsztdnhbpmrwfjc]|sh|ch|ts|ky|gy|ny|hy|my|ry|by|py)[aiueo]|y[auo]|n)+$/i;
const NOT_A_NAME = /^(?:The|Our|From|Dear|Hello|Contact|Reporter|Customer|Employee|User|Staff|Thanks|Regards|Mr|Ms|Dr|Host|Server|Team|Sake|Sushi|Tokyo|Osaka|Kobe|Nagoya)$/;
const isRomajiWord = (w: string): boolean => ROMAJI_WORD.test(w) && !NOT_A_NAME.test(w);

function bareRomaji(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(BARE_RE, text)) {
    if (!isBareRomajiSurname(m[1] as string)) continue;
    // An unknown romanised given name next to a known surname: "Haruki Murakami", "Murakami Haruki".
    const prev = /([A-Z][a-z]{2,})\s$/.exec(text.slice(Math.max(0, m.index - 20), m.index));
    const next = /^\s([A-Z][a-z]{2,})(?![A-Za-z])/.exec(text.slice(m.index + (m[1] as string).length, m.index + (m[1] as string).length + 20));
    const start = prev && isRomajiWord(prev[1] as string) ? m.index - prev[0].length : m.index;
    const end = m.index + (m[1] as string).length + (next && isRomajiWord(next[1] as string) ? next[0].length : 0);
    out.push(person(start, end, 'name_dictionary_surname'));
  }
  return out;
}

export function detectLatinPersons(text: string): Candidate[] {
  return [
    ...fullNames(text),
    ...namesAfter(TITLE_RE, text, 'name_title', false),
    ...namesAfter(SAN_RE, text, 'name_dictionary_with_honorific', false),
    ...namesAfter(CONTEXT_RE, text, 'name_in_context', true),
    ...bareRomaji(text),
  ];
}
