import type { Database } from '../../db/database.js';
import type { OutboxRow } from './mail.table.js';

export async function insertOutboxMail(db: Database, row: OutboxRow): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

export async function listOutbox(db: Database, options: { before?: string | undefined; limit: number }): Promise<OutboxRow[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (options.before) query = query.where('created_at', '<', options.before);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function listUnsent(db: Database, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).where('error', 'is', null).orderBy('created_at').limit(limit).execute();
}

// Claims one mail for sending; only one process wins the claim.
export async function claimMail(db: Database, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('outbox').set({ sent_at: at }).where('id', '=', id).where('sent_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMailFailed(db: Database, id: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: null, error }).where('id', '=', id).execute();
}
