// Reads of the threat-intel browser: newest-first keyset windows over the latest entries of several
// collections, object versions and where they are held, and bounded counts. Never OFFSET, never an
// unbounded COUNT: each query walks an index range of a known size.
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { ilikeContains } from '../../db/like.js';
import { inChunks, keyOfCollection } from './store.repository.js';
import { formatMicros, microsOf } from './timestamps.js';
import type { TlpLevel } from '../stix/tlp.js';

/** Where one collection's part of a window starts: entries at or before `upTo` (strictly before unless `inclusive`). */
export interface WindowRange {
  collectionId: string;
  upTo?: string | undefined;
  inclusive: boolean;
}

export interface WindowEntry {
  collection_id: string;
  date_added: string;
  object_pk: number;
}

// SQLite refuses compound SELECTs of more than 500 terms; a window asks at most this many collections at once.
const COLLECTIONS_PER_QUERY = 100;

const newestFirst = (a: WindowEntry, b: WindowEntry): number =>
  a.date_added === b.date_added ? (a.collection_id < b.collection_id ? 1 : -1) : a.date_added < b.date_added ? 1 : -1;

function rangeQuery(db: Database, range: WindowRange, from: string | undefined, limit: number) {
  let query = db.selectFrom('taxii_entries')
    .select([sql<string>`cast(${range.collectionId} as text)`.as('collection_id'), 'date_added', 'object_pk'])
    .where('collection_key', '=', keyOfCollection(range.collectionId))
    .where('is_latest', '=', 1);
  if (range.upTo !== undefined) query = query.where('date_added', range.inclusive ? '<=' : '<', microsOf(range.upTo));
  if (from !== undefined) query = query.where('date_added', '>=', microsOf(from));
  return db.selectFrom(query.orderBy('date_added', 'desc').limit(limit).as('r')).selectAll();
}

/**
 * The newest `limit` latest-version entries across the collections, newest first (ties: collection id,
 * descending). Each collection contributes an index range scan of at most `limit` rows.
 */
export async function findLatestWindow(db: Database, ranges: readonly WindowRange[], from: string | undefined, limit: number): Promise<WindowEntry[]> {
  const found: WindowEntry[] = [];
  for (let i = 0; i < ranges.length; i += COLLECTIONS_PER_QUERY) {
    const [first, ...rest] = ranges.slice(i, i + COLLECTIONS_PER_QUERY).map((range) => rangeQuery(db, range, from, limit));
    if (!first) continue;
    const union = rest.reduce((all, next) => all.unionAll(next), first);
    const rows = await db.selectFrom(union.as('u')).selectAll().orderBy('date_added', 'desc').orderBy('collection_id', 'desc').limit(limit).execute();
    for (const row of rows) found.push({ ...row, date_added: formatMicros(row.date_added) });
  }
  return found.sort(newestFirst).slice(0, limit);
}

export interface Held {
  collection_id: string;
  date_added: string;
  is_latest: number;
}

/** Every collection entry of these object versions (at most one per collection and version), with the version. */
export async function findEntriesOfVersions<V extends { pk: number }>(db: Database, versions: readonly V[]): Promise<Array<V & Held>> {
  const byPk = new Map(versions.map((v) => [v.pk, v]));
  const found: Array<V & Held> = [];
  for (const chunk of inChunks([...byPk.keys()])) {
    const rows = await db.selectFrom('taxii_entries as e').innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
      .select(['e.object_pk', 'c.id as collection_id', 'e.date_added', 'e.is_latest'])
      .where('e.object_pk', 'in', chunk).execute();
    for (const row of rows) {
      const version = byPk.get(row.object_pk);
      if (version) found.push({ ...version, collection_id: row.collection_id, date_added: formatMicros(row.date_added), is_latest: row.is_latest });
    }
  }
  return found;
}

export async function findObjectHeads(db: Database, pks: readonly number[]): Promise<Array<{ pk: number; stix_id: string; type: string }>> {
  const found = [];
  for (const chunk of inChunks(pks)) found.push(...await db.selectFrom('stix_objects').select(['pk', 'stix_id', 'type']).where('pk', 'in', chunk).execute());
  return found;
}

export interface ObjectFilter {
  tlp?: TlpLevel | undefined;
  // Texts the stored JSON must contain, case-insensitively: a cheap pre-filter, checked exactly afterwards.
  contains: readonly string[];
}

export interface StoredObject {
  pk: number;
  stix_id: string;
  type: string;
  tlp: TlpLevel;
  json: string;
}

/** Those of these object versions that pass the filter, with their JSON. */
export async function findObjectsMatching(db: Database, pks: readonly number[], filter: ObjectFilter): Promise<StoredObject[]> {
  const found: StoredObject[] = [];
  for (const chunk of inChunks(pks)) {
    let query = db.selectFrom('stix_objects').select(['pk', 'stix_id', 'type', 'tlp', 'json']).where('pk', 'in', chunk);
    if (filter.tlp !== undefined) query = query.where('tlp', '=', filter.tlp);
    for (const text of filter.contains) query = query.where(ilikeContains('json', text));
    found.push(...await query.execute());
  }
  return found;
}

/**
 * Relationships and sightings among the newest `window` stored object versions whose JSON names `stixId`.
 * The store keeps no index of references, so this is a bounded scan of the newest rows by pk;
 * `complete` says whether it reached the oldest row.
 */
export async function findReferringCandidates(db: Database, stixId: string, window: number): Promise<{ rows: Array<{ pk: number; stix_id: string }>; complete: boolean }> {
  const bounds = await db.selectFrom('stix_objects').select((eb) => [eb.fn.max('pk').as('high'), eb.fn.min('pk').as('low')]).executeTakeFirst();
  if (!bounds || bounds.high === null || bounds.low === null) return { rows: [], complete: true };
  const floor = Number(bounds.high) - window;
  const rows = await db.selectFrom('stix_objects').select(['pk', 'stix_id'])
    .where('pk', '>', floor)
    .where('type', 'in', ['relationship', 'sighting'])
    .where(ilikeContains('json', JSON.stringify(stixId)))
    .execute();
  return { rows, complete: Number(bounds.low) > floor };
}

/** The number of objects in a collection, counting at most `cap + 1` index entries. */
export async function countLatestCapped(db: Database, collectionId: string, cap: number): Promise<number> {
  const inner = db.selectFrom('taxii_entries').select('object_pk')
    .where('collection_key', '=', keyOfCollection(collectionId)).where('is_latest', '=', 1).limit(cap + 1);
  const row = await db.selectFrom(inner.as('c')).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findGroupMemberNames(db: Database, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  return db.selectFrom('sharing_group_members as m').innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['m.group_id', 'o.id', 'o.name_ja', 'o.name_en'])
    .where('m.group_id', 'in', groupIds)
    .orderBy('o.name_en').orderBy('o.id')
    .execute();
}
