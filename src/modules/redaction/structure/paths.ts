// Names inside paths: the profile folder of C:\Users\<name>\ and /home/<user>/ (an account), the host of a
// UNC path \\HOST\share (an internal host), and DOMAIN\user written with a JSON-escaped backslash.
import { matches } from '../text.js';
import type { Candidate } from '../types.js';

const sensitive = (label: 'ACCOUNT' | 'INTERNAL_HOST', start: number, end: number, reason: string): Candidate =>
  ({ kind: 'sensitive', label, start, end, reason, priority: 1 });

// One or two backslashes: paths quoted in JSON double them.
const PROFILE_RE = /(?<![A-Za-z])[A-Za-z]:\\{1,2}(?:Users|Documents and Settings)\\{1,2}([^\\/:*?"<>|\r\n\t]{1,64}?)(?=\\|["'\s,;)]|$)/dgi;
const UNIX_HOME_RE = /(?<![\w.~-])\/(?:home|Users)\/([A-Za-z_][A-Za-z0-9._-]{0,31})(?=\/|[\s"',;)]|$)/dg;
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
  for (const m of matches(UNIX_HOME_RE, text)) {
    const span = m.indices?.[1];
    if (span && !NOT_A_PROFILE.test(m[1] as string)) out.push(sensitive('ACCOUNT', span[0], span[1], 'windows_profile_path'));
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
