import { sql } from 'kysely';
import type { Database, Tables } from './database.js';
import { dialectOfDb } from './dialect.js';

/**
 * Refreshes the query planner's statistics of these tables after a bulk write. PostgreSQL plans from the
 * statistics ANALYZE collects; autovacuum collects them a while after a table changed by a tenth, or never
 * where it is turned off. A bulk import outruns it: with no statistics, a lookup of 1,000 ids by their
 * index is planned as a scan of the whole table, and ingest slows down as the table grows (bench/RESULTS.md,
 * issue 3). SQLite's planner does well without them for these tables: nothing to do there.
 */
export async function refreshPlannerStatistics(db: Database, tables: ReadonlyArray<keyof Tables & string>): Promise<void> {
  if (dialectOfDb(db) !== 'postgres' || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
}
