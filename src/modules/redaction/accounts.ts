// Accounts: user ids, employee numbers, bank accounts, passports, DOMAIN\user, victim-unique ransom ids.
import { isOrdinaryWord } from './data/name-lexicon.js';
import { isRomajiSurname } from './names.js';
import { propagate } from './propagate.js';
import { matches } from './text.js';
import type { Candidate } from './types.js';

const account = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'ACCOUNT', start, end, reason, priority: 1 });

const ASCII_WORDS = String.raw`(?:(?:service|user|admin(?:istrator)?|local|domain|target|compromised|victim|email|e-mail|mail|vpn|ad|cloud|shared|bank)\s)?(?:accounts?|user(?:name|[ _-]?id)?|login(?:[ _-]?id)?|log-in|uid|sam(?:account)?name|employee\s?(?:no\.?|number|id|#)|staff\s?(?:no\.?|number|id)|member\s?(?:no\.?|number|id)|customer\s?(?:no\.?|number|id)|account\s?(?:no\.?|number|#)|a\/c(?:\s?(?:no\.?|number|#))?|acct\.?(?:\s?(?:no\.?|number|#))?|passport(?:\s?(?:no\.?|number))?|licen[cs]e\s?(?:no\.?|number)|victim\s?id|personal\s?id|decryption\s?id|your\s?id|id)`;
const JA_WORDS = String.raw`(?:アカウント\s?(?:名|ID)?|ユーザー?\s?(?:名|ID)|ユーザＩＤ|ログイン\s?(?:名|ID)|利用者ID|社員(?:番号|コード|ID)|職員(?:番号|ID)|従業員(?:番号|ID)|会員(?:番号|ID)|顧客(?:番号|ID|コード)|口座(?:番号)?|旅券番号|パスポート(?:番号)?|免許証番号|保険証番号|被害者ID|復号ID|識別ID)`;
const VALUE = String.raw`(?:「([^」\s]{2,64})」|"([^"\s]{2,64})"|'([^'\s]{2,64})'|([A-Za-z0-9][A-Za-z0-9._@\\-]{1,63}))`;
const KEYWORD_RE = new RegExp(String.raw`(?:(?<![A-Za-z])${ASCII_WORDS}(?![A-Za-z])|${JA_WORDS})(?:\s?(?:は|：|:|=|is|was|#|\||[（(])\s?|\s?[:：=]\s?|\s)?\s*(?:(?:普通|当座|savings|checking)\s*)?${VALUE}`, 'dgi');
const LOGIN_VALUE = String.raw`([A-Za-z0-9][A-Za-z0-9._@-]{1,62}[A-Za-z0-9])`;
const LOGIN_AS_RE = new RegExp(String.raw`(?:(?:logged|signed|log|sign)[ -]?(?:in|on)|authenticated|connected|impersonat(?:ed|ing))\s+(?:as|with\s+(?:the\s+)?(?:account|user(?:name)?))\s+["'「]?${LOGIN_VALUE}`
  + String.raw`|(?<![A-Za-z0-9._@-])["'「]?${LOGIN_VALUE}["'」]?\s*(?:として|の(?:アカウント|ID)で|で)(?:ログイン|サインイン|ログオン)`
  // Whose password or second factor was reset: "reset the password for "e.nakamura"", "MFA of ops-kato2".
  + String.raw`|(?<![A-Za-z])(?:password|credentials?|mfa|2fa)\s+(?:for|of)\s+(?:the\s+(?:user|account)\s+)?["'「]${LOGIN_VALUE}["'」]`
  // Unquoted, the value must look like an id (checked below): "credentials for jsmith", "mailbox of k.tanaka".
  + String.raw`|(?<![A-Za-z])(?:password|credentials?|mfa|2fa|mailbox|inbox|home\s+directory|profile)\s+(?:for|of)\s+(?:the\s+(?:user|account)\s+)?${LOGIN_VALUE}(?![\w@.-])`
  // su - tanaka, sudo -u tanaka, runuser -l tanaka, chown tanaka:staff.
  + String.raw`|(?<![\w-])(?:su\s+-l?|su|sudo\s+-u|runuser\s+-l|runuser\s+-u|chown(?:\s+-R)?)\s+${LOGIN_VALUE}(?=[\s:]|$)`
  // id output: uid=1001(tanaka) gid=1001(tanaka).
  + String.raw`|\b[ug]id=\d+\(${LOGIN_VALUE}\)`, 'dgi');
// svc_veeam, sql-svc: a service prefix or suffix joined by a separator names an account even without digits.
const SERVICE_ACCOUNT_RE = /(?<![\w.@\\-])(?:(?:admin|adm|svc|sa|srv|service|backup|bk)[-_]?[a-z]*\d{1,4}|svc[-_][a-z][a-z0-9_-]{1,30}[a-z0-9]|[a-z][a-z0-9]{1,20}[-_]svc)(?![\w.@-])/gi;
const WINDOWS_RE = /(?<![A-Za-z0-9\\.-])([A-Z][A-Z0-9-]{1,14})\\[A-Za-z][A-Za-z0-9._-]{1,30}/g;
// Registry hives, built-in principals and system folders are not domains (HKLM\SOFTWARE, NT AUTHORITY\SYSTEM).
const NOT_A_DOMAIN = /^(?:HKLM|HKCU|HKCR|HKU|HKCC|HKEY_[A-Z_]+|AUTHORITY|BUILTIN|NT|SYSVOL|NETLOGON|WINDOWS|SYSTEM32|PROGRAMDATA|TEMP|APPDATA)$/;
// "Event ID 4625", "Process ID: 4521", "Tox ID", "with ESMTP id 4XyZ": ids of things, not of accounts.
const THING_ID = /(?:e?smtps?a?|lmtp|queue|event|process|thread|session|alert|incident|ticket|request|correlation|tenant|object|rule|signature|transaction|message|order|invoice|device|sample|file|case|record|job|task|report|detection|app|application|client|resource|subscription|activity|logon|tox|chat|product|vendor|machine|sensor|agent|policy|trace|batch|build|commit|query|item|sku)[\s_-]?$/i;
// A hash-length hex value after a plain id word is a file hash (an indicator); only a ransom note's victim id
// (personal / victim / decryption id) is the victim's.
const HASH_LIKE = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
// Null, SYSTEM, LOCAL/NETWORK SERVICE and BUILTIN SIDs name no one.
const WELL_KNOWN_SID = /^S-1-(?:0-0|1-0|5-(?:7|18|19|20)|5-32-\d{3})$/i;
const RANSOM_ID = /(?:victim|personal|decryption|your)\s?id|被害者ID|復号ID|識別ID/i;

// "User: reported a pop-up.", "Account: disabled.": a word that a sentence goes on from is no field value.
const endsField = (text: string, end: number): boolean =>
  /^[ \t]*(?:$|\n|\r|[,|;\t)）」"'])|^[ \t]{2,}|^[ \t]+[A-Za-z][\w -]{0,30}[:：=]|^[\u0080-\uffff]/.test(text.slice(end, end + 40));

// An unquoted value after an account word must look like an id, not like the next English word.
function looksLikeId(value: string): boolean {
  if (/\d/.test(value) || /[._@\\-]/.test(value)) return true;
  // "the user jmorales": a lower-case login that is no English word.
  if (/^[a-z]{4,30}$/.test(value) && !isOrdinaryWord(value)) return true;
  if (isRomajiSurname(value)) return true;
  return /^(?:admin|administrator|root|guest|backup|svc\w*|test\w*)$/i.test(value) || /^[a-z]{2,}_[a-z]+$/i.test(value);
}

// The value after an account word, or nothing when it is not an account of the member.
function keywordValue(text: string, m: RegExpExecArray): Candidate | undefined {
  const g = [1, 2, 3, 4].find((n) => m.indices?.[n]);
  const span = g === undefined ? undefined : m.indices?.[g];
  if (g === undefined || !span) return undefined;
  const value = text.slice(span[0], span[1]).replace(/[.,;:-]+$/, '');
  const end = span[0] + value.length;
  if (/^id/i.test(m[0]) && THING_ID.test(text.slice(Math.max(0, m.index - 16), m.index))) return undefined;
  // A ransom note's victim id opens the negotiation: a secret, even when it looks like a hash.
  if (RANSOM_ID.test(m[0])) return { kind: 'sensitive', label: 'SECRET', start: span[0], end, reason: 'ransom_victim_id', priority: 2 };
  if (HASH_LIKE.test(value) || WELL_KNOWN_SID.test(value)) return undefined;
  // "Failed password for invalid user admin": the attacker's guess, no account of the member.
  if (/invalid\s$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) return undefined;
  const explicit = /[:：=]\s*$/.test(text.slice(m.index, span[0])) && /^[a-z][a-z0-9]{2,31}$/i.test(value) && !/^(?:none|null|unknown|n\/a|admin|root)$/i.test(value)
    && endsField(text, end);
  return g < 4 || explicit || looksLikeId(value) ? account(span[0], end, 'account_after_keyword') : undefined;
}

export function detectAccounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(KEYWORD_RE, text)) {
    const c = keywordValue(text, m);
    if (c) out.push(c);
  }
  for (const m of matches(SERVICE_ACCOUNT_RE, text)) out.push(account(m.index, m.index + m[0].length, 'account_after_keyword'));
  // Who someone signed in as: the account used (the member's, taken over), after or before the sign-in verb.
  for (const m of matches(LOGIN_AS_RE, text)) {
    const span = [1, 2, 3, 4, 5, 6].map((g) => m.indices?.[g]).find((x) => x !== undefined);
    const value = span ? text.slice(span[0], span[1]) : '';
    if (span && looksLikeId(value) && !/^(?:admin|administrator|root|guest)$/i.test(value)) out.push(account(span[0], span[1], 'account_after_keyword'));
  }
  for (const m of matches(WINDOWS_RE, text)) {
    // A sentence's full stop is not part of the user name (User: MINATO\k.tanabe.).
    if (!NOT_A_DOMAIN.test(m[1] as string)) out.push(account(m.index, m.index + m[0].replace(/[._-]+$/, '').length, 'windows_account'));
  }
  return [...out, ...propagate(text, out)];
}
