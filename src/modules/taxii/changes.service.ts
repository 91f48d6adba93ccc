// For features that follow the STIX store (correlation's indexer) or read it as a caller could:
// collection high-water marks, entries after a cursor, and which objects a caller can read.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findCollectionMarks, findEntriesAfter, findFeedOf, type CollectionMark, type EntryAfter } from './changes.repository.js';
import { latestReadable } from './browse-object.service.js';
import { findObjectJson, findStoredVersions } from './store.repository.js';
import { scopeOf } from './browse.service.js';
import type { TlpLevel } from '../stix/tlp.js';

export type { CollectionMark, EntryAfter };

export const collectionMarks = (db: Database): Promise<CollectionMark[]> => findCollectionMarks(db);

export const entriesAfter = (db: Database, collectionId: string, after: string | null, limit: number): Promise<EntryAfter[]> =>
  findEntriesAfter(db, collectionId, after, limit);

export const feedCollectionOf = (db: Database, orgId: string): Promise<string | undefined> => findFeedOf(db, orgId);

/**
 * The newest version the caller can read of each of these objects (TAXII's access rules: only what a
 * collection they can read holds). Objects they cannot read are simply absent.
 */
export async function readableObjects(
  db: Database, config: Config, ctx: RequestContext, stixIds: readonly string[],
): Promise<Map<string, { value: Record<string, unknown>; tlp: TlpLevel }>> {
  if (stixIds.length === 0) return new Map();
  return latestReadable(db, await scopeOf(db, config, ctx), [...new Set(stixIds)]);
}

/**
 * The newest stored version of the objects of these entries, parsed, and how many versions of each are stored: what a
 * coordinator, who reads every collection, sees (a version stays stored only while a collection holds it). The
 * entries' own JSON is used when an entry is that version, which is the common case, so only newer versions held
 * elsewhere are read.
 */
export async function newestStoredObjects(
  db: Database, entries: ReadonlyArray<{ object_pk: number; stix_id: string; json: string }>,
): Promise<Map<string, { object: Record<string, unknown>; versions: number }>> {
  const newest = new Map<string, { pk: number; version_key: string; versions: number }>();
  for (const version of await findStoredVersions(db, [...new Set(entries.map((e) => e.stix_id))])) {
    const known = newest.get(version.stix_id);
    const versions = (known?.versions ?? 0) + 1;
    newest.set(version.stix_id, !known || version.version_key > known.version_key ? { ...version, versions } : { ...known, versions });
  }
  const json = new Map(entries.map((e) => [e.object_pk, e.json]));
  for (const [pk, text] of await findObjectJson(db, [...newest.values()].map((v) => v.pk).filter((pk) => !json.has(pk)))) json.set(pk, text);
  const out = new Map<string, { object: Record<string, unknown>; versions: number }>();
  for (const [stixId, { pk, versions }] of newest) {
    const text = json.get(pk);
    if (text !== undefined) out.set(stixId, { object: JSON.parse(text) as Record<string, unknown>, versions });
  }
  return out;
}
