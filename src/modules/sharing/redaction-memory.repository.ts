// Values coordinators taught the redaction detector, per organisation.
import type { Database } from '../../db/database.js';
import type { RedactionMemoryRow, RedactionMemoryTable } from './sharing.table.js';

export type MemoryWithAuthor = RedactionMemoryRow & { created_by_name: string | null };

export async function listMemory(db: Database, orgId: string): Promise<MemoryWithAuthor[]> {
  return db.selectFrom('redaction_memory as m').leftJoin('users as u', 'u.id', 'm.created_by')
    .selectAll('m').select('u.display_name as created_by_name')
    .where('m.org_id', '=', orgId).orderBy('m.created_at', 'desc').orderBy('m.id').execute();
}

/** Inserts the rows whose value the organisation has not remembered yet; returns the ids of those inserted. */
export async function insertMemory(db: Database, rows: readonly RedactionMemoryTable[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('redaction_memory').values([...rows])
    .onConflict((oc) => oc.columns(['org_id', 'value']).doNothing()).returning('id').execute();
  return inserted.map((r) => r.id);
}

export async function deleteMemory(db: Database, orgId: string, id: string): Promise<RedactionMemoryRow | undefined> {
  return db.deleteFrom('redaction_memory').where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
}
