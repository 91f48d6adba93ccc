// Reads for the operator's bundle import and export: a collection by its alias.
import type { Database } from '../../db/database.js';

export async function findCollectionIdByAlias(db: Database, alias: string): Promise<string | undefined> {
  const row = await db.selectFrom('taxii_collections').select('id').where('alias', '=', alias).executeTakeFirst();
  return row?.id;
}
