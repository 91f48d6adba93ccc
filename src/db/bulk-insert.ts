import { CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import { dialectOfDb } from './dialect.js';

// Multi-row INSERTs for bulk loads. The SQL text is built once per shape and cached, instead of building
// and compiling a query tree of up to 32,000 values for every chunk. Table and column names come from
// code, never from input.
const cache = new Map<string, string>();

// SQLite allows at most 32766 bound parameters in one statement, PostgreSQL 65535: chunks stay under both.
export const MAX_BOUND_PARAMETERS = 32_000;

export function chunksFor<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

function insertSql(postgres: boolean, table: string, columns: readonly string[], rows: number, returning: readonly string[]): string {
  const key = `${postgres}|${table}|${columns.join(',')}|${rows}|${returning.join(',')}`;
  let text = cache.get(key);
  if (text === undefined) {
    let n = 0;
    const row = () => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(',')})`;
    const values = Array.from({ length: rows }, row).join(',');
    text = `insert into ${table} (${columns.join(',')}) values ${values}${returning.length > 0 ? ` returning ${returning.join(',')}` : ''}`;
    if (cache.size >= 32) cache.clear(); // texts can be 100 KB: keep a few shapes, the common ones come back
    cache.set(key, text);
  }
  return text;
}

export async function bulkInsert<Row extends object, R = never>(
  db: Database, table: string, columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[], returning: readonly string[] = [],
): Promise<R[]> {
  const postgres = dialectOfDb(db) === 'postgres';
  const out: R[] = [];
  for (const chunk of chunksFor(rows, columns.length)) {
    const params: unknown[] = [];
    for (const row of chunk) for (const column of columns) params.push((row as Record<string, unknown>)[column]);
    const result = await db.executeQuery<R>(CompiledQuery.raw(insertSql(postgres, table, columns, chunk.length, returning), params));
    out.push(...result.rows);
  }
  return out;
}
