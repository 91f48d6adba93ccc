import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { connectDatabase } from './connect.js';
import type { Database } from './database.js';
import { MIGRATION_NAMES, migrateDownAll, migrateToLatest } from './migrate.js';

// Every table the foundation migration creates; later migrations add to this list.
const FOUNDATION_TABLES = [
  'api_tokens', 'audit_events', 'login_attempts', 'memberships', 'one_time_links', 'org_domains', 'org_ip_ranges',
  'organisations', 'outbox', 'sessions', 'settings', 'user_roles', 'users',
];
// The STIX store migration.
const STORE_TABLES = ['sharing_group_members', 'sharing_groups', 'stix_objects', 'taxii_collections', 'taxii_entries', 'taxii_status'];
// Kysely's own bookkeeping: created by the first migration run and kept when everything is undone.
const MIGRATION_TABLES = ['anshin_migrations', 'anshin_migrations_lock'];

// Everything a migration can leave behind, as sorted "kind name: definition" lines.
async function schemaObjects(db: Database, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
      select type, name, sql from sqlite_master where name not like 'sqlite_%'`.execute(db);
    return rows.map((r) => `${r.type} ${r.name}: ${r.sql ?? ''}`).sort();
  }
  const { rows } = await sql<{ line: string }>`
    select 'table ' || table_name || ': ' || string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' order by ordinal_position) as line
      from information_schema.columns where table_schema = 'public' group by table_name
    union all select 'index ' || indexname || ': ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'trigger ' || trigger_name || ' ' || event_manipulation || ': ' || action_statement
      from information_schema.triggers where trigger_schema = 'public'
    union all select 'function ' || routine_name || ': ' || routine_type from information_schema.routines where routine_schema = 'public'
    union all select 'type ' || typname || ': ' || typtype::text from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and t.typtype in ('e', 'd')`.execute(db);
  return rows.map((r) => r.line).sort();
}

async function tableNames(db: Database): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.map((t) => t.name).sort();
}

const belongsToMigrator = (line: string): boolean => MIGRATION_TABLES.some((t) => new RegExp(`\\b${t}\\b`).test(line));

describeEachDatabase('migrations up and down', (database) => {
  let db: Database;
  let drop: () => Promise<void>;
  let firstUp: string[] = [];

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    db = connectDatabase(created.url);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('starts from an empty database', async () => {
    expect(await tableNames(db)).toEqual([]);
  });

  it('migrates to the latest version and creates every table', async () => {
    const lines = await migrateToLatest(db);
    expect(lines).toEqual(MIGRATION_NAMES.map((name) => `Up ${name}: Success`));
    const tables = await tableNames(db);
    expect(tables).toEqual(expect.arrayContaining([...FOUNDATION_TABLES, ...STORE_TABLES, ...MIGRATION_TABLES]));
    firstUp = await schemaObjects(db, database.dialect);
    expect(firstUp.length).toBeGreaterThan(FOUNDATION_TABLES.length);
  });

  it('has nothing to do when already up to date', async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('keeps working data through a no-op migration run', async () => {
    await db.insertInto('settings').values({ key: 'migrate.test', value: 'kept' }).execute();
    await migrateToLatest(db);
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'migrate.test').executeTakeFirst();
    expect(row?.value).toBe('kept');
  });

  it('migrates all the way down, newest first, and leaves only the migrator tables', async () => {
    const lines = await migrateDownAll(db);
    expect(lines).toEqual([...MIGRATION_NAMES].reverse().map((name) => `Down ${name}: Success`));
    expect(await tableNames(db)).toEqual(MIGRATION_TABLES);
    const leftovers = (await schemaObjects(db, database.dialect)).filter((line) => !belongsToMigrator(line));
    expect(leftovers).toEqual([]);
    const applied = await sql<{ name: string }>`select name from anshin_migrations`.execute(db);
    expect(applied.rows).toEqual([]);
  });

  it('has nothing to undo when already at the bottom', async () => {
    expect(await migrateDownAll(db)).toEqual([]);
  });

  it('migrates up again to exactly the same schema, with the old data gone', async () => {
    expect(await migrateToLatest(db)).toEqual(MIGRATION_NAMES.map((name) => `Up ${name}: Success`));
    expect(await schemaObjects(db, database.dialect)).toEqual(firstUp);
    expect(await db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });
});
