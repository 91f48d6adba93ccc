import { sql } from 'kysely';
import type { Database } from './database.js';
import { dialectOfDb } from './dialect.js';

/**
 * Serialises writers of one kind until the surrounding transaction ends. PostgreSQL: a transaction-level
 * advisory lock, so that server processes take turns. SQLite: nothing to do, because Kysely gives a
 * transaction the database's only connection until it commits, and one process serves a SQLite file.
 */
export async function lockForWrite(trx: Database, name: string): Promise<void> {
  if (dialectOfDb(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
