// Personal names in Latin script, of many cultures. Runs of capitalised words are looked up in the name lexicons
// (data/name-lexicon.ts: humannames plus the curated lists); cues around a run confirm or reject it: titles, role words,
// `Name <mail>`, From:/To: display names, signature blocks, chat speakers, romaji order and -san.
import { inNameLexicon, isOrdinaryWord } from './data/name-lexicon.js';
import { EN_GIVEN_WORDS, NAME_PARTICLES } from './data/names-en.js';
import { NOT_NAME_PHRASES, NOT_NAME_WORDS, ROLE_WORDS, WEAK_NAME_WORDS } from './data/not-names-en.js';
import { isBareRomajiSurname, isEnglishSurname, isGivenName } from './names.js';
import { chatHandles, cueOf, HONORIFIC, type Cue } from './person-en-cues.js';
import { containment } from './propagate.js';
import { matches } from './text.js';
import type { Candidate } from './types.js';

// strong: a name that is not an English word (Priya); weak: a name that is one (Grace, Black); unknown: neither (Ngozi).
type Kind = 'strong' | 'weak' | 'unknown' | 'particle' | 'initial';
interface NameToken { start: number; end: number; kind: Kind; key: string; curated: boolean; caps: boolean }

const CAP = String.raw`(?:Mc|Mac|O['’]|D['’]|[Aa]l-|[Ee]l-)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*`;
const PARTICLE_ALT = `(?:${NAME_PARTICLES.join('|')})`;
// Latin letters only around a word: "担当のTanaka Hiroshiさん" holds a name; "@Priya" is a mention, "x@Priya" is not.
const TOKEN_RE = new RegExp(
  String.raw`(?<![\p{sc=Latin}\p{N}_./\\-]|[\p{sc=Latin}\p{N}_.-]@)(?:${CAP}|\p{Lu}{2,}(?:-\p{Lu}{2,})*|\p{Lu}\.(?=[ \t]))` +
  String.raw`(?![\p{sc=Latin}\p{N}_@\\/]|['’](?!s(?!\p{L}))|-(?!${HONORIFIC}(?!\p{L}))[\p{L}\p{N}]|\.[\p{L}\p{N}])`, 'gu');
const PARTICLES = new Set(NAME_PARTICLES);
// Between two words of a name: spaces, and lower-case particles ("Pieter van der Berg", "Nguyen thi Lan").
const GAP_RE = new RegExp(String.raw`^[ \t\u00a0]{1,2}(?:${PARTICLE_ALT}[ \t\u00a0]{1,2}){0,3}$`);
// Lower-case particles just before a run, kept after a title or role ("Dr. van der Berg").
const LEAD_PARTICLES_RE = new RegExp(String.raw`(?:^|[^\p{L}])((?:${PARTICLE_ALT}[ \t]{1,2}){1,3})$`, 'u');
const GIVEN_WORDS = new Set(EN_GIVEN_WORDS);
const ROLES = new Set(ROLE_WORDS); // "Nurse", "Lead" end a run and are its cue

const keyOf = (raw: string): string =>
  (/[^\x20-\x7e]/.test(raw) ? raw.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'") : raw).toLowerCase();
const curatedName = (k: string): boolean => isGivenName(k) || isEnglishSurname(k) || GIVEN_WORDS.has(k);
const knownName = (k: string): boolean => curatedName(k) || inNameLexicon(k);

function inLexicon(key: string): boolean {
  const bare = key.replace(/^(?:o'|d'|al-|el-)/, '');
  if (knownName(key) || knownName(bare)) return true;
  const parts = bare.split('-');
  return parts.length > 1 && parts.every(knownName);
}

type WordClass = Pick<NameToken, 'kind' | 'key' | 'curated' | 'caps'> | undefined;

// A capitalised word as a name token, or undefined for a word that ends a run (Server, Microsoft, LockBit, IT).
function classifyWord(raw: string): WordClass {
  if (/^\p{Lu}\.$/u.test(raw)) return { kind: 'initial', key: raw, curated: false, caps: false };
  const key = keyOf(raw);
  if (PARTICLES.has(key)) return { kind: 'particle', key, curated: false, caps: false };
  if (NOT_NAME_WORDS.has(key) || ROLES.has(key) || NOT_NAME_WORDS.has(key.replace(/^(?:al-|el-)/, ''))) return undefined;
  const caps = raw === raw.toUpperCase();
  const lex = inLexicon(key);
  const ordinary = key.includes('-') ? key.split('-').every(isOrdinaryWord) : isOrdinaryWord(key) || WEAK_NAME_WORDS.has(key);
  if (!lex && ordinary) return undefined;
  const curated = curatedName(key);
  if (caps) {
    // An upper-case word is a name when clearly one (YAMADA); a short one only when curated (ITO, LEE; not AI, CI, VPN).
    if (!lex || key.length < 3 || (key.length === 3 && !curated)) return undefined;
    return { kind: ordinary || key.length <= 3 ? 'weak' : 'strong', key, curated, caps };
  }
  return { kind: lex ? (ordinary ? 'weak' : 'strong') : 'unknown', key, curated, caps };
}

// Runs of name tokens separated by one or two spaces on one line.
function runsOf(text: string): NameToken[][] {
  const out: NameToken[][] = [];
  const seen = new Map<string, WordClass>(); // words repeat: classify each once
  let cur: NameToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    let c = seen.get(raw);
    if (c === undefined && !seen.has(raw)) seen.set(raw, (c = classifyWord(raw)));
    const t: NameToken | undefined = c && { start: m.index, end: m.index + raw.length, kind: c.kind, key: c.key, curated: c.curated, caps: c.caps };
    const prev = cur[cur.length - 1];
    const gap = t && prev ? t.start - prev.end : 0;
    if (!t || !prev || !(gap === 1 ? /[ \t\u00a0]/.test(text[prev.end] as string) : gap < 30 && GAP_RE.test(text.slice(prev.end, t.start)))) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    }
    if (t) cur.push(t);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

const isWord = (t: NameToken): boolean => t.kind !== 'particle' && t.kind !== 'initial';
const good = (t: NameToken): boolean => t.kind === 'strong' || t.curated;
const both = (t: NameToken): boolean => t.curated && t.kind === 'weak'; // "Charlotte Jackson": two curated names that are also words
const lexical = (t: NameToken): boolean => t.kind === 'strong' || t.kind === 'weak';

// A run without particles at its ends (capitalised ones, "De", "Van", join a name only inside it), nor words that
// are names only sometimes before a name ("Hi Priya", "Will Smith", "Black Basta").
function core(run: NameToken[]): NameToken[] {
  let s = 0;
  let e = run.length;
  while (s < e && (run[s]?.kind === 'particle' || (run[s]?.kind === 'weak' && !run[s]?.curated && run.slice(s + 1).some(good)))) s++;
  while (e > s && run[e - 1]?.kind === 'particle') e--;
  const out = run.slice(s, e);
  return out.some(isWord) ? out : [];
}

// Where a name may start if particles before its first word belong to it ("Dr. van der Berg", "Mr De Souza").
function particleStart(text: string, run: NameToken[], first: NameToken): number {
  let i = run.indexOf(first);
  while (i > 0 && run[i - 1]?.kind === 'particle') i--;
  const s = run[i]?.start ?? first.start;
  const m = LEAD_PARTICLES_RE.exec(text.slice(Math.max(0, s - 30), s));
  return m ? s - (m[1] as string).length : s;
}

// Blocked phrases by their first word: "hong" -> ["hong kong"].
const PHRASES_BY_FIRST = new Map<string, string[]>();
for (const phrase of NOT_NAME_PHRASES) {
  const keys = phrase.split(' ').filter((w) => !PARTICLES.has(w)); // "rio de janeiro" is matched as "rio janeiro"
  const first = keys[0] as string;
  if (keys.length > 1) PHRASES_BY_FIRST.set(first, [...(PHRASES_BY_FIRST.get(first) ?? []), keys.join(' ')]);
}

function hasBlockedPhrase(names: NameToken[]): boolean {
  if (names.length < 2 || !names.some((t) => PHRASES_BY_FIRST.has(t.key))) return false;
  const joined = ` ${names.map((t) => t.key).join(' ')} `;
  return names.some((t) => (PHRASES_BY_FIRST.get(t.key) ?? []).some((p) => joined.includes(` ${p} `)));
}

// Is this run, with this cue, a person's name? Returns the reason code.
function decide(names: NameToken[], cue: Cue): string | undefined {
  const n = names.length;
  if (n === 0 || n > 4) return undefined;
  const first = names[0] as NameToken;
  const last = names[n - 1] as NameToken;
  const strongCount = names.filter((t) => t.kind === 'strong').length;
  switch (cue.level) {
    case 'title':
      return cue.reason;
    case 'strong':
      if (cue.clear) return names.some((t) => t.kind === 'strong') || (n > 1 && names.every((t) => t.curated)) ? cue.reason : undefined;
      if (cue.any || (n === 1 ? good(first) : names.some(good))) return cue.reason;
      return undefined;
    case 'weak':
      // A curated name that is also a word ("and Baker") counts alone; one that is also a place or brand ("from
      // Austin", "with Jenkins") only after a verb done to a person or a greeting.
      if (n === 1) return !first.caps && (first.kind === 'strong' || (first.curated && (cue.personal || !WEAK_NAME_WORDS.has(first.key)))) ? cue.reason : undefined;
      if ((strongCount >= 1 || names.every(both)) && names.filter((t) => t.kind === 'unknown').length <= 1) return cue.reason;
      // A name that is also a word, then a surname the lexicons do not know (Grace Oduya): the name of a person doing something.
      if (n === 2 && first.kind === 'weak' && !first.caps && last.kind === 'unknown' && !last.caps) return cue.reason;
      return undefined;
    case 'none':
      if (cue.place) return undefined;
      if (n >= 2 && names.every(lexical) && good(first) && good(last) && (strongCount >= 1 || names.every(both))) return 'name_dictionary_full';
      return undefined;
  }
}

const person = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'PERSON', start, end, reason });

function runNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const run of runsOf(text)) {
    const kept = core(run);
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (!first || !last) continue;
    const names = kept.filter(isWord);
    if (hasBlockedPhrase(names)) continue;
    // Without a strong or curated word only a cue that takes any word can make a name: check those alone.
    const full = names.some(good);
    const lead = particleStart(text, run, first);
    let cue = lead < first.start ? cueOf(text, lead, last.end, full) : undefined;
    const start = cue && (cue.level === 'title' || cue.level === 'strong') ? lead : first.start;
    if (start === first.start) cue = cueOf(text, first.start, last.end, full);
    if (!cue || cue.org) continue;
    const reason = decide(names, cue);
    if (reason) out.push(person(start, last.end, reason));
  }
  return out;
}

const WORD = String.raw`(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,})`;
const TITLE_WORD_RE = new RegExp(String.raw`(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam)\.?[ \t]+(${WORD})(?![A-Za-z])`, 'dg');
const SURNAME_COMMA_RE = new RegExp(String.raw`(?<![\p{sc=Latin}])(${CAP}),[ \t]+(${CAP})(?![\p{sc=Latin}])`, 'gu');
const SAN_RE = new RegExp(String.raw`(?<![A-Za-z])(${WORD})(?:-(?:${HONORIFIC})|\s?さん|\s?様|\s?氏)(?![a-z])`, 'dg');
const ROMAJI_WORD = /^(?:[aiueo]|(?:[kgsztdnhbpmrwfjc]|sh|ch|ts|ky|gy|ny|hy|my|ry|by|py)[aiueo]|y[auo]|n)+$/i;
const NOT_A_NAME = /^(?:The|Our|From|Dear|Hello|Contact|Reporter|Customer|Employee|User|Staff|Thanks|Regards|Mr|Ms|Dr|Host|Server|Team|Sake|Sushi|Tokyo|Osaka|Kobe|Nagoya)$/;
const isRomajiWord = (w: string): boolean => ROMAJI_WORD.test(w) && !NOT_A_NAME.test(w);
const BARE_RE = /(?<![A-Za-z@._/-])([A-Z][a-z]{2,})(?![A-Za-z0-9@_.-]*[A-Za-z0-9])/dg;

// "Yamada-san", "Ichiro-sama": the honorific makes any capitalised word a name (runs take "Taro Yamada-san" whole).
const honorifics = (text: string): Candidate[] =>
  [...matches(SAN_RE, text)].map((m) => person(m.index, m.index + (m[1] as string).length, 'name_dictionary_with_honorific'));

// "Dr. House": after a title even an ordinary word is a name (runs take the words after it that are names).
const titleWords = (text: string): Candidate[] =>
  [...matches(TITLE_WORD_RE, text)].filter((m) => !NOT_NAME_WORDS.has((m[1] as string).toLowerCase())).flatMap((m) => {
    const span = m.indices?.[1];
    return span ? [person(span[0], span[1], 'name_title')] : [];
  });

// "Tanaka, Hiroshi", "Smith, John": a curated surname, a comma, a curated given name.
const surnameComma = (text: string): Candidate[] =>
  [...matches(SURNAME_COMMA_RE, text)].filter((m) => isEnglishSurname(m[1] as string) && isGivenName(m[2] as string))
    .map((m) => person(m.index, m.index + m[0].length, 'name_dictionary_full'));

// A common romanised Japanese surname alone ("Murakami opened it"), with a romaji-shaped neighbour as given name.
function bareRomaji(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(BARE_RE, text)) {
    const word = m[1] as string;
    if (!isBareRomajiSurname(word)) continue;
    const prev = /([A-Z][a-z]{2,})\s$/.exec(text.slice(Math.max(0, m.index - 20), m.index));
    const next = /^\s([A-Z][a-z]{2,})(?![A-Za-z])/.exec(text.slice(m.index + word.length, m.index + word.length + 20));
    const start = prev && isRomajiWord(prev[1] as string) ? m.index - prev[0].length : m.index;
    const end = m.index + word.length + (next && isRomajiWord(next[1] as string) ? next[0].length : 0);
    out.push(person(start, end, 'name_dictionary_surname'));
  }
  return out;
}

// Overlapping finds become one span (the reason of the longest), so callers get names whole.
function merge(list: Candidate[]): Candidate[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.end > last.end) out[out.length - 1] = { ...(c.end - c.start > last.end - last.start ? c : last), start: last.start, end: c.end };
      continue;
    }
    out.push(c);
  }
  return out;
}

// A person named once with a cue is named again without one (Priya Raman … Priya said …, Mr. Okafor … Okafor's
// laptop): the whole name and its words elsewhere, as whole words, unless a word is also an ordinary English word.
function otherMentions(text: string, found: readonly Candidate[]): Candidate[] {
  const words = new Set<string>();
  for (const p of found) {
    const name = text.slice(p.start, p.end);
    if (!/^[\p{Lu}][\p{L}'’.-]*(?:[ \t][\p{L}'’.-]+){0,3}$/u.test(name)) continue;
    for (const w of [name, ...name.split(/[ \t]+/)]) {
      if (w.length >= 3 && /^\p{Lu}/u.test(w) && !w.endsWith('.') && !isOrdinaryWord(keyOf(w)) && !NOT_NAME_WORDS.has(keyOf(w))) words.add(w);
    }
  }
  const out: Candidate[] = [];
  const covered = containment(found);
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
      const end = i + w.length;
      if (/[\p{L}\p{N}_@.\\/-]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}_@\\/-]/u.test(text[end] ?? '') || /^\.[\p{L}\p{N}]/u.test(text.slice(end, end + 2))) continue;
      if (!covered(i, end)) out.push(person(i, end, 'name_in_context'));
    }
  }
  return out;
}

export function detectLatinPersons(text: string): Candidate[] {
  const found = merge([...runNames(text), ...titleWords(text), ...surnameComma(text), ...honorifics(text), ...bareRomaji(text), ...chatHandles(text)]);
  return merge([...found, ...otherMentions(text, found)]);
}
