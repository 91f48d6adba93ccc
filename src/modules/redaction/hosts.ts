// Bare internal host names: naming patterns (PC-FILE01, SV-DEV84, DC01) and names after host/server words.
import { propagate } from './propagate.js';
import { matches } from './text.js';
import type { Candidate } from './types.js';

const host = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'INTERNAL_HOST', start, end, reason });

const ROLE = String.raw`(?:PC|SV|SRV|SVR|SERVER|WS|DC|FS|DB|AD|NAS|WEB|MAIL|APP|FILE|FILESV|FILESRV|EX|EXCH|SQL|VDI|LT|NB|DT|HV|ESX|ESXI|VM|CL|CLT|PRN|RDS|TS|BK|BKUP|BACKUP|DEV|STG|PRD|PROD|TEST|HOST|NODE|GW|FW|PROXY|VPN|JUMP|CAD|ERP|HR|ACC|ACCT|SALES|DESKTOP|LAPTOP|WIN|TOKYO|OSAKA|POS|KIOSK|HMI|SCADA|WMS|TMS|MFP|NVR|DVR|UTM|HH|TAB)`;
const PATTERN_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/-])(?:${ROLE}(?:[-_][A-Z0-9]+)+|${ROLE}\d{1,4}[A-Z]?|(?:DESKTOP|LAPTOP|WIN)-[A-Z0-9]{5,})(?![A-Za-z0-9_.-]*[A-Za-z0-9])`, 'g');
// The same names written in lower case (mailsrv01, fs-02, websv03), with two or three digits at the end: shorter
// numbers are too often versions or counts (web2, vm1).
const LOWER_RE = new RegExp(String.raw`(?<![A-Za-z0-9_.\\/@-])${ROLE}[a-z]{0,8}[-_]?\d{2,3}(?![A-Za-z0-9_.@-]*[A-Za-z0-9])`, 'gi');
// After on/from/at, a NetBIOS-shaped name (upper case, hyphenated parts, a digit, at most 15 characters) is a host:
// "on FINANCE-LAP-22", "from KAWA-PC7".
const PREPOSITION_RE = /(?<![A-Za-z])(?:on|from|at|to|via)\s+([A-Z][A-Z0-9]{1,13}(?:-[A-Z0-9]{1,13}){1,3})(?![A-Za-z0-9_.@-]*[A-Za-z0-9])/dg;
const CONTEXT = String.raw`(?:(?<![A-Za-z])(?:host(?:name)?|server|workstation|machine|computer|endpoint|device|client|node|vm|nas|pc|dc|domain controller|box|laptop|desktop|notebook|kiosk|bastion|jumpbox|jump host|hypervisor|controller|appliance|printer|tablet|terminal)(?![A-Za-z])|ホスト名?|サーバー?|端末|機器|パソコン|コンピューター?|クライアント|ノード|マシン)`;
// "NAS（名前は soumu-nas）": the name may be introduced after the word.
const CONTEXT_RE = new RegExp(String.raw`${CONTEXT}\s?(?:の)?(?:名|名称)?\s?(?:[:：=「"'(（]\s?)?(?:(?:名前|名称|ホスト名)\s?[はが:：]\s?)?([A-Za-z][A-Za-z0-9_-]{2,30})(?![A-Za-z0-9_.@-]*[A-Za-z0-9])`, 'dgi');
const NOT_HOST = /^(?:SHA\d*|MD5|AES\d*|RSA\d*|IPv[46]|HTTPS?\d*|TLS\d*|SSL\d*|SMB\d*|RDP|VPN|CVE|T\d{4}|RFC\d+|ISO\d+|UTF-?\d+|Win(?:dows)?\d*|Office\d*|Server\d*|COVID-19|x64|x86|ARM64|P2P|2FA|MFA|OS|ID|IP|DNS|NTLM|LDAP|SQL|API|URL|was|is|and|the|name|names|logs?|side|room|itself|software|hardware)$/i;

// Product versions and models look like role names: SQL2019, EX2016 (a year), TS-453D (digits then letters), or
// a name followed by a device word (EX4300 switch).
const PRODUCT = /^(?:(?:SQL|EX|EXCH|WIN|SERVER|OFFICE|ESXI?|VM)[-_]?(?:19|20)\d\d(?:R2)?|[A-Z]{2,4}-\d{3,4}[A-Z]{1,3}\+?)$/;
export const DEVICE_WORD = /^\s?(?:switch|router|firewall|appliance|series|model|シリーズ|モデル|型番|スイッチ|ルーター)/i;

// Words that name products, protocols or roles, not a machine (Windows, Synology, kali, backup).
export const PRODUCT_WORD = /^(?:windows|linux|ubuntu|centos|debian|redhat|exchange|web|file|mail|dns|dhcp|proxy|vpn|sql|mysql|oracle|apache|nginx|iis|ftp|sftp|smtp|pop|imap|backup|print|app|test|dev|prod|active|directory|rdp|ssh|http|https|cloud|aws|azure|gcp|google|microsoft|zoom|teams|slack|box|dropbox|onedrive|sharepoint|office|synology|qnap|buffalo|fortigate|fortinet|cisco|yamaha|sophos|trend|eset|crowdstrike|defender|sentinel|splunk|wsus|sccm|citrix|vmware|esxi|hyper|kali|cobalt|strike|rclone|anydesk|teamviewer|mega|tor|onion|mac|macbook|ipad|iphone|android|surface|dell|lenovo|fujitsu|nec|hp|the|new|old|main|sub|local|remote|home|guest|user|users|admin|root|owner|side|name|samba|postfix|sendmail|redmine|zabbix|jenkins|tomcat|docker|git|gitlab|github|wiki|moodle|kintone|garoon|cybozu|notes|domino|nextcloud|owncloud|wordpress|php|java|node|python|ruby|perl|lan|wan|wifi|dmz|vdi|rds|citrix|chrome|edge|firefox|outlook|gmail|line|skype|ssl|tls|snmp|ntp|ldap|radius|kerberos|smb|nfs|cifs|iscsi|raid|ups)$/i;

// DB_HOST, DB_PASSWORD, WEB_SERVER_PORT: names of configuration variables, not of machines.
const CONFIG_KEY = /_(?:HOST|HOSTNAME|USER|USERNAME|PASS|PASSWORD|PASSWD|PWD|NAME|PORT|URL|URI|KEY|TOKEN|SECRET|ID|DATABASE|DB|SCHEMA|DIR|PATH|FILE|ENV|MODE|LEVEL|TIMEOUT|SIZE|ADDR|ADDRESS|SERVER|DRIVER|POOL|SSL|TLS|CONFIG|CONF|ENABLED?|MAX|MIN)(?:_|$)/i;
// A quoted name right after a host word is the host's name, whatever its shape (NAS「ShirakabaNAS」).
const isQuoted = (text: string, s: number, e: number): boolean => /[「『"'“]/.test(text[s - 1] ?? '') && /[」』"'”]/.test(text[e] ?? '');

// The target of a remote-administration or network command is a machine: mstsc /v:X, -ComputerName X, ping X,
// nslookup X, wmic /node:X, winrs -r:X, ssh user@X. Dotted names and addresses are the network detector's.
const CLI_HOST_RE = /(?:mstsc(?:\.exe)?\s+\/v:|-ComputerName\s+|Enter-PSSession\s+|Test-NetConnection\s+|(?<![\w-])ping(?:\.exe)?\s+(?:-[a-z]\s+\d+\s+)*|(?<![\w-])(?:nslookup|tracert|traceroute)\s+|wmic\s+\/node:["']?|winrs\s+-r:|(?<![\w-])ssh\s+(?:-[a-zA-Z]\s+\S+\s+)*[\w.-]+@)([A-Za-z][A-Za-z0-9-]{1,62})(?![\w-]|\.[A-Za-z0-9])/dgi;

export function detectHosts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PATTERN_RE, text)) {
    if (CONFIG_KEY.test(m[0])) continue;
    if (PRODUCT.test(m[0]) || DEVICE_WORD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (!NOT_HOST.test(m[0])) out.push(host(m.index, m.index + m[0].length, 'host_naming_pattern'));
  }
  for (const m of matches(LOWER_RE, text)) {
    if (m[0] !== m[0].toLowerCase() || PRODUCT.test(m[0].toUpperCase()) || NOT_HOST.test(m[0]) || /^node[-_]?[1-9]\d$/.test(m[0])) continue;
    if (!DEVICE_WORD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) out.push(host(m.index, m.index + m[0].length, 'host_naming_pattern'));
  }
  for (const m of matches(PREPOSITION_RE, text)) {
    const span = m.indices?.[1];
    const name = m[1] as string;
    if (!span || name.length > 15 || !/\d/.test(name) || /^(?:CVE|MS\d\d|KB|RFC|ISO|SHA|AES|TLS|SSL|COVID)/.test(name) || PRODUCT.test(name) || NOT_HOST.test(name)) continue;
    out.push(host(span[0], span[1], 'host_context'));
  }
  for (const m of matches(CLI_HOST_RE, text)) {
    const span = m.indices?.[1];
    const name = m[1] as string;
    if (span && !/^(?:localhost|ComputerName|Credential)$/i.test(name) && !PRODUCT_WORD.test(name) && !NOT_HOST.test(name)) out.push(host(span[0], span[1], 'host_context'));
  }
  for (const m of matches(CONTEXT_RE, text)) {
    const span = m.indices?.[1];
    const value = m[1] as string;
    if (!span || NOT_HOST.test(value)) continue;
    // After a host word, a name counts when it has a digit, a hyphen or is all upper case (NetBIOS style).
    if (/\d|-|_/.test(value) || /^[A-Z0-9]{3,15}$/.test(value) || (isQuoted(text, span[0], span[1]) && !PRODUCT_WORD.test(value))) out.push(host(span[0], span[1], 'host_context'));
  }
  return [...out, ...propagate(text, out)];
}
