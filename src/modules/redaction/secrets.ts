// Secrets: private key blocks, tokens in known formats, and values after password/key/token words.
import { detectCredentialShapes } from './credentials.js';
import { propagate } from './propagate.js';
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
  /(?<![A-Za-z0-9_-])(?:GOCSPX-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{40,}|shp(?:at|ss|ca|pa)_[a-f0-9]{32}|dop_v1_[a-f0-9]{64}|hf_[A-Za-z0-9]{30,})(?![A-Za-z0-9_-])/g,
  // A chat webhook URL of the member's own workspace (Slack, Teams): whoever holds it can post as the member.
  // (Discord webhooks are left alone: stealers post to them, they are the attacker's.)
  /https?:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g,
  /https?:\/\/[\w-]+\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/_-]{40,}/g,
  // Signed URLs: the signature (S3 presigned, Azure SAS) and an access key in a query.
  /(?<=[?&](?:X-Amz-Signature|X-Goog-Signature|sig|Signature|access_token|api_key|apikey|token)=)[A-Za-z0-9%._~+/-]{16,}={0,2}/g,
];
// A BitLocker recovery key: eight blocks of six digits, each a multiple of 11 below 720896.
const RECOVERY_KEY_RE = /(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])/g;
const recoveryKeyOk = (key: string): boolean => key.split('-').every((b) => Number(b) % 11 === 0 && Number(b) < 720896);
// Phobos / 8Base: the victim's id inside the encrypted files' extension (.id[8F3A1B2C-3483].[mail].8base).
const PHOBOS_ID_RE = /(?<=\.id[[-])[A-F0-9]{8}(?:-\d{4})?(?=\]?\.)/gi;

const ASCII_KEYWORD = String.raw`(?:pass(?:word|wd|phrase|code)?|pwd|pw|secret(?:[_ -]?key)?|client[_ -]?secret|api[_ -]?key|apikey|access[_ -]?key(?:[_ -]?id)?|secret[_ -]?access[_ -]?key|token|bearer|authorization|auth[_ -]?token|private[_ -]?key|credentials?|pin|passkey|psk|pre[_ -]?shared[_ -]?key|(?:recovery|encryption|signing|master|hmac|license|account|shared[_ -]?access|storage[_ -]?account)[_ -]?key|salt|session[_ -]?(?:id|key|token|secret)|sessid|phpsessid|jsessionid|passcode|(?:ntlm(?:v2)?|nt|lm|net-?ntlm(?:v2)?)[_ -]?hash(?:es)?|(?:recovery|backup)[_ -]?codes?|(?:security|secret)[_ -]?answer)`;
const JA_KEYWORD = String.raw`(?:パスワード|暗証番号|パスフレーズ|APIキー|アクセスキー|シークレット(?:キー)?|トークン|認証キー|秘密鍵|(?:事前)?共有(?:キー|鍵)|暗号(?:化)?(?:キー|鍵)|(?:回復|リカバリー?)キー|ネットワークキー|セキュリティキー|パスコード|PINコード|合言葉|ワンタイムパスワード|秘密の質問の答え|リカバリーコード|バックアップコード|復号キー)`;
// An environment variable or config key may carry more words (AWS_SECRET_ACCESS_KEY, API_KEY_PROD): they belong to
// the key, not to the value.
const KEYWORD = String.raw`(?:(?<![A-Za-z])${ASCII_KEYWORD}(?:[_-][A-Za-z0-9]+)*(?![A-Za-z0-9])|${JA_KEYWORD})`;
const QUOTED = String.raw`「([^」\n]{1,200})」|『([^』\n]{1,200})』|"([^"\n]{1,200})"|'([^'\n]{1,200})'|\x60([^\x60\n]{1,200})\x60`;
// A bare value ends at a space or punctuation, or at a bracket that opens a note in Japanese (0825（誕生日）).
const BARE = String.raw`([!-~]{4,200}?)(?=[\s、。，,;）)」\]]|\((?=[^\x00-\x7f])|$|[^\x00-\x7f])`;
const KEYWORD_RE = new RegExp(String.raw`${KEYWORD}["']?(?:\s?(?:は|を|が|も|：|:|=|is|was|=>|->|[（(]|(?:for|of)\s(?:[^\s:=]+\s){0,4}?(?:is|was|[:=]))\s?|\s?[:：=]\s?|\s)?\s*(?:${QUOTED}|${BARE})`, 'dgi');

// An unquoted value is a secret only when it looks like one: no plain word like "reset" or "changed".
export function looksSecret(value: string, quoted: boolean): boolean {
  if (quoted) return value.trim().length >= 3;
  // PWD=/home/oshiro in a sudo log is the working directory.
  if (/^(?:\/|~\/|[A-Za-z]:\\)[\w./\\-]*$/.test(value)) return false;
  if (value.length < 6 && !/\d/.test(value)) return false;
  // A mask (********, xxxxxxxx) shows that the password was left out.
  if (/^(?:\*+|x+|●+|•+)$/i.test(value)) return false;
  if (/^(?:reset|changed?|change|expired?|policy|manager|required|protected|spraying|spray|attack|attempts?|for|and|the|of|was|is|to|in|on|with|from|leak(?:ed)?|dump|file|list|hash(?:es)?|authentication|login|update[ds]?|rotation|rotated|none|null|unknown|n\/a)$/i.test(value)) return false;
  return /[0-9!-/:-@[-`{-~]/.test(value) || /[a-z][A-Z]|[A-Z][a-z].*[A-Z]/.test(value) || value.length >= 12;
}

// A password word with a colon, '=' or は before the value (パスワード：aoba, Password: tiger, PIN=0825) says that the value
// is the password, even a short plain word; placeholders, masks and words about the password are not.
const EXPLICIT_PASSWORD = /^(?:pass(?:word|wd|phrase|code)?|pwd|pw|pin|パスワード|暗証番号|パスフレーズ|パスコード)["']?\s?(?:[:：=]|は)\s?$/i;
const explicitPassword = (keyAndSeparator: string): boolean => EXPLICIT_PASSWORD.test(keyAndSeparator);
export const plainPassword = (value: string): boolean => value.length >= 4 && !/^(?:\/|~\/|[A-Za-z]:\\).*$|^(?:\*+|x+|●+|-+|\?+|\(.*|\[.*|<.*|\{.*|none|null|nil|n\/a|unknown|same|blank|empty|reset|changed?|expired?|required|hidden|redacted|masked|omitted|see|set|sent|shared|unchanged|default)$/i.test(value);

// "with Administrator / P@ssw0rd!", "ID/PW: sato / Haru2025": a user and a password written as a pair.
const PAIR_RE = /(?:(?<![A-Za-z])(?:with|using|creds?|credentials?|login)|ID\s?[/／・]\s?(?:PW|パス(?:ワード)?)|認証情報)[:：]?\s+([\w.@\\-]{2,40})\s?[/／]\s?([!-~]{4,64}?)(?=[\s、。，,;)）」\]]|$|[^\s!-~])/dgi;

function credentialPairs(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PAIR_RE, text)) {
    const pass = m.indices?.[2];
    const value = pass ? text.slice(pass[0], pass[1]).replace(/[.,;:]+$/, '') : '';
    // After "with" or "using" a pair may be words (with read/write access); after ID/PW or credentials it is not.
    const explicit = !/^(?:with|using)\b/i.test(m[0]);
    if (!pass || !(looksSecret(value, false) || (explicit && plainPassword(value)))) continue;
    out.push(secret(pass[0], pass[0] + value.length, 'secret_after_keyword'));
    // The user of the pair is an account (the password keyword before it must not make it a secret), unless built in.
    const user = m.indices?.[1];
    if (user && !/^(?:administrator|admin|root|guest)$/i.test(text.slice(user[0], user[1]))) {
      out.push({ kind: 'sensitive', label: 'ACCOUNT', start: user[0], end: user[1], reason: 'account_after_keyword', priority: 3 });
    }
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
  const out: Candidate[] = [...urlCredentials(text), ...credentialPairs(text), ...detectCredentialShapes(text)];
  for (const re of KNOWN) for (const m of matches(re, text)) out.push(secret(m.index, m.index + m[0].length, 'known_token_format'));
  for (const m of matches(RECOVERY_KEY_RE, text)) if (recoveryKeyOk(m[0])) out.push(secret(m.index, m.index + m[0].length, 'known_token_format'));
  for (const m of matches(PHOBOS_ID_RE, text)) out.push(secret(m.index, m.index + m[0].length, 'ransom_victim_id'));
  for (const m of matches(KEYWORD_RE, text)) {
    for (let g = 1; g <= 6; g++) {
      const span = m.indices?.[g];
      if (!span) continue;
      let [s, e] = span;
      const value = text.slice(s, e).replace(/[.,;:]+$/, '');
      e = s + value.length;
      while (s < e && /\s/.test(text[s] as string)) s++;
      if (looksSecret(value, g <= 5) || (explicitPassword(text.slice(m.index, span[0])) && plainPassword(value))) out.push(secret(s, e, 'secret_after_keyword'));
      break;
    }
  }
  return [...out, ...propagate(text, out)];
}
