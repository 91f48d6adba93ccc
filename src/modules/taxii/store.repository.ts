// Writes to the STIX store: object versions, collection entries and their markers.
import { bulkInsert } from '../../db/bulk-insert.js';
import { dialectOfDb } from '../../db/dialect.js';
import type { Database } from '../../db/database.js';
import type { TlpLevel } from '../stix/tlp.js';
import { sql } from 'kysely';
import { idKey } from './id-key.js';
import type { NewStixObjectRow, TaxiiEntriesTable } from './taxii.table.js';

/** The integer key entries refer to a collection by, as an expression (a scalar subquery, evaluated once). */
export const keyOfCollection = (collectionId: string) => sql<number>`(select entry_key from taxii_collections where id = ${collectionId})`;

export interface StoredVersion {
  pk: number;
  stix_id: string;
  version: string;
  version_key: string;
  created_by_ref: string | null;
  revoked: number;
}

// IN lists stay well under the bound-parameter limits of both databases.
const IN_CHUNK = 1000;
export function inChunks<T>(values: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) chunks.push(values.slice(i, i + IN_CHUNK));
  return chunks;
}

/**
 * The pks of the stored versions whose id has the key of one of these ids, as a subquery: the id lookup has two
 * tiers (migration 2026-12-02-0010). Keys may collide, so callers compare stix_id as well.
 */
export function pksOfIds(db: Database, stixIds: readonly string[]) {
  const keys = [...new Set(stixIds.map(idKey))];
  return db.selectFrom('stix_ids').select('pk').where('id_key', 'in', keys)
    .unionAll(db.selectFrom('stix_ids_recent').select('pk').where('id_key', 'in', keys));
}

export async function findStoredVersions(db: Database, stixIds: readonly string[]): Promise<StoredVersion[]> {
  const found: StoredVersion[] = [];
  for (const ids of inChunks(stixIds)) {
    found.push(...await db.selectFrom('stix_objects')
      .select(['pk', 'stix_id', 'version', 'version_key', 'created_by_ref', 'revoked'])
      .where('pk', 'in', pksOfIds(db, ids))
      .where('stix_id', 'in', ids)
      .execute());
  }
  return found;
}

export async function findObjectJson(db: Database, pks: readonly number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (const chunk of inChunks(pks)) {
    const rows = await db.selectFrom('stix_objects').select(['pk', 'json']).where('pk', 'in', chunk).execute();
    for (const row of rows) found.set(row.pk, row.json);
  }
  return found;
}

/** Which of these object versions the collection holds. */
export async function findEntryPks(db: Database, collectionId: string, pks: readonly number[]): Promise<number[]> {
  const found: number[] = [];
  for (const chunk of inChunks(pks)) {
    const rows = await db.selectFrom('taxii_entries').select('object_pk')
      .where('object_pk', 'in', chunk).where('collection_key', '=', keyOfCollection(collectionId))
      .execute();
    found.push(...rows.map((row) => row.object_pk));
  }
  return found;
}

const OBJECT_COLUMNS = ['id_key', 'stix_id', 'version', 'version_key', 'type', 'spec_version', 'tlp', 'created_by_ref', 'revoked', 'json'] as const;
const ENTRY_COLUMNS = ['collection_key', 'date_added', 'object_pk', 'type', 'spec_version', 'is_latest', 'is_first'] as const;

// On SQLite new versions' ids go to stix_ids_recent; each time the pks pass another multiple of RECENT_IDS, it moves
// into stix_ids in key order, one pass over that table's pages instead of a few random pages per version: SQLite's WAL
// holds whole pages, so each commit wrote every page its random keys touched (bench/RESULTS.md). PostgreSQL logs
// changed rows, not pages; there the second tier would only add a copy and a delete of every id, and the ids go to
// stix_ids at once.
export const RECENT_IDS = 100_000;

export async function insertObjects(db: Database, rows: readonly NewStixObjectRow[]) {
  const inserted = await bulkInsert<NewStixObjectRow, { pk: number; id_key: number; stix_id: string; version_key: string }>(
    db, 'stix_objects', OBJECT_COLUMNS, rows, ['pk', 'id_key', 'stix_id', 'version_key'],
  );
  if (inserted.length === 0) return inserted;
  const postgres = dialectOfDb(db) === 'postgres';
  await bulkInsert(db, postgres ? 'stix_ids' : 'stix_ids_recent', ['id_key', 'pk'], inserted.map(({ id_key, pk }) => ({ id_key, pk })));
  if (postgres) return inserted;
  const low = inserted.reduce((min, row) => Math.min(min, row.pk), Infinity);
  const high = inserted.reduce((max, row) => Math.max(max, row.pk), 0);
  if (Math.floor(high / RECENT_IDS) > Math.floor((low - 1) / RECENT_IDS)) await mergeRecentIds(db);
  return inserted;
}

/** Moves the recent tier of the id lookup into the main one. */
export async function mergeRecentIds(db: Database): Promise<void> {
  await sql`insert into stix_ids (id_key, pk) select id_key, pk from stix_ids_recent order by id_key, pk`.execute(db);
  await db.deleteFrom('stix_ids_recent').execute();
}

export async function insertEntries(db: Database, rows: readonly TaxiiEntriesTable[]): Promise<void> {
  await bulkInsert(db, 'taxii_entries', ENTRY_COLUMNS, rows);
}

/** Takes the latest (or first) marker away from these object versions' entries in a collection. */
export async function clearMarker(db: Database, collectionId: string, marker: 'is_latest' | 'is_first', pks: readonly number[]) {
  for (const chunk of inChunks(pks)) {
    await db.updateTable('taxii_entries').set({ [marker]: 0 })
      .where('object_pk', 'in', chunk).where('collection_key', '=', keyOfCollection(collectionId)).where(marker, '=', 1)
      .execute();
  }
}

export async function lastDateAdded(db: Database, collectionId: string): Promise<string | null> {
  const row = await db.selectFrom('taxii_collections').select('last_date_added').where('id', '=', collectionId).executeTakeFirst();
  return row?.last_date_added ?? null;
}

export async function setLastDateAdded(db: Database, collectionId: string, value: string): Promise<void> {
  await db.updateTable('taxii_collections').set({ last_date_added: value }).where('id', '=', collectionId).execute();
}

/**
 * Deletes entries of one object in a collection, then sets its markers again from what remains.
 * `versions` are all the object's stored versions, `doomed` the pks to remove.
 */
export async function deleteEntries(db: Database, collectionId: string, versions: readonly StoredVersion[], doomed: readonly number[]): Promise<void> {
  for (const chunk of inChunks(doomed)) {
    await db.deleteFrom('taxii_entries').where('object_pk', 'in', chunk).where('collection_key', '=', keyOfCollection(collectionId)).execute();
  }
  const remaining = new Set(await findEntryPks(db, collectionId, versions.map((v) => v.pk)));
  const left = versions.filter((v) => remaining.has(v.pk)).sort((a, b) => (a.version_key < b.version_key ? -1 : 1));
  if (left.length === 0) return;
  const pks = left.map((v) => v.pk);
  const scope = () => db.updateTable('taxii_entries').where('collection_key', '=', keyOfCollection(collectionId));
  await scope().set({ is_latest: 0, is_first: 0 }).where('object_pk', 'in', pks).execute();
  await scope().set({ is_first: 1 }).where('object_pk', '=', pks[0] as number).execute();
  await scope().set({ is_latest: 1 }).where('object_pk', '=', pks[pks.length - 1] as number).execute();
}

/** Removes object versions that no collection holds any more. */
export async function deleteOrphanObjects(db: Database, pks: readonly number[]): Promise<void> {
  for (const chunk of inChunks(pks)) {
    const orphans = await db.selectFrom('stix_objects').select(['pk', 'id_key'])
      .where('pk', 'in', chunk)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('taxii_entries').select('taxii_entries.object_pk').whereRef('taxii_entries.object_pk', '=', 'stix_objects.pk'))))
      .execute();
    if (orphans.length === 0) continue;
    const gone = orphans.map((o) => o.pk);
    const keys = [...new Set(orphans.map((o) => o.id_key))];
    for (const table of ['stix_ids', 'stix_ids_recent'] as const) await db.deleteFrom(table).where('id_key', 'in', keys).where('pk', 'in', gone).execute();
    await db.deleteFrom('stix_objects').where('pk', 'in', gone).execute();
  }
}

/** Up to `limit` stored versions after `afterPk` whose JSON mentions granular markings (a pre-filter), by pk. */
export async function findVersionsWithGranularMarkings(db: Database, afterPk: number, limit: number) {
  return db.selectFrom('stix_objects').select(['pk', 'stix_id', 'version', 'version_key', 'tlp', 'json'])
    .where('pk', '>', afterPk).where('json', 'like', '%granular_markings%').orderBy('pk').limit(limit).execute();
}

export async function setObjectTlp(db: Database, pk: number, tlp: TlpLevel): Promise<void> {
  await db.updateTable('stix_objects').set({ tlp }).where('pk', '=', pk).execute();
}
