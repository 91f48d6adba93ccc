// Reads for the operator's bundle import and export: a collection by its alias, and how many entries a
// collection gained in a range of date_added (what one add-objects call stored, when it was the only writer).
import type { Database } from '../../db/database.js';

export async function findCollectionIdByAlias(db: Database, alias: string): Promise<string | undefined> {
  const row = await db.selectFrom('taxii_collections').select('id').where('alias', '=', alias).executeTakeFirst();
  return row?.id;
}

/** Entries of the collection with `after` < date_added <= `upTo` (`after` null: from the start). A range of the primary key. */
export async function countEntriesAdded(db: Database, collectionId: string, after: string | null, upTo: string): Promise<number> {
  let query = db.selectFrom('taxii_entries').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('collection_id', '=', collectionId).where('date_added', '<=', upTo);
  if (after !== null) query = query.where('date_added', '>', after);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
