import { PostgresAdapter } from 'kysely';
import type { DialectName } from './connect.js';

// The one place that asks which database we are on; keep dialect-specific SQL behind it.
export function dialectOfDb(db: { getExecutor(): { adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
