import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';

// Integration tests run once per database: a SQLite file per test file, and a fresh PostgreSQL
// database per test file when TEST_DATABASE_URL is set.
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  create(): Promise<{ url: string; drop: () => Promise<void> }>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

const sqlite: TestDatabase = {
  dialect: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'anshin-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgresDatabase: TestDatabase = {
  dialect: 'postgres',
  async create() {
    if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `anshin_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  },
};

export const PG_SKIP_REASON = 'skipped: TEST_DATABASE_URL not set';

/** Declares the same suite for SQLite and for PostgreSQL (visibly skipped when PostgreSQL is not configured). */
export function describeEachDatabase(title: string, suite: (database: TestDatabase) => void): void {
  describe(`${title} [sqlite]`, () => suite(sqlite));
  if (pgUrl) describe(`${title} [postgres]`, () => suite(postgresDatabase));
  else describe.skip(`${title} [postgres — ${PG_SKIP_REASON}]`, () => suite(postgresDatabase));
}

/** An empty database of this dialect for one block of tests (not migrated), dropped after it. */
export function useEmptyDatabase(database: TestDatabase): { db: Database } {
  const scratch = {} as { db: Database };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    scratch.db = connectDatabase(created.url);
  });
  afterAll(async () => {
    await scratch.db?.destroy();
    await drop?.();
  });
  return scratch;
}
