import type { Database } from '../../db/database.js';
import type { TaxiiStatusRow, TaxiiStatusTable } from './taxii.table.js';

export async function insertStatus(db: Database, row: TaxiiStatusTable): Promise<void> {
  await db.insertInto('taxii_status').values(row).execute();
}

export async function findStatus(db: Database, id: string, notBefore: string): Promise<TaxiiStatusRow | undefined> {
  return db.selectFrom('taxii_status').selectAll().where('id', '=', id).where('created_at', '>=', notBefore).executeTakeFirst();
}

export async function purgeStatuses(db: Database, before: string): Promise<void> {
  await db.deleteFrom('taxii_status').where('created_at', '<', before).execute();
}
