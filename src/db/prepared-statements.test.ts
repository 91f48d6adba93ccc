import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_SKIP_REASON, postgresDatabase } from '../../test/helpers/databases.js';
import { connectDatabase } from './connect.js';
import type { Database } from './database.js';

const suite = process.env.TEST_DATABASE_URL ? describe : describe.skip;

suite(`PostgreSQL named prepared statements${process.env.TEST_DATABASE_URL ? '' : ` [${PG_SKIP_REASON}]`}`, () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await postgresDatabase.create();
    drop = created.drop;
    db = connectDatabase(created.url, { poolSize: 1 });
    await sql`create table t (a integer)`.execute(db);
    await sql`insert into t values (1), (2)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const select = (a: number) => sql<Record<string, unknown>>`select * from t where a = ${a}`.execute(db);
  const prepared = async () => (await sql<{ name: string }>`select name from pg_prepared_statements where statement like 'select * from t%'`.execute(db)).rows;

  it('prepares a SELECT with parameters once per connection and reuses it', async () => {
    for (let i = 0; i < 3; i++) expect((await select(1)).rows).toEqual([{ a: 1 }]);
    expect((await select(2)).rows).toEqual([{ a: 2 }]);
    expect(await prepared()).toHaveLength(1);
  });

  it('runs the statement again, under a new name, when its result type changed under it', async () => {
    await sql`alter table t add column b text`.execute(db);
    expect((await select(1)).rows).toEqual([{ a: 1, b: null }]);
    expect((await select(2)).rows).toEqual([{ a: 2, b: null }]);
    expect(await prepared()).toHaveLength(2);
  });

  it('leaves statements without parameters, and writes, unnamed', async () => {
    await sql`update t set b = ${'x'} where a = ${1}`.execute(db);
    expect((await sql`select a, b from t order by a`.execute(db)).rows).toEqual([{ a: 1, b: 'x' }, { a: 2, b: null }]);
    expect((await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(db)).rows[0]?.n).toBe(2);
  });
});
