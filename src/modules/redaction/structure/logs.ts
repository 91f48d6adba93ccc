// The fixed slots of common log formats: the host of a syslog line (RFC 3164 and 5424), the user of an Apache/NCSA
// access-log line, and the client name of an OpenVPN peer (name/address:port).
import { matches } from '../text.js';
import type { Candidate } from '../types.js';
import { valueCandidate } from './fields.js';

const STAMP = String.raw`(?:[A-Z][a-z]{2}[ \t]+\d{1,2}[ \t]\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)`;
// <134>Mar  4 03:12:55 hl-web-01 sshd[22913]: …, 2025-03-04T03:25:40+09:00 mailgw postfix/smtpd[811]: …
const BSD_SYSLOG_RE = new RegExp(String.raw`^[ \t]*(?:<\d{1,3}>)?${STAMP}[ \t]+([A-Za-z0-9][A-Za-z0-9_-]{0,62})[ \t]+[A-Za-z][\w./-]{0,40}(?:\[\d+\])?:`, 'dgm');
// <134>1 2025-03-04T03:30:00+09:00 hlvpn02 openvpn 4411 - - …
const RFC5424_RE = /^[ \t]*<\d{1,3}>1[ \t]+\S+[ \t]+([A-Za-z0-9][A-Za-z0-9_-]{0,62})[ \t]+\S+[ \t]+\S+[ \t]+\S+/dgm;
// 10.40.2.77 - mtanaka [04/Mar/2025:03:20:11 +0900] "GET / HTTP/1.1" …
const ACCESS_LOG_RE = /^[ \t]*\S+[ \t]+\S+[ \t]+([^\s[\]]{1,64})[ \t]+\[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}[ \t][+-]\d{4}\][ \t]+"/dgm;
// cwilliams/91.92.240.10:51000 (OpenVPN names a peer by its certificate's common name).
const VPN_PEER_RE = /(?<![\w/.@-])([A-Za-z][\w.@-]{1,63})\/(?:\d{1,3}\.){3}\d{1,3}:\d{1,5}(?!\d)/dg;
// LDAP distinguished names: CN=Yamada Taro,OU=Users,DC=aoba,DC=local names a person (or an id); the built-in
// containers do not.
const DN_CN_RE = /(?<![A-Za-z])CN=((?:[^,=\\\n"]|\\.){2,64}?)(?=,\s?(?:OU|CN|DC|O|L)=)/dg;
const NOT_A_CN = /^(?:users|computers|builtin|system|configuration|schema|administrator|administrators|domain (?:users|admins|computers|controllers)|enterprise admins|schema admins|guests|krbtgt|microsoft exchange.*|program data|foreignsecurityprincipals|managed service accounts|policies|\{[0-9a-f-]+\})$/i;
// /etc/passwd lines: name:x:uid:gid:GECOS:/home/name:/bin/shell, the account and the person in its GECOS field.
const PASSWD_RE = /^[ \t]*([a-z_][a-z0-9._-]{0,31}):[x*!]?:\d{1,10}:\d{1,10}:([^:\n]*):(\/[^:\n]*):(\/[^:\s]*)$/dgm;
export const SYSTEM_USER = /^(?:root|daemon|bin|sys|sync|games|man|lp|mail|news|uucp|proxy|www-data|backup|list|irc|gnats|nobody|systemd-[\w-]+|messagebus|syslog|sshd|_apt|postfix|mysql|postgres|nginx|apache|ntp|chrony|polkitd|dbus|rpc|rpcuser|nfsnobody|tss|uuidd|tcpdump|landscape|pollinate|lxd|usbmux|dnsmasq|avahi|colord|ftp|halt|shutdown|operator|adm)$/;

const NOT_A_NAME = /^(?:localhost|unknown|-|tcp|udp|tcpv[46]|udpv[46]|tcp[46]|udp[46]|tcp-server|udp-server|ipv[46]|af_inet6?|http|https|link|remote|local|peer|client|server|multi|mgmt)$/i;

export function detectLogSlots(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of [BSD_SYSLOG_RE, RFC5424_RE]) {
    for (const m of matches(re, text)) {
      const span = m.indices?.[1];
      const name = m[1] as string;
      if (!span || NOT_A_NAME.test(name) || !/[A-Za-z]/.test(name)) continue;
      out.push({ kind: 'sensitive', label: 'INTERNAL_HOST', start: span[0], end: span[1], reason: 'structured_field', priority: 1 });
    }
  }
  for (const re of [ACCESS_LOG_RE, VPN_PEER_RE]) {
    for (const m of matches(re, text)) {
      const span = m.indices?.[1];
      if (!span || NOT_A_NAME.test(m[1] as string)) continue;
      const c = valueCandidate('account', text, span[0], span[1]);
      if (c) out.push(c);
    }
  }
  for (const m of matches(DN_CN_RE, text)) {
    const span = m.indices?.[1];
    if (span && !NOT_A_CN.test((m[1] as string).trim())) {
      const c = valueCandidate('account', text, span[0], span[1]);
      if (c) out.push(c);
    }
  }
  for (const m of matches(PASSWD_RE, text)) {
    if (SYSTEM_USER.test(m[1] as string)) continue;
    const user = m.indices?.[1];
    if (user) out.push({ kind: 'sensitive', label: 'ACCOUNT', start: user[0], end: user[1], reason: 'structured_field', priority: 1 });
    const gecos = m.indices?.[2];
    const name = gecos ? text.slice(gecos[0], gecos[1]).split(',')[0] ?? '' : '';
    if (gecos && name.trim().length > 1) {
      const c = valueCandidate('person', text, gecos[0], gecos[0] + name.length);
      if (c) out.push(c);
    }
  }
  return out;
}
