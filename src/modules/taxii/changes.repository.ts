// What others follow the store by: each collection's high-water mark and its entries after a point, in
// date_added order (unique and increasing per collection, never reused). Read-only.
import type { Database } from '../../db/database.js';
import { keyOfCollection } from './store.repository.js';
import { formatMicros, microsOf } from './timestamps.js';

export interface CollectionMark {
  id: string;
  last_date_added: string;
  /** The organisation whose feed or inbox it is; null for the community, public and group collections. */
  org_id: string | null;
}

export interface EntryAfter {
  date_added: string;
  object_pk: number;
  stix_id: string;
  type: string;
  json: string;
}

export async function findCollectionMarks(db: Database): Promise<CollectionMark[]> {
  const rows = await db.selectFrom('taxii_collections').select(['id', 'last_date_added', 'audience', 'org_id']).where('last_date_added', 'is not', null).execute();
  return rows.map((r) => ({ id: r.id, last_date_added: r.last_date_added as string, org_id: r.audience === 'feed' || r.audience === 'inbox' ? r.org_id : null }));
}

/** The collection's next `limit` entries after `after` (from the start when null), with their object version. */
export async function findEntriesAfter(db: Database, collectionId: string, after: string | null, limit: number): Promise<EntryAfter[]> {
  // Entries name their collection by its integer key and date_added in microseconds (compact schema). The key is a
  // scalar subquery, as the store's own reads do, so the (collection_key, date_added) index serves the range.
  let query = db.selectFrom('taxii_entries as e').innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
    .select(['e.date_added', 'e.object_pk', 'o.stix_id', 'o.type', 'o.json'])
    .where('e.collection_key', '=', keyOfCollection(collectionId));
  if (after !== null) query = query.where('e.date_added', '>', microsOf(after));
  const rows = await query.orderBy('e.date_added').limit(limit).execute();
  return rows.map((r) => ({ ...r, date_added: formatMicros(Number(r.date_added)) }));
}

export async function findFeedOf(db: Database, orgId: string): Promise<string | undefined> {
  const row = await db.selectFrom('taxii_collections').select('id').where('org_id', '=', orgId).where('audience', '=', 'feed').executeTakeFirst();
  return row?.id;
}
