// For features that follow the STIX store (correlation's indexer) or read it as a caller could:
// collection high-water marks, entries after a cursor, and which objects a caller can read.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findCollectionMarks, findEntriesAfter, findFeedOf, type CollectionMark, type EntryAfter } from './changes.repository.js';
import { latestReadable } from './browse-object.service.js';
import { findEntriesOfVersions } from './browse.repository.js';
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
 * The newest version of each of these objects that any collection holds, parsed: what a coordinator, who reads every
 * collection, sees. Objects no collection holds are absent.
 */
export async function newestStoredObjects(db: Database, stixIds: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const newest = new Map<string, { pk: number; version_key: string }>();
  for (const held of await findEntriesOfVersions(db, await findStoredVersions(db, [...new Set(stixIds)]))) {
    const known = newest.get(held.stix_id);
    if (!known || held.version_key > known.version_key) newest.set(held.stix_id, held);
  }
  const json = await findObjectJson(db, [...newest.values()].map((v) => v.pk));
  const out = new Map<string, Record<string, unknown>>();
  for (const [stixId, { pk }] of newest) {
    const text = json.get(pk);
    if (text !== undefined) out.set(stixId, JSON.parse(text) as Record<string, unknown>);
  }
  return out;
}
