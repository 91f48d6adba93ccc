// NetBIOS-style host names that carry a site or department prefix before the role: ZQ7DC01, KWS-NAS03,
// MSK-FS01, HQ-SRV-DB01, OSK-PC-114 (upper-case names that start with the role, PC-0142 or SRV-FILE02, are
// hosts.ts's), and the same names in lower case (fs01, kws-nas03, pc-0142).
// Upper case, 15 characters at most, a role part and a number: product models (TS-453D, RTX4090), CVE and
// ATT&CK ids, bulletins (MS17-010) and hashes do not have that shape, and the role list is closed.
import { DEVICE_WORD, PRODUCT_WORD } from '../hosts.js';
import { matches } from '../text.js';
import { isPublicTld } from '../tlds.js';
import { FILE_EXTENSION } from './paths.js';
import type { Candidate } from '../types.js';

const ROLE = String.raw`(?:DC|FS|NAS|PC|SRV|SVR|SV|WS|DB|SQL|EXCH|EX|MAIL|MX|WEB|APP|AP|FILE|FILESV|VDI|PRN|PRT|RDS|TS|BK|BKUP|BACKUP|HV|ESXI?|VM|LT|NB|DT|GW|FW|PROXY|JUMP|CAD|ERP|ADFS|CA|PKI|DNS|DHCP|WSUS|SCCM|EPO|SAN|EMR|PACS|KIOSK|POS|CL|CLT|WMS|TMS|MES|SCADA|HMI|PLC|HIS|RIS|LIS|RECE|LGWAN|HPC|GPU|CALC|DGX|MFP|NVR|DVR|UTM|SIEM|SYSLOG|NTP|NODE)`;
// Site prefix, optional department segment, role, number: KWS-NAS03, HQ-SRV-DB01, OSK-PC-114.
const HYPHENATED = String.raw`[A-Z][A-Z0-9]{1,7}-(?:[A-Z][A-Z0-9]{0,5}-)?${ROLE}-?\d{1,4}[A-Z]?`;
// Compact: a site code of two to four characters, the role, two to four digits: ZQ7DC01, TKYFS02.
const COMPACT = String.raw`[A-Z][A-Z0-9]{1,3}${ROLE}\d{2,4}`;
const NETBIOS_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@-])(?:${HYPHENATED}|${COMPACT})(?=\$|[^A-Za-z0-9_-]|$)`, 'g');

// Lower-case names need the role and a number of two to four digits: fs01, web02, kws-nas03, msk-lt-044, pc-0142.
const LOWER_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@:-])(?:[a-z][a-z0-9]{1,7}-)?(?:[a-z][a-z0-9]{0,5}-)?${ROLE.toLowerCase()}-?\d{2,4}(?![A-Za-z0-9_-])`, 'g');
// Departments in romanised Japanese (KEIRI01, SOUMU-NB, eigyo-pc3, kaikei-db) name machines with a number or a device
// suffix; a person's name or any other word (TANAKA-NOTE, yamada-pc) only with a device suffix.
const DEPT_JA = String.raw`(?:keiri|kaikei|soumu|somu|jinji|eigyou?|jimu|jimukyoku|uketsuke|seizou?|koujou|kojo|shomu|hisho|kikaku|gijutsu|kaihatsu|hinshitsu|hinkan|butsuryu|souko|soko|shimin|zeimu|kyoiku|kango|yakuzai|iji|rinsho|kensa|housha|shinryo|iryo|kenkyu|kyomu|gakusei|tosho|honbu|honsha|shisha|shiten|kanri|jouhou|joho|shinsatsu|yakkyoku|koubai|kobai|shizai|keiei|kaigo|fukushi|hoken|zaimu|shisetsu|doboku|kensetsu|suido|bousai|bosai|kouhou|koho|kokuho|nenkin|koseki|juumin|jumin)`;
const DEVICE = String.raw`(?:pc|nb|note|notepc|lt|laptop|dt|desktop|ws|mac|mbp|tab|sv|srv|svr|db|fs|nas|prn|mfp)`;
const DEPT_HOST_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@:-])(?:[a-z][a-z0-9]{1,5}-)?(?:${DEPT_JA}(?:[-_]?${DEVICE})?[-_]?\d{1,4}|${DEPT_JA}[-_]${DEVICE}|[a-z]{3,12}[-_](?:pc|nb|note|notepc|lt|laptop|dt|desktop|mac|mbp)\d{0,3})(?![A-Za-z0-9_-]|\.[A-Za-z0-9])`, 'gi');
// macOS and iOS device names: Tanakas-MacBook-Pro, Priya's-iMac, Yuki-iPad-2.
const APPLE_HOST_RE = /(?<![\w.-])[A-Z][a-z]+(?:s|['’]s)?-(?:MacBook(?:-Pro|-Air)?|iMac(?:-Pro)?|Mac-mini|Mac-Studio|Mac-Pro|iPhone|iPad)(?:-\d{1,2})?(?![\w-])/g;
// A device word then a person's name (pc-yamada, NOTE-SATO2): the machine of that person.
const DEVICE_FIRST_RE = /(?<![\w.\\/@:-])(?:pc|nb|note|lt|laptop|mac)[-_][a-z]{3,12}\d{0,3}(?![\w-]|\.[A-Za-z0-9])/gi;
// A word and a device suffix that is no machine's name (non-pc, multi-pc).
const NOT_DEPT_HOST = /^(?:non|multi|anti|per|all|any|one|two|each|tablet|gaming|mini|super|micro|dual|cross)[-_]/i;

// Product versions (sql2019, ex2016, win10) and models (ts-453d) are not hosts.
// Runtime versions (node-20, node18) are not hosts; numbered nodes start with a zero (node03).
const LOWER_PRODUCT = /^(?:sql|ex|exch|win|server|vm|esxi?)[-_]?(?:19|20)\d\d$|^(?:win|ws)\d{1,2}$|^node[-_]?[1-9]\d$/;

// A plain lower-case word named as a host in Japanese prose: ファイルサーバー kaede, 端末「sakura」,
// kaede（共有サーバー）. Products are capitalised or in the list below.
const JA_HOST = String.raw`(?:ホスト|サーバー?|端末|パソコン|機器)`;
const JA_FORWARD_RE = new RegExp(String.raw`${JA_HOST}(?:名)?[ \t]?(?:[:：=「『"'(（][ \t]?)?([a-z][a-z0-9]{2,15})(?=[」』"')）、。がをはでにのとも]|[ \t]*(?:$|\n|[^\x00-\x7f]))`, 'dgm');
const JA_REVERSE_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.@/\\-])([a-z][a-z0-9]{2,15})[ \t]?(?:[（(][ \t]?)?(?:という|って)?(?:名前の|名の)?(?:ファイル|共有|業務|基幹|社内|メール|バックアップ|検証用?)?${JA_HOST}`, 'dg');

// Under an Active Directory name that is no public domain (KWS-FS01.kmsad, dc01.corp.kmsad): the whole name.
const AD_SUFFIX_RE = /^(?:\.[A-Za-z][A-Za-z0-9-]{0,62}){1,4}(?![\w-]|\.[A-Za-z0-9])/;

// The end of the host name, or -1 when the name is a file's (backup01.zip).
function withAdSuffix(text: string, end: number): number {
  const suffix = AD_SUFFIX_RE.exec(text.slice(end))?.[0];
  if (!suffix) return end;
  const last = suffix.slice(suffix.lastIndexOf('.') + 1);
  if (FILE_EXTENSION.test(last)) return -1;
  // A public domain is the network detector's (the member's, or an attacker's).
  return isPublicTld(`x.${last}`) || last.length > 15 ? end : end + suffix.length;
}

// "a file server named kaede", "the NAS called sakura".
const NAMED_RE = /(?<![A-Za-z])(?:server|host|machine|workstation|laptop|desktop|PC|NAS|computer|VM|device)\s(?:named|called|hostname)\s["'“]?([a-z][a-z0-9-]{2,15})(?![\w-])/dg;

const NOT_HOST = /^(?:CVE|CWE|MS\d|KB\d|T\d{4}|ISO|RFC|SHA|MD5|AES|RSA|TLS|SSL|HTTP|UTF|COVID|IPV|WIN|RTX|GTX|DDR|USB|PCIE|LTE)/;

const host = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'INTERNAL_HOST', start, end, reason });

function namedHosts(text: string, re: RegExp, skip: RegExp, out: Candidate[]): void {
  for (const m of matches(re, text)) {
    const name = m[0];
    const end = withAdSuffix(text, m.index + name.length);
    if (end < 0 || name.length > 15 || skip.test(name) || DEVICE_WORD.test(text.slice(m.index + name.length, m.index + name.length + 12))) continue;
    out.push(host(m.index, end, 'netbios_host'));
  }
}

export function detectNetbiosHosts(text: string): Candidate[] {
  const out: Candidate[] = [];
  namedHosts(text, NETBIOS_RE, NOT_HOST, out);
  namedHosts(text, LOWER_RE, LOWER_PRODUCT, out);
  for (const m of matches(APPLE_HOST_RE, text)) out.push(host(m.index, m.index + m[0].length, 'netbios_host'));
  for (const m of matches(DEVICE_FIRST_RE, text)) {
    if ((m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase()) && !/[-_](?:based|side|only|free|friendly|user|users|wide|class|level|version)$/i.test(m[0])) out.push(host(m.index, m.index + m[0].length, 'netbios_host'));
  }
  for (const m of matches(DEPT_HOST_RE, text)) {
    // One case throughout, as machine names are written (KEIRI01, eigyo-pc3), not Keiri-Pc in a sentence.
    if ((m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase()) && !NOT_DEPT_HOST.test(m[0])) out.push(host(m.index, withAdSuffix(text, m.index + m[0].length) < 0 ? m.index + m[0].length : withAdSuffix(text, m.index + m[0].length), 'netbios_host'));
  }
  for (const re of [JA_FORWARD_RE, JA_REVERSE_RE, NAMED_RE]) {
    for (const m of matches(re, text)) {
      const span = m.indices?.[1];
      if (span && !PRODUCT_WORD.test(m[1] as string)) out.push(host(span[0], span[1], 'host_context'));
    }
  }
  return out;
}
