// Secrets: private key blocks, tokens in known formats, and values after password/key/token words.
import { matches } from './text.js';
import type { Candidate } from './types.js';

const secret = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'SECRET', start, end, reason, priority: 2 });

const KNOWN = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g,
  /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g,
  /(?<![A-Za-z0-9_])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /(?<![A-Za-z0-9_])xox[abposr]-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9_])AIza[0-9A-Za-z_-]{35}/g,
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /(?<![A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g,
  /(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20}/g,
  /(?<=(?<![A-Za-z])[Bb]earer\s{1,3})[A-Za-z0-9._~+/-]{11,}[A-Za-z0-9_~+/-]=*/g,
  /(?<=(?<![A-Za-z])[Bb]asic\s{1,3})[A-Za-z0-9+/]{12,}={0,2}/g,
  /(?<![A-Za-z0-9])(?:SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/g,
];
// Phobos / 8Base: the victim's id inside the encrypted files' extension (.id[8F3A1B2C-3483].[mail].8base).
const PHOBOS_ID_RE = /(?<=\.id[[-])[A-F0-9]{8}(?:-\d{4})?(?=\]?\.)/gi;

const ASCII_KEYWORD = String.raw`(?:pass(?:word|wd|phrase|code)?|pwd|pw|secret(?:[_ -]?key)?|client[_ -]?secret|api[_ -]?key|apikey|access[_ -]?key(?:[_ -]?id)?|secret[_ -]?access[_ -]?key|token|bearer|authorization|auth[_ -]?token|private[_ -]?key|credentials?|pin)`;
const JA_KEYWORD = String.raw`(?:パスワード|暗証番号|パスフレーズ|APIキー|アクセスキー|シークレット(?:キー)?|トークン|認証キー|秘密鍵)`;
// An environment variable or config key may carry more words (AWS_SECRET_ACCESS_KEY, API_KEY_PROD): they belong to
// the key, not to the value.
const KEYWORD = String.raw`(?:(?<![A-Za-z])${ASCII_KEYWORD}(?:[_-][A-Za-z0-9]+)*(?![A-Za-z0-9])|${JA_KEYWORD})`;
const QUOTED = String.raw`「([^」\n]{1,200})」|『([^』\n]{1,200})』|"([^"\n]{1,200})"|'([^'\n]{1,200})'|\x60([^\x60\n]{1,200})\x60`;
// A bare value ends at a space or punctuation, or at a bracket that opens a note in Japanese (0825（誕生日）).
const BARE = String.raw`([!-~]{4,200}?)(?=[\s、。，,;）)」\]]|\((?=[^\x00-\x7f])|$|[^\x00-\x7f])`;
const KEYWORD_RE = new RegExp(String.raw`${KEYWORD}(?:\s?(?:は|を|が|も|：|:|=|is|was|=>|->|(?:for|of)\s(?:[^\s:=]+\s){0,4}?(?:is|was|[:=]))\s?|\s?[:：=]\s?|\s)?\s*(?:${QUOTED}|${BARE})`, 'dgi');

// An unquoted value is a secret only when it looks like one: no plain word like "reset" or "changed".
function looksSecret(value: string, quoted: boolean): boolean {
  if (quoted) return value.trim().length >= 3;
  // PWD=/home/oshiro in a sudo log is the working directory.
  if (/^(?:\/|~\/|[A-Za-z]:\\)[\w./\\-]*$/.test(value)) return false;
  if (value.length < 6 && !/\d/.test(value)) return false;
  if (/^(?:reset|changed?|change|expired?|policy|manager|required|protected|spraying|spray|attack|attempts?|for|and|the|of|was|is|to|in|on|with|from|leak(?:ed)?|dump|file|list|hash(?:es)?|authentication|login|update[ds]?|rotation|rotated|none|null|unknown|n\/a)$/i.test(value)) return false;
  return /[0-9!-/:-@[-`{-~]/.test(value) || /[a-z][A-Z]|[A-Z][a-z].*[A-Z]/.test(value) || value.length >= 12;
}

// "with Administrator / P@ssw0rd!", "ID/PW: sato / Haru2025": a user and a password written as a pair.
const PAIR_RE = /(?:(?<![A-Za-z])(?:with|using|creds?|credentials?|login)|ID\s?[/／・]\s?(?:PW|パス(?:ワード)?)|認証情報)[:：]?\s+([\w.@\\-]{2,40})\s?[/／]\s?([!-~]{4,64}?)(?=[\s、。，,;)）」\]]|$|[^\s!-~])/dgi;

function credentialPairs(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PAIR_RE, text)) {
    // The user of the pair is an account (the password keyword before it must not make it a secret), unless built in.
    const user = m.indices?.[1];
    if (user && !/^(?:administrator|admin|root|guest)$/i.test(text.slice(user[0], user[1]))) {
      out.push({ kind: 'sensitive', label: 'ACCOUNT', start: user[0], end: user[1], reason: 'account_after_keyword', priority: 3 });
    }
    const pass = m.indices?.[2];
    const value = pass ? text.slice(pass[0], pass[1]).replace(/[.,;:]+$/, '') : '';
    if (pass && looksSecret(value, false)) out.push(secret(pass[0], pass[0] + value.length, 'secret_after_keyword'));
  }
  return out;
}

// scheme://user:password@host: the password is a secret, the user an account.
const URL_CREDENTIALS_RE = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]{1,15}:\/\/([^\s:/@]{1,64}):([^\s@/]{1,128})@/dgi;

function urlCredentials(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(URL_CREDENTIALS_RE, text)) {
    const user = m.indices?.[1];
    const pass = m.indices?.[2];
    if (user) out.push({ kind: 'sensitive', label: 'ACCOUNT', start: user[0], end: user[1], reason: 'account_after_keyword', priority: 1 });
    if (pass) out.push(secret(pass[0], pass[1], 'secret_after_keyword'));
  }
  return out;
}

export function detectSecrets(text: string): Candidate[] {
  const out: Candidate[] = [...urlCredentials(text), ...credentialPairs(text)];
  for (const re of KNOWN) for (const m of matches(re, text)) out.push(secret(m.index, m.index + m[0].length, 'known_token_format'));
  for (const m of matches(PHOBOS_ID_RE, text)) out.push(secret(m.index, m.index + m[0].length, 'ransom_victim_id'));
  for (const m of matches(KEYWORD_RE, text)) {
    for (let g = 1; g <= 6; g++) {
      const span = m.indices?.[g];
      if (!span) continue;
      let [s, e] = span;
      const value = text.slice(s, e).replace(/[.,;:]+$/, '');
      e = s + value.length;
      while (s < e && /\s/.test(text[s] as string)) s++;
      if (looksSecret(value, g <= 5)) out.push(secret(s, e, 'secret_after_keyword'));
      break;
    }
  }
  return out;
}
