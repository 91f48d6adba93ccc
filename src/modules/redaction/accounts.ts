// Accounts: user ids, employee numbers, bank accounts, passports, DOMAIN\user, victim-unique ransom ids.
import { isRomajiSurname } from './names.js';
import { matches } from './text.js';
import type { Candidate } from './types.js';

const account = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'ACCOUNT', start, end, reason, priority: 1 });

const ASCII_WORDS = String.raw`(?:(?:service|user|admin(?:istrator)?|local|domain|target|compromised|victim|email|e-mail|mail|vpn|ad|cloud|shared|bank)\s)?(?:accounts?|user(?:name|[ _-]?id)?|login(?:[ _-]?id)?|log-in|uid|sam(?:account)?name|employee\s?(?:no\.?|number|id|#)|staff\s?(?:no\.?|number|id)|member\s?(?:no\.?|number|id)|customer\s?(?:no\.?|number|id)|account\s?(?:no\.?|number|#)|passport(?:\s?(?:no\.?|number))?|licen[cs]e\s?(?:no\.?|number)|victim\s?id|personal\s?id|decryption\s?id|your\s?id|id)`;
const JA_WORDS = String.raw`(?:アカウント(?:名|ID)?|ユーザー?(?:名|ID)|ユーザＩＤ|ログイン(?:名|ID)|利用者ID|社員(?:番号|コード|ID)|職員(?:番号|ID)|従業員(?:番号|ID)|会員(?:番号|ID)|顧客(?:番号|ID|コード)|口座(?:番号)?|旅券番号|パスポート(?:番号)?|免許証番号|保険証番号|被害者ID|復号ID|識別ID)`;
const VALUE = String.raw`(?:「([^」\s]{2,64})」|"([^"\s]{2,64})"|'([^'\s]{2,64})'|([A-Za-z0-9][A-Za-z0-9._@\\-]{1,63}))`;
const KEYWORD_RE = new RegExp(String.raw`(?:(?<![A-Za-z])${ASCII_WORDS}(?![A-Za-z])|${JA_WORDS})(?:\s?(?:は|：|:|=|is|was|#|\|)\s?|\s?[:：=]\s?|\s)?\s*(?:(?:普通|当座|savings|checking)\s*)?${VALUE}`, 'dgi');
const SERVICE_ACCOUNT_RE = /(?<![\w.@\\-])(?:admin|adm|svc|sa|srv|service|backup|bk)[-_]?[a-z]*\d{1,4}(?![\w.@-])/gi;
const WINDOWS_RE = /(?<![A-Za-z0-9\\])[A-Z][A-Z0-9-]{1,14}\\[A-Za-z][A-Za-z0-9._-]{1,30}/g;

// An unquoted value after an account word must look like an id, not like the next English word.
function looksLikeId(value: string): boolean {
  if (/\d/.test(value) || /[._@\\-]/.test(value)) return true;
  if (isRomajiSurname(value)) return true;
  return /^(?:admin|administrator|root|guest|backup|svc\w*|test\w*)$/i.test(value) || /^[a-z]{2,}_[a-z]+$/i.test(value);
}

export function detectAccounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(KEYWORD_RE, text)) {
    for (let g = 1; g <= 4; g++) {
      const span = m.indices?.[g];
      if (!span) continue;
      const value = text.slice(span[0], span[1]).replace(/[.,;:-]+$/, '');
      const explicit = /[:：=]\s*$/.test(text.slice(m.index, span[0])) && /^[a-z][a-z0-9]{2,31}$/i.test(value) && !/^(?:none|null|unknown|n\/a|admin|root)$/i.test(value);
      if (g < 4 || explicit || looksLikeId(value)) out.push(account(span[0], span[0] + value.length, 'account_after_keyword'));
      break;
    }
  }
  for (const m of matches(SERVICE_ACCOUNT_RE, text)) out.push(account(m.index, m.index + m[0].length, 'account_after_keyword'));
  for (const m of matches(WINDOWS_RE, text)) out.push(account(m.index, m.index + m[0].length, 'windows_account'));
  return out;
}
