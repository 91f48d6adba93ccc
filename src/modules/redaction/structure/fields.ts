// What a field name says about its value: the shared vocabulary of the structure-aware detectors (JSON keys,
// key=value fields, XML elements, "Key: value" lines, CSV and Markdown column headers), and how one value
// becomes a candidate.
import type { Candidate, SensitiveLabel } from '../types.js';

export type FieldKind = 'account' | 'host' | 'email' | 'person' | 'address';

// Keys are compared after normalising: lower case, without spaces, '_', '-', '.', '・'.
export const normaliseKey = (key: string): string => key.toLowerCase().replace(/[\s_\-.・]/g, '');

const ACCOUNT_KEYS = `user username usr userid useraccount login loginid loginname logonname logonuser account accountname
samaccountname targetusername subjectusername targetuser targetaccount srcuser dstuser suser duser sourceuser
sourceusername destinationuser destinationusername clientuser actorusername logonaccount alternateid accountid
unauthuser xauthuser remoteuser localuser actorlogin principal principalname userkey samaccount
employeeid employeeno employeenumber staffid staffno staffnumber studentid studentno studentnumber memberid memberno
membernumber patientid patientno patientnumber mrn customerid customerno
社員番号 職員番号 従業員番号 学籍番号 患者番号 会員番号 顧客番号 診察券番号 カルテ番号 ユーザー名 ユーザ名 ユーザーid ユーザid
アカウント アカウント名 アカウントid ログインid ログイン名 利用者id 口座番号
ログオン名 サインイン名 サインインid ユーザーアカウント 利用者アカウント 社員id 職員id 学生id 教員id signinname`;

// A NetBIOS domain standing alone in a field (TargetDomainName=KMSAD, アカウント ドメイン: MINATO) names the
// member's directory, like a host.
const HOST_KEYS = `host hostname computer computername device devicename machine machinename workstation workstationname
sourceworkstation endpoint endpointname srchost dsthost sourcehost sourcehostname destinationhost destinationhostname
shost dhost clientname clienthostname callercomputername servername dvchost devname srcname devicehostname
targetdomainname subjectdomainname accountdomain
端末 端末名 ホスト ホスト名 コンピューター名 コンピュータ名 コンピューター コンピュータ pc名 サーバー名 サーバ名 機器名 デバイス名
ワークステーション名 ワークステーション ソースワークステーション 呼び出し元コンピューター名 アカウントドメイン`;

const EMAIL_KEYS = `email mail emailaddress mailaddress useremail upn userprincipalname recipient recipientaddress rcpt
mailboxownerupn メールアドレス メール 電子メール`;

const PERSON_KEYS = `displayname fullname userdisplayname employeename staffname patientname studentname contactname
contactperson requester requestedby reportedby submittedby reporter yourname
氏名 名前 お名前 ご氏名 担当者 担当者名 ご担当者 ご担当者名 報告者 報告者名 申告者 申告者名 申請者 依頼者 相談者 記入者
起票者 利用者名 患者名 職員名 社員名 従業員名 学生名 氏名漢字 氏名カナ フリガナ
出席者 参加者 同席者 対応者 関係者 立会人 attendees participants`;

const ADDRESS_KEYS = `address streetaddress mailingaddress postaladdress billingaddress shippingaddress homeaddress
住所 ご住所 所在地 現住所 送付先住所 お届け先住所 連絡先住所`;

// Column headers may be plainer words than log keys: a table column "Name" or "ユーザー" lists people or users.
const TABLE_ONLY: Record<string, FieldKind> = { name: 'person', ユーザー: 'account', ユーザ: 'account', 利用者: 'account', pc: 'host' };

const toMap = (list: string, kind: FieldKind): [string, FieldKind][] => list.split(/\s+/).filter(Boolean).map((k) => [k, kind]);
const KEYS = new Map<string, FieldKind>([
  ...toMap(ACCOUNT_KEYS, 'account'), ...toMap(HOST_KEYS, 'host'), ...toMap(EMAIL_KEYS, 'email'), ...toMap(PERSON_KEYS, 'person'),
  ...toMap(ADDRESS_KEYS, 'address'),
]);

// Words of a key: camelCase and separators split (MailboxOwnerUPN → mailbox owner upn).
const keyWords = (key: string): string[] =>
  key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(/[\s_.\-[\]0-9]+/).filter(Boolean).map((w) => w.toLowerCase());

// Words before a known key that make the field about a thing, not a person or a machine (appDisplayName,
// groupDisplayName, servicePrincipalName, senderMailAddress).
const THING = new Set(['app', 'application', 'service', 'resource', 'tenant', 'group', 'role', 'policy', 'parent', 'file', 'image',
  'package', 'product', 'vendor', 'team', 'channel', 'site', 'organization', 'org', 'company', 'browser', 'os', 'network', 'ip',
  'mac', 'web', 'sender', 'from', 'reply', 'return', 'threat', 'malware', 'campaign']);

// The kind of a log key: the key itself, or a known key it ends with (MailboxOwnerUPN, InitiatedByUserPrincipalName).
export function fieldKind(key: string, table = false): FieldKind | undefined {
  const k = normaliseKey(key);
  const direct = KEYS.get(k) ?? (table ? TABLE_ONLY[k] : undefined);
  if (direct || /[\u0080-\uffff]/.test(key)) return direct;
  const words = keyWords(key);
  for (let i = 1; i < words.length; i++) {
    const kind = KEYS.get(words.slice(i).join(''));
    if (kind) return words.slice(0, i).some((w) => THING.has(w)) || kind === 'address' ? undefined : kind;
  }
  return undefined;
}

// The known key that a phrase ends with ("An account failed … Account Name" → account), longest first: Latin
// keys by whole words, Japanese keys by characters ("本日のユーザー名" → ユーザー名). An address key must be the
// whole last words ("IP Address", "Source Network Address" are not postal).
const JA_KEYS = [...KEYS.keys()].filter((k) => /[\u0080-\uffff]/.test(k)).sort((a, b) => b.length - a.length);
export function fieldKindOfPhrase(phrase: string): FieldKind | undefined {
  if (/[\u0080-\uffff]/.test(phrase)) {
    const p = normaliseKey(phrase);
    const key = JA_KEYS.find((k) => p.endsWith(k));
    return key === undefined ? undefined : KEYS.get(key);
  }
  // Plural keys name lists of the same things (Affected hosts, Users, Computer(s)).
  return kindOfWords(phrase) ?? kindOfWords(phrase.replace(/\(s\)$|(?<=[a-z]{2}[^s])s$/i, ''));
}

function kindOfWords(phrase: string): FieldKind | undefined {
  const words = phrase.split(/[\s_.-]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const kind = KEYS.get(normaliseKey(words.slice(i).join('')));
    if (kind === 'address' && i > 0 && /^(?:ip|mac|e-?mail|mail|network|web|source|destination|remote|local|server|client|memory|physical|return|reply)$/i.test(words[i - 1] as string)) return undefined;
    if (kind) return kind;
  }
  return undefined;
}

// Values that name nobody: placeholders, built-in principals, booleans, attackers' stock machines.
const NOBODY = /^(?:-+|—|–|n\/?a|null|nil|none|unknown|undefined|true|false|yes|no|empty|anonymous(?: logon)?|system|local ?service|network ?service|nt authority\\.*|localhost|127\.0\.0\.1|::1|admin|administrator|root|guest|everyone|kali|parrot|不明|なし|無し|該当なし|―|ー)$/i;

// A department, a team or a role where a person's name was expected (担当者：情報システム課, Contact: IT Desk).
const GROUP_VALUE = /(?:課|部|室|係|班|局|所|センター|チーム|グループ|部門|委員会|事務局|本部|支店|営業所|会社|担当|各位|全員|未記入|未定)$|^[A-Z]{2,}$|\b(?:Team|Desk|Support|Department|Dept\.?|Group|Center|Centre|Office|Unit|Staff|Admin|Security|Service)\b/;
const EMAIL_VALUE = /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const PERSON_VALUE = /^(?:[A-Z][A-Za-z'’-]*\.?(?:\s[A-Z][A-Za-z'’-]*\.?){0,3}|[A-Za-z][a-z'’-]+,\s[A-Z][a-z'’-]+|[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc\u3041-\u3096・]{1,8}(?:[\s・][\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc\u3041-\u3096]{1,8})?)$/;
// A postal address has a number and either Japanese place characters or a word.
const ADDRESS_VALUE = /^(?=.*\d)(?=.*(?:[\u3400-\u9fff]|[A-Za-z]{3,}))(?!.*@)(?!0x)(?!(?:\d{1,3}\.){3}\d{1,3})(?![0-9a-f]{2}(?:[:-][0-9a-f]{2}){5})(?!.*:\/\/)[^\n]{6,120}$/i;

// Reasons: a record field or table column (JSON, key=value, CSV, Markdown), or a "Key: value" line.
export type FieldReason = 'structured_field' | 'labelled_field';

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s"'「]/.test(text[s] as string)) s++;
  while (e > s && /[\s"'」,;.]/.test(text[e - 1] as string)) e--;
  return [s, e];
}

// The candidate for one value (offsets into the text), or nothing when the value names nobody.
const JAPANESE_NAME = /^[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc\u3041-\u3096・]{2,12}$/;

export function valueCandidate(kind: FieldKind, text: string, start: number, end: number, reason: FieldReason = 'structured_field'): Candidate | undefined {
  const candidate = (label: SensitiveLabel, s: number, e: number): Candidate => ({ kind: 'sensitive', label, start: s, end: e, reason, priority: 1 });
  const [s, e] = trimmed(text, start, end);
  const value = text.slice(s, e);
  if (kind === 'address') return ADDRESS_VALUE.test(value) ? candidate('POSTAL_ADDRESS', s, e) : undefined;
  if (value.length === 0 || value.length > 80 || NOBODY.test(value)) return undefined;
  if (EMAIL_VALUE.test(value)) return kind === 'host' ? undefined : candidate('EMAIL', s, e);
  switch (kind) {
    case 'account':
      // A user column of a sign-in export may hold the display name; in Japanese (利用者: 西田) it is a name, no id.
      if (/\s/.test(value) && !/\\/.test(value)) return PERSON_VALUE.test(value) && !GROUP_VALUE.test(value) && /^[A-Z\u3400-\u9fff\u30a1-\u30fa]/.test(value) ? candidate('PERSON', s, e) : undefined;
      if (JAPANESE_NAME.test(value)) return GROUP_VALUE.test(value) ? undefined : candidate('PERSON', s, e);
      // A computer's own account (ZQ7DC01$) names a host.
      if (/^[A-Za-z0-9][A-Za-z0-9-]{0,14}\$$/.test(value)) return candidate('INTERNAL_HOST', s, e - 1);
      return /^0x[0-9a-f]+$/i.test(value) ? undefined : candidate('ACCOUNT', s, e);
    case 'email':
      return /^[\w.+-]{2,64}$/.test(value) ? candidate('ACCOUNT', s, e) : undefined;
    case 'host': {
      const name = value.replace(/\$$/, '');
      // Dotted names and addresses are the network detector's: it knows the member's domains and ranges.
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(name) || !/[A-Za-z]/.test(name)) return undefined;
      return candidate('INTERNAL_HOST', s, s + name.length);
    }
    case 'person':
      return PERSON_VALUE.test(value) && !GROUP_VALUE.test(value) ? candidate('PERSON', s, e) : undefined;
  }
}
