// Versioning rules (STIX 2.1 §3.6), pure: given the stored versions of one id and an incoming object, may the
// incoming object be stored? A version is (id, modified); new versions need a later modified, keep created and
// the creator; revoked is final. SCOs and marking definitions have no modified and are never versioned.
// Both sides are expected to have passed validation already.
import { canonicalJson } from './canonical-json.js';
import { SCO_TYPES } from './stix-kinds.js';
import type { Text } from './stix-messages.js';
import { compareTimestamps, isTimestamp } from './stix-timestamp.js';

export type StixObjectLike = Readonly<Record<string, unknown>>;

export type VersionVerdict =
  | { ok: true; verdict: 'new-object' | 'new-version' | 'duplicate' }
  | { ok: false; verdict: VersionRejection; message: Text };

export type VersionRejection =
  | 'id-mismatch'
  | 'not-versioned'
  | 'version-conflict'
  | 'modified-not-later'
  | 'revoked'
  | 'created-changed'
  | 'creator-changed';

const MESSAGES: Record<VersionRejection, Text> = {
  'id-mismatch': { ja: '保存済みの版と id が異なります。', en: 'The stored versions have a different id.' },
  'not-versioned': {
    ja: 'このオブジェクトは版管理されません（観測オブジェクト・マーキング定義）。同じ id で内容を変えることはできません。',
    en: 'This object is not versioned (cyber-observable or marking definition); its content cannot change under the same id.',
  },
  'version-conflict': {
    ja: '同じ id と modified の版が別の内容で既に存在します。',
    en: 'A version with the same id and modified already exists with different content.',
  },
  'modified-not-later': {
    ja: '新しい版の modified は保存済みの最新版より後でなければなりません。',
    en: 'A new version must have a modified later than the newest stored version.',
  },
  revoked: { ja: 'このオブジェクトは失効（revoked）しているため、新しい版は作れません。', en: 'This object is revoked; no new version can be made.' },
  'created-changed': { ja: '新しい版でも created は変えられません。', en: 'A new version must keep the same created.' },
  'creator-changed': {
    ja: '版を作れるのはオブジェクトの作成者（created_by_ref）だけです。',
    en: 'Only the object creator (created_by_ref) can make new versions.',
  },
};

const SCO_TYPE_SET: ReadonlySet<string> = new Set(SCO_TYPES);

const reject = (verdict: VersionRejection): VersionVerdict => ({ ok: false, verdict, message: MESSAGES[verdict] });

/** Objects without a version: SCOs, marking definitions, and custom objects without modified. */
export function isVersioned(o: StixObjectLike): boolean {
  return typeof o.modified === 'string' && !SCO_TYPE_SET.has(o.type as string);
}

const sameContent = (a: StixObjectLike, b: StixObjectLike): boolean => canonicalJson(a) === canonicalJson(b);

/** The timestamp value of a property, or undefined when it is absent or not a valid timestamp. */
function timestampOf(o: StixObjectLike, prop: string): string | undefined {
  const v = o[prop];
  return typeof v === 'string' && isTimestamp(v) ? v : undefined;
}

/** Same instant, whatever the number of fraction digits ("…00.000Z" equals "…00.000000Z"). */
function sameInstant(a: StixObjectLike, b: StixObjectLike, prop: string): boolean {
  const x = timestampOf(a, prop);
  const y = timestampOf(b, prop);
  return x !== undefined && y !== undefined ? compareTimestamps(x, y) === 0 : a[prop] === b[prop];
}

export function checkVersion(stored: readonly StixObjectLike[], incoming: StixObjectLike): VersionVerdict {
  if (stored.some((v) => v.id !== incoming.id)) return reject('id-mismatch');
  if (stored.length === 0) return { ok: true, verdict: 'new-object' };
  const modified = timestampOf(incoming, 'modified');
  if (!isVersioned(incoming) || modified === undefined) {
    return stored.some((v) => sameContent(v, incoming)) ? { ok: true, verdict: 'duplicate' } : reject('not-versioned');
  }
  let latest: StixObjectLike | undefined;
  let latestModified: string | undefined;
  for (const version of stored) {
    const m = timestampOf(version, 'modified');
    if (m === undefined) continue;
    if (compareTimestamps(m, modified) === 0) return sameContent(version, incoming) ? { ok: true, verdict: 'duplicate' } : reject('version-conflict');
    if (latestModified === undefined || compareTimestamps(m, latestModified) > 0) {
      latest = version;
      latestModified = m;
    }
  }
  if (latest === undefined || latestModified === undefined) return reject('not-versioned');
  if (compareTimestamps(modified, latestModified) < 0) return reject('modified-not-later');
  if (stored.some((v) => v.revoked === true)) return reject('revoked');
  if (!sameInstant(incoming, latest, 'created')) return reject('created-changed');
  if (incoming.created_by_ref !== latest.created_by_ref) return reject('creator-changed');
  return { ok: true, verdict: 'new-version' };
}
