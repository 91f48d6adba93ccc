// For features that follow the STIX store (correlation's indexer) or read it as a caller could:
// collection high-water marks, entries after a cursor, and which objects a caller can read.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findCollectionMarks, findEntriesAfter, findFeedOf, type CollectionMark, type EntryAfter } from './changes.repository.js';
import { latestReadable } from './browse-object.service.js';
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
