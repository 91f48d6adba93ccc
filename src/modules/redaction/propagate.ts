// A value a detector found with a cue (a log field, a path, a host word) is the same account, host or secret wherever
// else the report writes it: "tanaka.k" in a JSON sign-in record is also tanaka.k in the analyst's prose, "mailgw" in a
// syslog header is also the mail gateway named later. Other occurrences are proposed with the same label, as whole
// tokens, and never for an ordinary English word (an account called "deploy" does not make "the deploy script" one).
import { isOrdinaryWord } from './data/name-lexicon.js';
import type { Candidate } from './types.js';

type Sensitive = Extract<Candidate, { kind: 'sensitive' }>;
const LABELS = new Set(['ACCOUNT', 'INTERNAL_HOST', 'SECRET', 'PERSON']);
const CJK = /[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc]/;
const TOKEN_CHAR = /[A-Za-z0-9_.@\\$-]/;

// Words of the trade that name service accounts and machines but are also ordinary words in a report.
const TRADE_WORDS = new Set(`deploy deployer backup backups build builder runner ci cd jenkins ansible terraform git gitlab github svn oracle postgres
mysql mssql redis mongo nginx apache tomcat www web app api test tests dev prod staging stage demo guest ubuntu centos debian ec2-user pi
nagios zabbix monitor monitoring scanner scan service services support helpdesk operator ops sync mail ftp update updater print printer
scan share shared public data files file server client proxy gateway router firewall vpn remote local admin root system`.split(/\s+/));

function worthSpreading(value: string, label: string): boolean {
  // A name from a form field (氏名：村岡 里美, Display Name: Kenji Tanabe) is spread whole, kanji or katakana of two
  // characters or more, or Latin words.
  if (label === 'PERSON') return /^(?:[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc・]{2,12}(?:[ \u3000][\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc]{1,8})?|[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){1,3})$/.test(value);
  if (value.length < 3 || value.length > 128 || !/[A-Za-z]/.test(value) || /\s/.test(value)) return false;
  const lower = value.toLowerCase();
  return !(/^[A-Za-z-]+$/.test(value) && (isOrdinaryWord(lower) || TRADE_WORDS.has(lower)));
}

// Is [start, end) inside one of the spans? Sorted starts and the running maximum of their ends answer it in
// O(log n), so spreading over a long log stays linear in its matches.
export function containment(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const maxEnd: number[] = [];
  for (const [k, s] of sorted.entries()) maxEnd.push(Math.max(s.end, k > 0 ? (maxEnd[k - 1] as number) : -1));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && (maxEnd[at] as number) >= end;
  };
}

export function propagate(text: string, found: readonly Candidate[]): Candidate[] {
  const values = new Map<string, Sensitive>();
  for (const c of found) {
    if (c.kind !== 'sensitive' || !LABELS.has(c.label)) continue;
    const value = text.slice(c.start, c.end);
    if (worthSpreading(value, c.label) && !values.has(c.label === 'INTERNAL_HOST' ? value.toLowerCase() : value)) values.set(c.label === 'INTERNAL_HOST' ? value.toLowerCase() : value, c);
  }
  const covered = containment(found);
  const out: Candidate[] = [];
  // Host names are case-insensitive (KEIRI-PC07 is keiri-pc07); ASCII lower-casing keeps the offsets.
  let lower: string | undefined;
  for (const [value, c] of values) {
    const host = c.label === 'INTERNAL_HOST';
    if (host) lower ??= text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
    const haystack = host ? (lower as string) : text;
    const needle = host ? value.toLowerCase() : value;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) {
      const end = i + needle.length;
      if (TOKEN_CHAR.test(text[i - 1] ?? '') || (TOKEN_CHAR.test(text[end] ?? '') && !/^[.,;:]?(?:\s|$)/.test(text.slice(end, end + 2)))) continue;
      // A Japanese name inside a longer word of the same script is another word (村岡 in 村岡工業).
      if (CJK.test(value) && (CJK.test(text[i - 1] ?? '') || CJK.test(text[end] ?? ''))) continue;
      if (covered(i, end)) continue;
      out.push({ kind: 'sensitive', label: c.label, start: i, end, reason: c.reason, priority: c.priority });
    }
  }
  return out;
}
