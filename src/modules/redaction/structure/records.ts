// Fields of log records: JSON members ("user":"svc-sql"), key=value pairs (user=yamane src_user="x"), XML
// elements, "Key: value" lines of Windows event logs and forms (Account Name: s.kuroda, Computer: ZQ7DC01,
// ユーザー名：tanabe), 【label】value forms, and the user slots of Cisco and Unix auth log lines.
import { isOrdinaryWord } from '../data/name-lexicon.js';
import { matches } from '../text.js';
import type { Candidate } from '../types.js';
import { fieldKind, fieldKindOfPhrase, valueCandidate, type FieldKind, type FieldReason } from './fields.js';
import { FILE_EXTENSION } from './paths.js';

const JSON_RE = /(["'])([^"'\n]{1,64})\1\s*:\s*(?:"((?:[^"\\\n]|\\.){0,256})"|'([^'\n]{0,256})'|(-?\d[\d.]{0,30})(?![\w.]))/dg;
// Windows event XML and other XML: <Data Name="TargetUserName">h.mori</Data>, <Computer>ZQ7DC01</Computer>.
const XML_DATA_RE = /<Data\s+Name=["']([^"'<>]{1,64})["']\s*>([^<\n]{1,256})<\/Data>/dg;
const XML_ELEMENT_RE = /<([A-Za-z][\w:-]{0,40})(?:\s[^<>]*)?>([^<\n]{1,256})<\/\1>/dg;
const KV_RE = /(?<![\w.-])([A-Za-z][\w.-]{0,40})=(?:"([^"\n]{0,256})"|'([^'\n]{0,256})'|([^\s,;&|"'<>()[\]{}]{1,256}))/dg;
// A phrase of up to five words (or a run of Japanese) before a colon, then the value: one token, and a second
// word that only a person's name may take. The value is read in a lookahead so that a value which is itself the
// next key ("Account Name: - TargetUserName: s.kuroda") still starts the next match.
const JA_PHRASE = String.raw`[A-Za-z0-9]{0,4}[^\x00-\x7f\s:：=、。「」（）()]{1,16}(?:[ \u3000][^\x00-\x7f\s:：=、。「」（）()]{1,12}){0,2}`;
const COLON_RE = new RegExp(String.raw`((?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*(?:[ \t][A-Za-z][A-Za-z0-9_-]*){0,4}(?:\(s\))?|${JA_PHRASE})[ \t]*[:：][ \t]*(?=(「[^」\n]{1,64}」|"[^"\n]{1,64}"|[^\s,;|"'<>()（）「」、。]{1,80})([ \t\u3000][^\s,;|"'<>()（）「」、。:：]{1,20}(?![:：]))?)`, 'dg');
// Bracketed labels of Japanese forms: 【口座番号】1234567, 【ご住所】東京都…, 【端末名】KEIRI-PC07.
const BRACKET_RE = /[【［[]([^】］\]\n]{1,16})[】］\]][ \t]*(?=([^\s【［[]{1,80}))/dg;
// ユーザー「tanaka」, アカウント yamada01 が…: a Latin id right after a Japanese user word.
const JA_USER_RE = /(?:ユーザー|ユーザ|アカウント|利用者)(?:名|ID)?\s?(?:[「『"']([A-Za-z0-9][\w.@\\-]{1,63})[」』"']|([A-Za-z][\w.\\-]{1,31})(?=[\s、。がをはでにのと）)]|$))/dg;

// k.tanabe's account, svc_backup account, tanaka.k のアカウント: an id-like name (a dot, an underscore or a digit)
// before an account word.
const BEFORE_ACCOUNT_RE = /(?<![\w.@\\/-])([A-Za-z][A-Za-z0-9]*[._][A-Za-z0-9._]*[A-Za-z0-9]|[A-Za-z]+\d+|[a-z]{4,20})(?:'s)?[ \t]?(?:の)?(?:(?:user )?account|mailbox|アカウント|ユーザー(?:ID)?)(?![A-Za-z])/dg;

const BEFORE_ACCOUNT_WORD = /^(?:admin|root|guest|user|users|service|shared|domain|local|cloud|email|mail|gmail|google|microsoft|apple|amazon|slack|teams|zoom|line|github|gitlab|dropbox|twitter|facebook|instagram|linkedin|office|azure|okta|entra|aws|your|their|this|that|same|test|demo|main|personal|work|company|corporate|system|backup|break|glass|privileged|generic|sales|support)$/;

// Cisco ASA style "User <yamane>", and sshd/sudo/su lines of a Unix auth log. "invalid user admin" is the
// attacker's guess, not an account of the member.
const ANGLE_RE = /(?<![A-Za-z])(?:User|Username)\s?<([^<>\s]{1,64})>/dg;
const AUTH_LOG_RE = /(?:(?:Accepted|Failed) (?:password|publickey|keyboard-interactive(?:\/pam)?|none) for (?!invalid user )|session (?:opened|closed) for user |sudo:\s+|su(?:\[\d+\])?: \(to \S+\) |pam_unix\(\S+\): authentication failure;.*?\buser=)([a-z_][a-z0-9._-]{0,31})(?=[\s:]|$)/dg;

// The first value span of a match (groups 2.. in order).
function valueSpan(m: RegExpExecArray, from: number): [number, number] | undefined {
  for (let g = from; g < m.length; g++) {
    const span = m.indices?.[g];
    if (span) return [span[0], span[1]];
  }
  return undefined;
}

function push(out: Candidate[], kind: FieldKind | undefined, text: string, span: [number, number] | undefined, reason: FieldReason = 'structured_field'): void {
  if (!kind || !span) return;
  const c = valueCandidate(kind, text, span[0], span[1], reason);
  if (c) out.push(c);
}

// An English word after "user:" in prose is not a user name; ids have a digit, a separator or no vowel-word shape.
const PROSE_WORD = /^(?:the|a|an|was|is|are|has|had|not|and|or|of|in|on|to|from|with|by|this|that|it|its|their|his|her|our|your|my|unknown|multiple|several|all|any|none|every|each|account|user|host|name|see|no|yes|は|が|を|の|に)$/i;

const LIST_RE = /^[^\s,、/／]+(?:[ \t]*[,、/／][ \t]*[^\s,、/／]+)+[ \t]*(?=\r?\n|$)/;

function listValues(text: string, start: number, out: Candidate[], kind: FieldKind): boolean {
  const list = LIST_RE.exec(text.slice(start, start + 400))?.[0];
  if (!list) return false;
  for (const item of list.matchAll(/[^\s,、/／]+/g)) push(out, kind, text, [start + item.index, start + item.index + item[0].length], 'labelled_field');
  return true;
}

// People listed after a person key (出席者：相澤、沼田 葵、蓮見。 Attendees: Ana Ruiz, Tom Berg): each item is one name,
// spaces inside it included.
const PERSON_LIST_RE = /^[^\n,、，/／]{1,24}(?:[ \t]*[,、，/／][ \t]*[^\n,、，/／]{1,24})+/;

const NAME_ITEM = /^(?:[\u3400-\u9fff々ヶ]{1,4}(?:[ \u3000][\u3400-\u9fff々ヶ]{1,3})?|[\u30a1-\u30fa\u30fc]{2,8}(?:[・ ][\u30a1-\u30fa\u30fc]{2,8}){0,2}|[\u3041-\u3096]{2,5}|[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){0,2})$/u;
const NOT_NAME_ITEM = /(?:先|者|社|会|様|側|方|等|など|各位|全員|一同|部|課|係|室|班|局|所|店|長|員|チーム|グループ|センター)$|^(?:Sales|Support|Finance|Legal|Marketing|Engineering|Operations|Security|Management|Admin|IT|HR)$/;

function personList(text: string, start: number, out: Candidate[]): boolean {
  const list = PERSON_LIST_RE.exec(text.slice(start, start + 400))?.[0]?.replace(/[。.]?[ \t]*(?:ほか|他|ら|etc\.?)?[。.]?[ \t]*$/, '');
  if (!list) return false;
  const items = [...list.matchAll(/[^,、，/／]+/g)];
  // Every item must be shaped like a name, or the list is of something else (取引先、委託先; Sales, HR).
  if (!items.every((m) => NAME_ITEM.test(m[0].trim()) && !NOT_NAME_ITEM.test(m[0].trim()))) return false;
  for (const item of items) {
    const s = start + item.index + (item[0].length - item[0].trimStart().length);
    push(out, 'person', text, [s, s + item[0].trim().length], 'labelled_field');
  }
  return true;
}

// A title in front of the name (報告者：事務長 相澤 千尋, Reporter: Dr. Ana Ruiz) is no part of it.
const LEADING_TITLE = /^(?:(?:[\u3400-\u9fff]{0,4}(?:長|部長|課長|係長|主任|社長|院長|理事長|所長|店長|室長|局長|次長|担当|代表|教授|准教授|講師|助教|医師|看護師|薬剤師|事務員|職員|取締役|会長|専務|常務|顧問|税理士|弁護士|先生))|(?:Dr|Mr|Mrs|Ms|Prof)\.?)[ \t\u3000]+(?=\S)/;

function colonFields(text: string, out: Candidate[]): void {
  for (const m of matches(COLON_RE, text)) {
    const phrase = m[1] as string;
    let kind = fieldKindOfPhrase(phrase.trim());
    if (!kind) continue;
    const span = m.indices?.[2];
    if (!span) continue;
    let [s] = span;
    let e = span[1];
    const title = kind === 'person' ? LEADING_TITLE.exec(text.slice(s, s + 40)) : null;
    if (title) {
      // The name after the title: up to two words on the same line.
      s += title[0].length;
      const words = /^[^\s,;|"'<>()（）「」、。:：]{1,20}(?:[ \t\u3000][^\s,;|"'<>()（）「」、。:：]{1,20})?/.exec(text.slice(s, s + 44))?.[0] ?? '';
      if (words) push(out, kind, text, [s, s + words.length], 'labelled_field');
      continue;
    }
    // An address runs to the end of its line (住所：東京都港区芝公園4-2-8 芝パークビル5階).
    if (kind === 'address') {
      const eol = text.indexOf('\n', s);
      push(out, kind, text, [s, eol < 0 ? text.length : eol], 'labelled_field');
      continue;
    }
    // A list of hosts or users to the end of the line (Affected hosts: KEIRI-PC07, SOUMU-PC02).
    if ((kind === 'host' || kind === 'account') && listValues(text, s, out, kind)) continue;
    if (kind === 'person' && personList(text, s, out)) continue;
    // Only a person's name may take two words ("氏名: 中川 拓", "Display Name: Keiko Arai").
    const second = m.indices?.[3];
    if (second && kind === 'person') e = second[1];
    while (e > s && /[.,;:]/.test(text[e - 1] as string)) e--;
    const value = text.slice(s, e);
    if (PROSE_WORD.test(value)) continue;
    // "User: reported a pop-up.", "Host: isolated by the SOC": a plain word that a sentence goes on from.
    if (/^[a-z]+$/.test(value) && !/^[ \t]*(?:$|\n|\r|[,|;\t])|^[ \t]{2,}|^[ \t]+[A-Za-z][\w -]{0,30}[:：=]/.test(text.slice(e, e + 40))) continue;
    // "Account: Security ID" style: a value that is itself a key names nothing.
    if (text[e] === ':' || text[e] === '：') continue;
    if (kind === 'person' && /^[a-z]/.test(value)) kind = undefined;
    push(out, kind, text, [s, e], 'labelled_field');
  }
}

function bracketFields(text: string, out: Candidate[]): void {
  for (const m of matches(BRACKET_RE, text)) {
    const kind = fieldKindOfPhrase(m[1] as string);
    const span = m.indices?.[2];
    if (!kind || !span) continue;
    // An address or a name runs to the end of the line or the next label.
    const rest = /^[^\n【［[]*/.exec(text.slice(span[0]))?.[0] ?? '';
    push(out, kind, text, kind === 'address' || kind === 'person' ? [span[0], span[0] + rest.length] : [span[0], span[1]], 'labelled_field');
  }
}

function japaneseUserFields(text: string, out: Candidate[]): void {
  for (const m of matches(JA_USER_RE, text)) {
    const span = valueSpan(m, 1);
    const value = span ? text.slice(span[0], span[1]) : '';
    // Unquoted, only an id-like value (ユーザー ID, アカウント VPN are words).
    if (m[1] !== undefined || /[\d._\\-]/.test(value) || /^[a-z]{3,}$/.test(value)) push(out, 'account', text, span, 'labelled_field');
  }
}

export function detectRecordFields(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(JSON_RE, text)) {
    const kind = fieldKind(m[2] as string);
    // A bare number is a value only for number-like keys (employeeId: 10482), not for a host or a name.
    if (m[5] !== undefined && kind !== 'account') continue;
    push(out, kind, text, valueSpan(m, 3));
  }
  for (const re of [XML_DATA_RE, XML_ELEMENT_RE]) for (const m of matches(re, text)) push(out, fieldKind(m[1] as string), text, valueSpan(m, 2));
  for (const m of matches(KV_RE, text)) push(out, fieldKind(m[1] as string), text, valueSpan(m, 2));
  for (const re of [ANGLE_RE, AUTH_LOG_RE]) for (const m of matches(re, text)) push(out, 'account', text, valueSpan(m, 1));
  for (const m of matches(BEFORE_ACCOUNT_RE, text)) {
    const name = m[1] as string;
    // A plain lower-case word must be no English word ("admin account", "email account", "the user account").
    if (/^[a-z]+$/.test(name) && (isOrdinaryWord(name) || BEFORE_ACCOUNT_WORD.test(name))) continue;
    if (!FILE_EXTENSION.test(name.slice(name.lastIndexOf('.') + 1))) push(out, 'account', text, valueSpan(m, 1), 'labelled_field');
  }
  bracketFields(text, out);
  japaneseUserFields(text, out);
  colonFields(text, out);
  return out;
}
