// Reads of collection entries: keyset pages by date_added, never OFFSET or COUNT.
import type { ExpressionBuilder } from 'kysely';
import type { Database, Tables } from '../../db/database.js';
import type { AudienceOf } from './collection-access.js';
import type { VersionMatch } from './filters.js';
import { dialectOfDb } from '../../db/dialect.js';
import { audienceOf, findAudience } from './collections.repository.js';
import { keyOfCollection, pksOfIds } from './store.repository.js';
import { formatMicros, microsOf } from './timestamps.js';

export interface EntryQuery {
  collectionId: string;
  after?: string | undefined; // date_added strictly after
  pks?: readonly number[] | undefined; // only these object versions (one object's endpoints)
  ids?: readonly string[] | undefined; // only versions of these objects (match[id])
  types?: readonly string[] | undefined;
  versions: VersionMatch;
  specVersions?: readonly string[] | undefined;
  limit: number;
}

export interface EntryRow {
  date_added: string;
  stix_id: string;
  version: string;
  spec_version: string;
  json?: string;
}

type Joined = ExpressionBuilder<Tables & { e: Tables['taxii_entries']; o: Tables['stix_objects'] }, 'e' | 'o'>;

// OR within match[version] (last, first, exact versions); nothing when it is "all".
function versionCondition(eb: Joined, versions: VersionMatch) {
  const terms = [];
  if (versions.last) terms.push(eb('e.is_latest', '=', 1));
  if (versions.first) terms.push(eb('e.is_first', '=', 1));
  if (versions.keys.length > 0) terms.push(eb('o.version_key', 'in', versions.keys));
  return eb.or(terms);
}

function selectEntries(db: Database, q: Omit<EntryQuery, 'limit'>) {
  let query = db
    .selectFrom('taxii_entries as e')
    .innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
    .where('e.collection_key', '=', keyOfCollection(q.collectionId));
  if (q.after !== undefined) query = query.where('e.date_added', '>', microsOf(q.after));
  if (q.pks) query = query.where('e.object_pk', 'in', q.pks);
  if (q.ids) query = query.where('e.object_pk', 'in', versionPks(db, q.ids));
  if (q.types) query = query.where('e.type', 'in', q.types);
  if (q.specVersions) query = query.where('e.spec_version', 'in', q.specVersions);
  if (!q.versions.all) query = query.where((eb) => versionCondition(eb, q.versions));
  return query;
}

const page = (db: Database, q: EntryQuery) =>
  selectEntries(db, q).select(['e.date_added', 'o.stix_id', 'o.version', 'e.spec_version']).orderBy('e.date_added').limit(q.limit);

const none = (q: EntryQuery) => q.pks?.length === 0 || q.ids?.length === 0;

// match[id]: PostgreSQL starts from the ids (a subquery in the page query, one round trip); SQLite gets the versions'
// pks first, since given a join or a subquery it walks the whole collection in date_added order looking for them,
// and only a list of pks makes it start from the object_pk index (bench/RESULTS.md).
async function withPks(db: Database, q: EntryQuery): Promise<EntryQuery> {
  if (!q.ids || dialectOfDb(db) === 'postgres') return q;
  const pks = await findVersionPks(db, q.ids);
  return { ...q, ids: undefined, pks: q.pks ? q.pks.filter((pk) => pks.includes(pk)) : pks };
}

/** One page of manifest records, in date_added order. */
export async function findManifestEntries(db: Database, query: EntryQuery): Promise<EntryRow[]> {
  if (none(query)) return [];
  const q = await withPks(db, query);
  if (none(q)) return [];
  const rows = await page(db, q).execute();
  return rows.map((row) => ({ ...row, date_added: formatMicros(row.date_added) }));
}

/** One page of entries with the objects' JSON text, in date_added order. */
export async function findObjectEntries(db: Database, query: EntryQuery): Promise<Required<EntryRow>[]> {
  if (none(query)) return [];
  const q = await withPks(db, query);
  if (none(q)) return [];
  const rows = await page(db, q).select('o.json').execute();
  for (const row of rows) (row as unknown as Required<EntryRow>).date_added = formatMicros(row.date_added);
  return rows as unknown as Required<EntryRow>[];
}

/** A page with the audience of its collection (undefined: there is no such collection). */
export interface PageWithAudience<T extends EntryRow> {
  collection: AudienceOf | undefined;
  rows: T[];
}

// findObjectEntries with the collection's audience read in the same statement (on PostgreSQL, one round trip for the
// access check and the page): the collection joined with its page, so that it answers one row with an empty page, and
// none at all when there is no such collection.
export async function findObjectEntriesWithAudience(db: Database, query: EntryQuery): Promise<PageWithAudience<Required<EntryRow>>> {
  const q = none(query) ? query : await withPks(db, query);
  if (none(q)) return { collection: await findAudience(db, q.collectionId), rows: [] };
  const rows = await audienceOf(db, q.collectionId)
    .leftJoin(page(db, q).select('o.json').as('p'), (join) => join.onTrue())
    .select(['p.date_added', 'p.stix_id', 'p.version', 'p.spec_version', 'p.json'])
    .orderBy('p.date_added')
    .execute();
  const first = rows[0];
  if (!first) return { collection: undefined, rows: [] };
  const entries: Required<EntryRow>[] = [];
  for (const row of rows) {
    if (row.date_added === null || row.stix_id === null || row.version === null || row.spec_version === null || row.json === null) continue;
    entries.push({ date_added: formatMicros(row.date_added), stix_id: row.stix_id, version: row.version, spec_version: row.spec_version, json: row.json });
  }
  return { collection: { audience: first.audience, org_id: first.org_id, group_id: first.group_id }, rows: entries };
}

const versionPks = (db: Database, stixIds: readonly string[]) => db.selectFrom('stix_objects').select('pk')
  .where('pk', 'in', pksOfIds(db, stixIds)).where('stix_id', 'in', stixIds);

/** The pks of every stored version of these objects. */
export async function findVersionPks(db: Database, stixIds: readonly string[]): Promise<number[]> {
  if (stixIds.length === 0) return [];
  const rows = await versionPks(db, stixIds).execute();
  return rows.map((row) => row.pk);
}

export async function holdsAnyOf(db: Database, collectionId: string, pks: readonly number[]): Promise<boolean> {
  if (pks.length === 0) return false;
  const row = await db.selectFrom('taxii_entries').select('object_pk')
    .where('object_pk', 'in', pks).where('collection_key', '=', keyOfCollection(collectionId)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The object versions (pks) among `pks` that a delete with these filters removes from the collection. */
export async function findEntriesToDelete(db: Database, q: { collectionId: string; pks: readonly number[]; versions: VersionMatch; specVersions?: readonly string[] | undefined }): Promise<number[]> {
  if (q.pks.length === 0) return [];
  const rows = await selectEntries(db, q).select('e.object_pk').execute();
  return rows.map((row) => row.object_pk);
}
