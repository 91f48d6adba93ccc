// NetBIOS-style host names that carry a site or department prefix before the role: ZQ7DC01, KWS-NAS03,
// MSK-FS01, HQ-SRV-DB01, OSK-PC-114 (upper-case names that start with the role, PC-0142 or SRV-FILE02, are
// hosts.ts's), and the same names in lower case (fs01, kws-nas03, pc-0142).
// Upper case, 15 characters at most, a role part and a number: product models (TS-453D, RTX4090), CVE and
// ATT&CK ids, bulletins (MS17-010) and hashes do not have that shape, and the role list is closed.
import { DEVICE_WORD } from '../hosts.js';
import { matches } from '../text.js';
import { isPublicTld } from '../tlds.js';
import { FILE_EXTENSION } from './paths.js';
import type { Candidate } from '../types.js';

const ROLE = String.raw`(?:DC|FS|NAS|PC|SRV|SVR|SV|WS|DB|SQL|EXCH|EX|MAIL|MX|WEB|APP|AP|FILE|FILESV|VDI|PRN|PRT|RDS|TS|BK|BKUP|BACKUP|HV|ESXI?|VM|LT|NB|DT|GW|FW|PROXY|JUMP|CAD|ERP|ADFS|CA|PKI|DNS|DHCP|WSUS|SCCM|EPO|SAN|EMR|PACS|KIOSK|POS|CL|CLT)`;
// Site prefix, optional department segment, role, number: KWS-NAS03, HQ-SRV-DB01, OSK-PC-114.
const HYPHENATED = String.raw`[A-Z][A-Z0-9]{1,7}-(?:[A-Z][A-Z0-9]{0,5}-)?${ROLE}-?\d{1,4}[A-Z]?`;
// Compact: a site code of two to four characters, the role, two to four digits: ZQ7DC01, TKYFS02.
const COMPACT = String.raw`[A-Z][A-Z0-9]{1,3}${ROLE}\d{2,4}`;
const NETBIOS_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@-])(?:${HYPHENATED}|${COMPACT})(?=\$|[^A-Za-z0-9_-]|$)`, 'g');

// Lower-case names need the role and a number of two to four digits: fs01, web02, kws-nas03, msk-lt-044, pc-0142.
const LOWER_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@:-])(?:[a-z][a-z0-9]{1,7}-)?(?:[a-z][a-z0-9]{0,5}-)?${ROLE.toLowerCase()}-?\d{2,4}(?![A-Za-z0-9_-])`, 'g');
// Product versions (sql2019, ex2016, win10) and models (ts-453d) are not hosts.
const LOWER_PRODUCT = /^(?:sql|ex|exch|win|server|vm|esxi?)[-_]?(?:19|20)\d\d$|^(?:win|ws)\d{1,2}$/;

// A plain lower-case word named as a host in Japanese prose: ファイルサーバー kaede, 端末「sakura」,
// kaede（共有サーバー）. Products are capitalised or in the list below.
const JA_HOST = String.raw`(?:ホスト|サーバー?|端末|パソコン|機器)`;
const JA_FORWARD_RE = new RegExp(String.raw`${JA_HOST}(?:名)?[ \t]?(?:[:：=「『"'(（][ \t]?)?([a-z][a-z0-9]{2,15})(?=[」』"')）、。がをはでにのとも]|[ \t]*(?:$|\n|[^\x00-\x7f]))`, 'dgm');
const JA_REVERSE_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.@/\\-])([a-z][a-z0-9]{2,15})[ \t]?(?:[（(][ \t]?)?(?:という|って)?(?:名前の|名の)?(?:ファイル|共有|業務|基幹|社内|メール|バックアップ|検証用?)?${JA_HOST}`, 'dg');
const PRODUCT_WORD = /^(?:windows|linux|ubuntu|centos|debian|redhat|exchange|web|file|mail|dns|dhcp|proxy|vpn|sql|mysql|oracle|apache|nginx|iis|ftp|sftp|smtp|pop|imap|backup|print|app|test|dev|prod|active|directory|rdp|ssh|http|https|cloud|aws|azure|gcp|google|microsoft|zoom|teams|slack|box|dropbox|onedrive|sharepoint|office|synology|qnap|buffalo|fortigate|fortinet|cisco|yamaha|sophos|trend|eset|crowdstrike|defender|sentinel|splunk|wsus|sccm|citrix|vmware|esxi|hyper|kali|cobalt|strike|rclone|anydesk|teamviewer|mega|tor|onion|mac|macbook|ipad|iphone|android|surface|dell|lenovo|fujitsu|nec|hp|the|new|old|main|sub|local|remote|home|guest|user|users|admin|root|owner|side|name|samba|postfix|sendmail|redmine|zabbix|jenkins|tomcat|docker|git|gitlab|github|wiki|moodle|kintone|garoon|cybozu|notes|domino|nextcloud|owncloud|wordpress|php|java|node|python|ruby|perl|lan|wan|wifi|dmz|vdi|rds|citrix|chrome|edge|firefox|outlook|gmail|line|skype|ssl|tls|snmp|ntp|ldap|radius|kerberos|smb|nfs|cifs|iscsi|raid|ups)$/i;

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
  for (const re of [JA_FORWARD_RE, JA_REVERSE_RE, NAMED_RE]) {
    for (const m of matches(re, text)) {
      const span = m.indices?.[1];
      if (span && !PRODUCT_WORD.test(m[1] as string)) out.push(host(span[0], span[1], 'host_context'));
    }
  }
  return out;
}
