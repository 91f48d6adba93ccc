// Indicators that are not network observables: file hashes, CVE ids, malware family names.
import { MALWARE } from './data/malware.js';
import { isEnglishSurname } from './names.js';
import { indicator } from './indicator.js';
import { after, before, escapeRegExp, matches } from './text.js';
import type { Candidate } from './types.js';

const HASH_RE = /(?<![0-9a-z_])(?:[0-9a-f]{128}|[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z_])/gi;
const CVE_RE = /(?<![A-Za-z0-9])CVE-\d{4}-\d{4,7}(?!\d)/gi;

export function detectHashes(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(HASH_RE, text)) {
    if (!/[a-f]/i.test(m[0]) || !/\d/.test(m[0])) continue;
    out.push(indicator('IOC_HASH', m.index, m.index + m[0].length, m[0], 'hash_hex_length'));
  }
  return out;
}

export function detectCves(text: string): Candidate[] {
  return [...matches(CVE_RE, text)].map((m) => indicator('CVE', m.index, m.index + m[0].length, m[0], 'cve_id'));
}

interface Form { form: string; entry: (typeof MALWARE)[number] }
const FORMS: Form[] = MALWARE.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])].map((form) => ({ form, entry })))
  .sort((a, b) => b.form.length - a.form.length);
const BY_FORM = new Map(FORMS.map((f) => [f.form.toLowerCase(), f]));
const MALWARE_RE = new RegExp(`(?<![A-Za-z0-9])(?:${FORMS.map((f) => escapeRegExp(f.form).replace(/ /g, '[ _-]?')).join('|')})(?![A-Za-z0-9])`, 'gi');
const MALWARE_WORDS = /ransomware|malware|family|trojan|stealer|loader|\brat\b|botnet|implant|beacon|variant|strain|gang|group|affiliate|ランサム|マルウェア|ウイルス|ウィルス|感染|検体|ファミリー|グループ|亜種|攻撃者/i;

function contextOk(text: string, start: number, end: number, form: Form, raw: string): boolean {
  if (!form.entry.context) return true;
  if (raw !== form.form) return false; // ordinary words ("play", "hive") only in their exact spelling
  const next = /^\s+([A-Z][a-z]+)/.exec(text.slice(end, end + 20));
  const prev = /([A-Z][a-z]+)\s+$/.exec(text.slice(Math.max(0, start - 20), start));
  if ((next && isEnglishSurname(next[1] as string)) || (prev && isEnglishSurname(prev[1] as string))) return false; // "Akira Tanaka"
  return MALWARE_WORDS.test(before(text, start, 40)) || MALWARE_WORDS.test(after(text, end, 40));
}

export function detectMalware(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(MALWARE_RE, text)) {
    const form = BY_FORM.get(m[0].toLowerCase().replace(/[ _-]/g, ' ')) ?? FORMS.find((f) => f.form.toLowerCase().replace(/ /g, '') === m[0].toLowerCase().replace(/[ _-]/g, ''));
    if (!form || !contextOk(text, m.index, m.index + m[0].length, form, m[0])) continue;
    out.push(indicator('MALWARE', m.index, m.index + m[0].length, m[0], 'malware_list', form.entry.name));
  }
  return out;
}
