// Credentials found by where they are written rather than by a keyword right before them: command lines (curl -u
// user:pass, mysql -u user -pPASS, sshpass -p, psexec -u/-p, net use … /user:, ssh user@host), cookies of a request
// dump, and prose where a little text stands between the password word and the value (パスワードが初期値の 11111111
// のまま, "the password was reset to Welcome2025!").
import { matches } from './text.js';
import type { Candidate } from './types.js';

const secret = (start: number, end: number): Candidate => ({ kind: 'sensitive', label: 'SECRET', start, end, reason: 'secret_after_keyword', priority: 2 });
const account = (start: number, end: number): Candidate => ({ kind: 'sensitive', label: 'ACCOUNT', start, end, reason: 'account_after_keyword', priority: 1 });

// Built-in principals name nobody of the member.
const BUILT_IN = /^(?:root|admin|administrator|guest|anonymous|ftp|nobody)$/i;

// A value written as a credential: not a path, a variable, a placeholder, a date, a time or an amount; letters with
// digits or symbols, or a PIN of 4 to 16 digits.
export function credentialLike(value: string): boolean {
  if (value.length < 4 || value.length > 200) return false;
  if (/^(?:\/|~\/|\.{1,2}\/|[A-Za-z]:\\|\$|%|<|\{\{|\*+$|x{3,}$)/i.test(value)) return false;
  if (/^\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$|^\d{1,2}:\d{2}(?::\d{2})?$|^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return false;
  if (/^[\d,.:/-]+$/.test(value)) return /^\d{4,16}$/.test(value);
  // Domains, URLs, addresses and hashes are indicators or the network detector's.
  if (/:\/\/|@|\.[A-Za-z]{2,24}$|^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i.test(value)) return false;
  const letters = /[A-Za-z]/.test(value);
  return letters && (/\d/.test(value) || /[^A-Za-z0-9]/.test(value) || /[a-z][A-Z]/.test(value));
}

const unquote = (text: string, s: number, e: number): [number, number] => {
  let a = s;
  let b = e;
  while (a < b && /["'`]/.test(text[a] as string)) a++;
  while (b > a && /["'`,;]/.test(text[b - 1] as string)) b--;
  return [a, b];
};

// curl/wget -u user:password, --user user:password, --proxy-user: the pair in one argument.
const USER_PASS_FLAG_RE = /(?<![\w-])(?:-u|--user|--proxy-user|-U)[ =]+["']?([A-Za-z0-9_.@\\-]{1,64}):([^\s"'`]{1,128})/dg;
// Database and remote-execution tools: -u/-U/--user/--username for the account, -p (attached, mysql) or -p/-P/-a
// followed by a value (sshpass, psexec, sqlcmd, redis-cli) for the password.
const TOOL_LINE_RE = /(?<![\w-])(?:mysql|mysqldump|mysqladmin|mariadb|psql|pg_dump|sqlcmd|osql|mongo|mongosh|mongodump|redis-cli|sshpass|psexec(?:64)?|paexec|wmiexec(?:\.py)?|smbexec(?:\.py)?|smbclient|crackmapexec|nxc|evil-winrm|xfreerdp|rdesktop)(?:\.exe)?(?=\s)[^\n`|;&]*/gi;
const TOOL_USER_RE = /(?<=\s)(?:-u|-U|--user(?:name)?[ =]|-l|\/u:|\/user:)\s?["']?([A-Za-z0-9][A-Za-z0-9_.@\\-]{0,63})(?![:\w])/dg;
const TOOL_PASS_RE = /(?<=\s)(?:-p(?=["'A-Za-z0-9!@#$%^&*])|-p\s+|-P\s+|-a\s+|-H\s+(?=[0-9a-f]{32})|--password[ =]|\/p:|\/password:)(["']?)([^\s"'`]{3,128})\1/dg;
// net use \\host\share <password> /user:DOMAIN\user; net user <name> <password> /add.
const NET_USE_RE = /(?<![\w-])net\s+use\s+(?:[A-Z]:\s+)?\\\\\S+\s+(?!\/)(\S+)\s+\/user:(\S+)|(?<![\w-])net\s+use\s+(?:[A-Z]:\s+)?\\\\\S+\s+\/user:(\S+)\s+(?!\/)(\S+)|(?<![\w-])net\s+user\s+(?!\/)([A-Za-z0-9][\w.-]{0,30})\s+(?!\/)([^\s/*]\S{3,63})\s+\/add/dgi;
// ssh/scp/sftp/rsync to user@host: the account on the member's machine.
const SSH_USER_RE = /(?<![\w-])(?:ssh|scp|sftp|rsync|ssh-copy-id|sshfs)\s[^\n`|;&]*?(?<=[\s:'"])([a-z_][a-z0-9._-]{1,31})@(?=[A-Za-z0-9[])/dg;

function commandLines(text: string, out: Candidate[]): void {
  for (const m of matches(USER_PASS_FLAG_RE, text)) {
    const u = m.indices?.[1];
    const p = m.indices?.[2];
    if (u && !BUILT_IN.test(m[1] as string)) out.push(account(u[0], u[1]));
    if (p) out.push(secret(...unquote(text, p[0], p[1])));
  }
  for (const line of matches(TOOL_LINE_RE, text)) {
    const base = line.index;
    for (const m of matches(TOOL_USER_RE, line[0])) {
      const u = m.indices?.[1];
      if (u && !BUILT_IN.test(m[1] as string) && !/^\d+$/.test(m[1] as string)) out.push(account(base + u[0], base + u[1]));
    }
    for (const m of matches(TOOL_PASS_RE, line[0])) {
      const p = m.indices?.[2];
      const value = m[2] as string;
      if (p && !/^\d{1,5}$/.test(value) && (credentialLike(value) || /^[0-9a-f]{32}$/i.test(value))) out.push(secret(base + p[0], base + p[1]));
    }
  }
  for (const m of matches(NET_USE_RE, text)) {
    const pairs: [number, number][] = [[2, 1], [3, 4], [5, 6]];
    for (const [ug, pg] of pairs) {
      const u = m.indices?.[ug];
      const p = m.indices?.[pg];
      if (u && !BUILT_IN.test((m[ug] as string).replace(/^.*\\/, ''))) out.push(account(u[0], u[1]));
      if (p && m[pg] !== '*') out.push(secret(...unquote(text, p[0], p[1])));
    }
  }
  for (const m of matches(SSH_USER_RE, text)) {
    const u = m.indices?.[1];
    if (u && !BUILT_IN.test(m[1] as string)) out.push(account(u[0], u[1]));
  }
}

// Cookie: / Set-Cookie: headers: a long random value is a session, whatever the cookie's name (theme=dark is not).
const COOKIE_LINE_RE = /^[ \t>]*(?:Set-)?Cookie[ \t]*:[^\n]*/gim;
const COOKIE_PAIR_RE = /([A-Za-z0-9_.$-]{1,64})=([A-Za-z0-9%._~+/=:-]{16,4096})/dg;

function cookies(text: string, out: Candidate[]): void {
  for (const line of matches(COOKIE_LINE_RE, text)) {
    for (const m of matches(COOKIE_PAIR_RE, line[0])) {
      const v = m.indices?.[2];
      const value = m[2] as string;
      if (!v || /^(?:path|domain|expires|max-age|samesite)$/i.test(m[1] as string)) continue;
      // Random: digits and letters mixed, not a date or a word.
      if (/\d/.test(value) && /[A-Za-z]/.test(value) && !/^\w{3}, \d/.test(value)) out.push(secret(line.index + v[0], line.index + v[1]));
    }
  }
}

// A password word, a few words of Japanese, then the value: パスワードは全員共通の Aoba2024、管理者パスワードが初期値の
// 11111111 のまま. The value must look like a credential and not be a count (1,200 回).
const JA_WORD = String.raw`(?:パスワード|暗証番号|パスフレーズ|パスコード|(?:事前)?共有(?:キー|鍵)|PSK|PIN(?:コード)?|合言葉)`;
const JA_PROSE_RE = new RegExp(String.raw`${JA_WORD}(?:[^\x00-\x7f\n。！？]|\([A-Za-z0-9 -]{1,12}\)){1,14}?[ \t]?([!-~]{4,64}?)(?=[ \t]?(?:[\n、。，,）)」』]|の?まま|で|に|へ|と|を|が|は|だ|$))`, 'dg');
const COUNTER = /^[ \t]?(?:回|件|文字|桁|日|人|台|時|分|秒|か月|ヶ月|年|%|個|円|名|通|件|行|バイト|byte)/;
// English: "the password was (re)set to X", "default password of X", "password (still) is X".
const EN_PROSE_RE = /(?<![A-Za-z])(?:password|passphrase|passcode|PIN)s?\b[^.\n:=]{0,32}?\b(?:to|as|of|is|was|remains)\s+["'“]?([!-~]{4,64}?)["'”]?(?=[\s,;)]|\.(?:\s|$)|$)/dg;

// The value before the word: "used Welcome2025! as the password", 「Hl#Spring24」というパスワード.
const EN_BEFORE_RE = /(?<![!-~])["'“]?([!-~]{4,64}?)["'”]?\s+(?:as|was|is)\s+(?:the|their|his|her|our|a|an)?\s?(?:(?:new|old|initial|default|same|shared|temporary|admin)\s)?(?:password|passphrase|PIN|passcode)(?![A-Za-z])/dg;
const JA_BEFORE_RE = /[「『"]([!-~]{4,64})[」』"]\s?(?:という|との)(?:パスワード|暗証番号|パスフレーズ|合言葉)/dg;
// A bare "key:" or "key=" with a long random value (a config line); not a path, a registry key or a word.
const BARE_KEY_RE = /(?<![A-Za-z_-])key[ \t]*[:=][ \t]*["']?([A-Za-z0-9+/_-]{16,128}={0,2})(?![A-Za-z0-9+/=_-])/dgi;

function prose(text: string, out: Candidate[]): void {
  for (const m of matches(BARE_KEY_RE, text)) {
    const v = m.indices?.[1];
    const value = m[1] as string;
    if (v && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value)) out.push(secret(v[0], v[1]));
  }
  for (const re of [JA_BEFORE_RE, EN_BEFORE_RE]) {
    for (const m of matches(re, text)) {
      const v = m.indices?.[1];
      if (v && credentialLike(m[1] as string)) out.push(secret(v[0], v[1]));
    }
  }
  for (const re of [JA_PROSE_RE, EN_PROSE_RE]) {
    for (const m of matches(re, text)) {
      const v = m.indices?.[1];
      const value = m[1] as string;
      if (!v || !credentialLike(value) || COUNTER.test(text.slice(v[1], v[1] + 6))) continue;
      // An id-like value after "password for/of the user" is the user, not the password.
      if (/\b(?:for|of)\s+(?:the\s+)?(?:user|account)\b/i.test(m[0])) continue;
      out.push(secret(v[0], v[1]));
    }
  }
}

// pwdump / secretsdump lines (user:RID:LM:NT:::): the member's accounts and their password hashes.
const PWDUMP_RE = /^[ \t]*(?:[\w.-]+\\)?([^:\s\\]{1,64}):\d{1,10}:([0-9a-f]{32}):([0-9a-f]{32}):::/dgim;
// arn:aws:iam::482913650271:user/deploy-bot: the member's cloud account number and the user or role.
const ARN_RE = /arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(?:user|role|group|assumed-role)\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/dg;
// A card's security code or a short code after its word (セキュリティコード 418, CVV: 123, 暗証番号 4桁は 0825).
const CARD_CODE_RE = /(?:セキュリティ(?:ー)?コード|(?<![A-Za-z])(?:CVV2?|CVC2?|CID|security code))\s?(?:[:：は=]|\s)*\s?(\d{3,4})(?!\d)/dgi;
// A one-time code handed over (SMSで届いた認証コード 482913 を入力, "read the MFA code 771204 to the caller").
const OTP_RE = /(?:(?:認証|確認|ワンタイム|セキュリティ|SMS|ログイン)コード|(?<![A-Za-z])(?:verification|one-time|otp|2fa|mfa|sms|auth(?:entication)?|login|security)\s?code)\s?(?:[:：は=「"]|\s)*\s?(\d{4,8})(?!\d)/dgi;
// パス alone for a password (パス：xxxx), not a path (ファイルパス, インストールパス) and never a path-like value.
const PASS_SHORT_RE = /(?<![\u30a1-\u30fa\u30fc])パス\s?[:：は=]\s?([!-~]{4,64}?)(?=[\s、。，,）)」]|$|[\u0080-\uffff])/dg;

function shapes(text: string, out: Candidate[]): void {
  for (const m of matches(PWDUMP_RE, text)) {
    const [u, lm, nt] = [m.indices?.[1], m.indices?.[2], m.indices?.[3]];
    if (u && !BUILT_IN.test(m[1] as string)) out.push(account(u[0], u[1]));
    // The empty LM hash (aad3b435…) and the empty NT hash (31d6cfe0…) hide nothing.
    if (lm && !/^aad3b435b51404ee/i.test(m[2] as string)) out.push(secret(lm[0], lm[1]));
    if (nt && !/^31d6cfe0d16ae931/i.test(m[3] as string)) out.push(secret(nt[0], nt[1]));
  }
  for (const m of matches(ARN_RE, text)) {
    for (const g of [1, 2]) {
      const span = m.indices?.[g];
      if (span) out.push(account(span[0], span[1]));
    }
  }
  for (const m of matches(OTP_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(secret(span[0], span[1]));
  }
  for (const m of matches(CARD_CODE_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(secret(span[0], span[1]));
  }
  for (const m of matches(PASS_SHORT_RE, text)) {
    const span = m.indices?.[1];
    if (span && !/[\\/]/.test(m[1] as string) && credentialLike(m[1] as string)) out.push(secret(span[0], span[1]));
  }
}

export function detectCredentialShapes(text: string): Candidate[] {
  const out: Candidate[] = [];
  shapes(text, out);
  commandLines(text, out);
  cookies(text, out);
  prose(text, out);
  return out;
}
