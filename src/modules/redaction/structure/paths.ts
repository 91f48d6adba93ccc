// Names inside paths: the profile folder of C:\Users\<name>\ and /home/<user>/ (an account), the host of a
// UNC path \\HOST\share (an internal host), and DOMAIN\user written with a JSON-escaped backslash.
import { matches } from '../text.js';
import { memberShortNames } from '../profile.js';
import { SYSTEM_USER } from './logs.js';
import type { Candidate, OrgProfile } from '../types.js';

const sensitive = (label: 'ACCOUNT' | 'INTERNAL_HOST', start: number, end: number, reason: string): Candidate =>
  ({ kind: 'sensitive', label, start, end, reason, priority: 1 });

// One or two backslashes: paths quoted in JSON double them.
const PROFILE_RE = /(?<![A-Za-z])[A-Za-z]:\\{1,2}(?:Users|Documents and Settings)\\{1,2}([^\\/:*?"<>|\r\n\t]{1,64}?)(?=\\|["'\s,;)]|$)/dgi;
// The next character may be a colon: /home/dchen:/bin/bash in a passwd line.
const UNIX_HOME_RE = /(?<![\w.~-])\/(?:home|Users)\/([A-Za-z_][A-Za-z0-9._-]{0,31})(?=\/|[\s"',;:)]|$)/dg;
// Home folders on a file server or a Unix box: \\fs01\home\tanaka, \\fs01\users$\tanaka, /var/mail/tanaka, ~tanaka/.
const HOME_SHARE_RE = /\\{2}[A-Za-z0-9][\w.-]{0,62}\\{1,2}(?:home|homes|users|user|profiles?|personal|redirect(?:ed)?|folders?)\$?\\{1,2}([A-Za-z][\w.-]{0,31}[A-Za-z0-9])(?=\\|["'\s,;)]|$)/dgi;
const UNIX_MAIL_RE = /(?<![\w.~-])(?:\/var\/(?:spool\/)?mail\/|~)([a-z_][a-z0-9._-]{1,31})(?=\/|[\s"',;)]|$)/dg;
const UNC_RE = /(?<![\\\w])\\{2}(?:\\{2})?([A-Za-z0-9][A-Za-z0-9_-]{0,62})(?=\\{1,2}[^\\\s]|[\s"',;)]|$)/dg;
const ESCAPED_ACCOUNT_RE = /(?<![A-Za-z0-9\\.-])([A-Z][A-Z0-9-]{1,14})\\\\([A-Za-z][A-Za-z0-9._-]{1,30})(?![\w\\])/g;

// kmsad\tanaka.k: a lower-case domain only with an id-like user (a dot, an underscore or a digit, no file
// extension), so that relative paths (src\main, docs\readme) stay.
const MIXED_ACCOUNT_RE = /(?<![\w\\.:%$/-])([A-Za-z][A-Za-z0-9-]{1,14})\\([A-Za-z][A-Za-z0-9_-]*[._\d][A-Za-z0-9._-]*)(?![\w\\/-])/g;
export const FILE_EXTENSION = /^(?:exe|dll|sys|bat|cmd|ps1|vbs|js|msi|lnk|log|txt|csv|json|xml|zip|rar|7z|iso|img|vhdx?|bak|tmp|dat|db|sql|docx?|xlsx?|pptx?|pdf|evtx|etl|pcap|cfg|conf|ini|key|pem|crt|ost|pst)$/i;
const FOLDER = /^(?:windows|system32|syswow64|users|temp|tmp|appdata|local|roaming|programdata|desktop|documents|downloads|public|share|shares|data|logs?|backup|src|lib|bin|docs?|config|drivers|etc)$/i;

const NOT_A_PROFILE = /^(?:public|default|default user|all users|defaultuser\d*|wdagutilityaccount|\*|%[a-z]+%|<[^>]*>|\.\.?|shared)$/i;
const NOT_A_HOST = /^(?:localhost|tsclient|wsl(?:\$|\.localhost)?|\?|\.)$/i;
const NOT_A_DOMAIN = /^(?:HKLM|HKCU|HKCR|HKU|HKCC|HKEY_[A-Z_]+|AUTHORITY|BUILTIN|NT|SYSVOL|NETLOGON|WINDOWS|SYSTEM32|PROGRAMDATA|TEMP|APPDATA)$/;

export function detectPaths(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PROFILE_RE, text)) {
    const span = m.indices?.[1];
    if (span && !NOT_A_PROFILE.test(m[1] as string)) out.push(sensitive('ACCOUNT', span[0], span[1], 'windows_profile_path'));
  }
  for (const re of [HOME_SHARE_RE, UNIX_MAIL_RE]) {
    for (const m of matches(re, text)) {
      const span = m.indices?.[1];
      if (span && !NOT_A_PROFILE.test(m[1] as string) && !FOLDER.test(m[1] as string)) out.push(sensitive('ACCOUNT', span[0], span[1], 'windows_profile_path'));
    }
  }
  for (const m of matches(UNIX_HOME_RE, text)) {
    const span = m.indices?.[1];
    if (span && !NOT_A_PROFILE.test(m[1] as string) && !SYSTEM_USER.test(m[1] as string)) out.push(sensitive('ACCOUNT', span[0], span[1], 'windows_profile_path'));
  }
  // A dotted host or an address in a UNC path is left to the network detector (member's domain, attacker's IP).
  for (const m of matches(UNC_RE, text)) {
    const span = m.indices?.[1];
    const name = m[1] as string;
    if (span && !NOT_A_HOST.test(name) && /[A-Za-z]/.test(name) && text[span[1]] !== '.') out.push(sensitive('INTERNAL_HOST', span[0], span[1], 'unc_host'));
  }
  for (const m of matches(ESCAPED_ACCOUNT_RE, text)) {
    if (!NOT_A_DOMAIN.test(m[1] as string)) out.push(sensitive('ACCOUNT', m.index, m.index + m[0].length, 'windows_account'));
  }
  for (const m of matches(MIXED_ACCOUNT_RE, text)) {
    const user = (m[2] as string).replace(/[._-]+$/, '');
    if (NOT_A_DOMAIN.test((m[1] as string).toUpperCase()) || FOLDER.test(m[1] as string) || FILE_EXTENSION.test(user.slice(user.lastIndexOf('.') + 1))) continue;
    out.push(sensitive('ACCOUNT', m.index, m.index + (m[1] as string).length + 1 + user.length, 'windows_account'));
  }
  return out;
}

// The member's own NetBIOS domain, guessed from its registered domains and Latin names: harborlane\\jpatel is its
// account in any case, whatever the user part looks like.
// corp\tanaka, ad\yamada: generic directory names of small members stand for their own domain.
const GENERIC_AD_DOMAIN = new Set(['corp', 'ad', 'hq', 'intra', 'intranet', 'office', 'internal', 'domain', 'local', 'lan', 'company']);
// tanaka@AOBA, a UPN written with the NetBIOS domain (no dot).
const SHORT_UPN_RE = /(?<![\w.@-])([a-z][\w.-]{0,30}[a-z0-9])@([A-Za-z][A-Za-z0-9-]{2,14})(?![\w.@-])/dg;
// aoba-fs, shirakaba-nas01, harborlane-dc02: a machine named after the member with a role or a number.
const MEMBER_HOST_RE = /(?<![\w.@\\/:-])([A-Za-z][A-Za-z0-9]{2,20})[-_]([A-Za-z0-9][A-Za-z0-9-]{0,20})(?![\w@-]|\.[A-Za-z0-9])/g;
const HOST_ROLE = /^(?:fs|nas|dc|ad|sv|srv|svr|server|db|sql|pc|nb|note|web|www|mail|mx|ap|app|vpn|fw|gw|rt|sw|prn|mfp|file|files|backup|bk|dns|dhcp|proxy|ws|lt|dt|vm|esx|esxi|hv|rds|ts|jump|bastion|nas\d*)\d*$/i;
const DOMAIN_USER_RE = /(?<![\w\\.:%$/-])([A-Za-z][A-Za-z0-9-]{1,14})\\{1,2}([A-Za-z][A-Za-z0-9._-]{0,30}[A-Za-z0-9])(?![\w\\/-])/g;

export function detectMemberDomainAccounts(text: string, org: OrgProfile): Candidate[] {
  const names = memberShortNames(org);
  const out: Candidate[] = [];
  for (const m of matches(DOMAIN_USER_RE, text)) {
    const domain = (m[1] as string).toLowerCase();
    if (names.has(domain) || (GENERIC_AD_DOMAIN.has(domain) && !FOLDER.test(m[2] as string))) out.push(sensitive('ACCOUNT', m.index, m.index + m[0].length, 'windows_account'));
  }
  for (const m of matches(SHORT_UPN_RE, text)) {
    if (names.has((m[2] as string).toLowerCase())) out.push(sensitive('ACCOUNT', m.index, m.index + m[0].length, 'windows_account'));
  }
  for (const m of matches(MEMBER_HOST_RE, text)) {
    const part = m[2] as string;
    if (names.has((m[1] as string).toLowerCase()) && (HOST_ROLE.test(part) || /\d/.test(part))) out.push(sensitive('INTERNAL_HOST', m.index, m.index + m[0].length, 'netbios_host'));
  }
  return out;
}
