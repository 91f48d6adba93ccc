// Bare internal host names: naming patterns (PC-FILE01, SV-DEV84, DC01) and names after host/server words.
import { matches } from './text.js';
import type { Candidate } from './types.js';

const host = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'INTERNAL_HOST', start, end, reason });

const ROLE = String.raw`(?:PC|SV|SRV|SVR|SERVER|WS|DC|FS|DB|AD|NAS|WEB|MAIL|APP|FILE|FILESV|FILESRV|EX|EXCH|SQL|VDI|LT|NB|DT|HV|ESX|ESXI|VM|CL|CLT|PRN|RDS|TS|BK|BKUP|BACKUP|DEV|STG|PRD|PROD|TEST|HOST|NODE|GW|FW|PROXY|VPN|JUMP|CAD|ERP|HR|ACC|ACCT|SALES|DESKTOP|LAPTOP|WIN|TOKYO|OSAKA)`;
const PATTERN_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/-])(?:${ROLE}(?:[-_][A-Z0-9]+)+|${ROLE}\d{1,4}[A-Z]?|(?:DESKTOP|LAPTOP|WIN)-[A-Z0-9]{5,})(?![A-Za-z0-9_.-]*[A-Za-z0-9])`, 'g');
// The same names written in lower case (mailsrv01, fs-02, websv03), with two or three digits at the end: shorter
// numbers are too often versions or counts (web2, vm1).
const LOWER_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@-])${ROLE}[a-z]{0,8}[-_]?\d{2,3}(?![A-Za-z0-9_.@-]*[A-Za-z0-9])`, 'gi');
// After on/from/at, a NetBIOS-shaped name (upper case, hyphenated parts, a digit, at most 15 characters) is a host:
// "on FINANCE-LAP-22", "from KAWA-PC7".
const PREPOSITION_RE = /(?<![A-Za-z])(?:on|from|at|to|via)\s+([A-Z][A-Z0-9]{1,13}(?:-[A-Z0-9]{1,13}){1,3})(?![A-Za-z0-9_.@-]*[A-Za-z0-9])/dg;
const CONTEXT = String.raw`(?:(?<![A-Za-z])(?:host(?:name)?|server|workstation|machine|computer|endpoint|device|client|node|vm|nas|pc|dc|domain controller)(?![A-Za-z])|ホスト名?|サーバー?|端末|機器|パソコン|コンピューター?|クライアント|ノード|マシン)`;
// "NAS（名前は soumu-nas）": the name may be introduced after the word.
const CONTEXT_RE = new RegExp(String.raw`${CONTEXT}\s?(?:名|名称)?\s?(?:[:：=「"'(（]\s?)?(?:(?:名前|名称|ホスト名)\s?[はが:：]\s?)?([A-Za-z][A-Za-z0-9_-]{2,30})(?![A-Za-z0-9_.@-]*[A-Za-z0-9])`, 'dgi');
const NOT_HOST = /^(?:SHA\d*|MD5|AES\d*|RSA\d*|IPv[46]|HTTPS?\d*|TLS\d*|SSL\d*|SMB\d*|RDP|VPN|CVE|T\d{4}|RFC\d+|ISO\d+|UTF-?\d+|Win(?:dows)?\d*|Office\d*|Server\d*|COVID-19|x64|x86|ARM64|P2P|2FA|MFA|OS|ID|IP|DNS|NTLM|LDAP|SQL|API|URL|was|is|and|the|name|names|logs?|side|room|itself|software|hardware)$/i;

// Product versions and models look like role names: SQL2019, EX2016 (a year), TS-453D (digits then letters), or
// a name followed by a device word (EX4300 switch).
const PRODUCT = /^(?:(?:SQL|EX|EXCH|WIN|SERVER|OFFICE|ESXI?|VM)[-_]?(?:19|20)\d\d(?:R2)?|[A-Z]{2,4}-\d{3,4}[A-Z]{1,3}\+?)$/;
export const DEVICE_WORD = /^\s?(?:switch|router|firewall|appliance|series|model|シリーズ|モデル|型番|スイッチ|ルーター)/i;

export function detectHosts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PATTERN_RE, text)) {
    if (PRODUCT.test(m[0]) || DEVICE_WORD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (!NOT_HOST.test(m[0])) out.push(host(m.index, m.index + m[0].length, 'host_naming_pattern'));
  }
  for (const m of matches(LOWER_RE, text)) {
    if (m[0] !== m[0].toLowerCase() || PRODUCT.test(m[0].toUpperCase()) || NOT_HOST.test(m[0])) continue;
    if (!DEVICE_WORD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) out.push(host(m.index, m.index + m[0].length, 'host_naming_pattern'));
  }
  for (const m of matches(PREPOSITION_RE, text)) {
    const span = m.indices?.[1];
    const name = m[1] as string;
    if (!span || name.length > 15 || !/\d/.test(name) || /^(?:CVE|MS\d\d|KB|RFC|ISO|SHA|AES|TLS|SSL|COVID)/.test(name) || PRODUCT.test(name) || NOT_HOST.test(name)) continue;
    out.push(host(span[0], span[1], 'host_context'));
  }
  for (const m of matches(CONTEXT_RE, text)) {
    const span = m.indices?.[1];
    const value = m[1] as string;
    if (!span || NOT_HOST.test(value)) continue;
    // After a host word, a name counts when it has a digit, a hyphen or is all upper case (NetBIOS style).
    if (/\d|-|_/.test(value) || /^[A-Z0-9]{3,15}$/.test(value)) out.push(host(span[0], span[1], 'host_context'));
  }
  return out;
}
