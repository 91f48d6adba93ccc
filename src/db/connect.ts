import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database, Tables } from './database.js';

export type DialectName = 'sqlite' | 'postgres';

// PostgreSQL returns BIGINT as a string; every bigint we store (identity ids, counters) fits in 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export function dialectOf(url: string): DialectName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

export function connectDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, Client: PreparingClient });
    // An idle connection closed by the server (restart, failover, admin command) must not crash the
    // process: the pool drops it and opens a new one on the next query, which reports its own error.
    pool.on('error', () => {});
    return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before the server acknowledges it (a TAXII status, a submitted report, a ledger entry),
  // so a power failure cannot take back what a client was told is stored. NORMAL lost only the last commits on power
  // loss, never on a crash; the cost of FULL is one fsync per transaction (bench/durability.mjs, bench/RESULTS.md).
  sqlite.pragma('synchronous = FULL');
  // Bulk STIX ingest writes far from the end of its indexes: a larger page cache and fewer WAL
  // checkpoints keep those pages in memory (measured in bench/RESULTS.md).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('wal_autocheckpoint = 10000');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

// Kysely's SQLite driver prepares every query it runs. Compiling a multi-row INSERT of 32,000 parameters
// costs about as much as running it (bench/RESULTS.md, issue 3): prepare each distinct SQL text once and
// reuse the statement. Least recently used statements leave the cache; a statement still being iterated
// (a streamed query) is never handed out twice.
export const STATEMENT_CACHE_SIZE = 64;

type SqliteStatement = ReturnType<SqliteDatabase.Database['prepare']>;

export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text: string): SqliteStatement => {
      const cached = cache.get(text);
      if (cached !== undefined && !cached.busy) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (cached === undefined) {
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

// PostgreSQL parses and plans an unnamed statement every time it runs; for the short reads of a request that is most
// of their cost on the server (bench/RESULTS.md, issue 3). A SELECT with parameters runs as a named prepared statement
// instead, one name per distinct SQL text, so each connection parses it once and PostgreSQL may keep its plan. The
// names are bounded (texts beyond the limit run unnamed). A statement whose result type changed under it (PostgreSQL's
// "cached plan must not change result type", after a migration) runs again unnamed and gets a new name next time;
// inside a transaction that error has already aborted it, so there the retry fails and the caller sees an error.
export const PREPARED_LIMIT = 500;
const preparedNames = new Map<string, string>();
let preparedCount = 0;

function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known !== undefined || preparedNames.size >= PREPARED_LIMIT || !/^select\b/i.test(text)) return known;
  const name = `anshin_${++preparedCount}`;
  preparedNames.set(text, name);
  return name;
}

class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2 ? preparedName(text) : undefined;
    const run = (super.query as (...a: unknown[]) => never).bind(this);
    if (name === undefined) return run(...args);
    return (run({ name, text, values }) as Promise<unknown>).catch((error: { code?: string }) => {
      if (error.code !== '0A000' || preparedNames.get(text as string) !== name) throw error;
      preparedNames.delete(text as string);
      return run(text, values);
    }) as never;
  }
}

// The readiness probe: one round trip to the database.
export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
