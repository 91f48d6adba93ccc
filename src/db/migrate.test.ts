import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, useEmptyDatabase } from '../../test/helpers/databases.js';
import type { Database } from './database.js';
import { MIGRATION_NAMES, migrateDownAll, migrateTo, migrateToLatest } from './migrate.js';

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
  const scratch = useEmptyDatabase(database);
  let firstUp: string[] = [];


  it('starts from an empty database', async () => {
    expect(await tableNames(scratch.db)).toEqual([]);
  });

  it('migrates to the latest version and creates every table', async () => {
    const lines = await migrateToLatest(scratch.db);
    expect(lines).toEqual(MIGRATION_NAMES.map((name) => `Up ${name}: Success`));
    const tables = await tableNames(scratch.db);
    expect(tables).toEqual(expect.arrayContaining([...FOUNDATION_TABLES, ...STORE_TABLES, ...MIGRATION_TABLES]));
    firstUp = await schemaObjects(scratch.db, database.dialect);
    expect(firstUp.length).toBeGreaterThan(FOUNDATION_TABLES.length);
  });

  it('has nothing to do when already up to date', async () => {
    expect(await migrateToLatest(scratch.db)).toEqual([]);
  });

  it('keeps working data through a no-op migration run', async () => {
    await scratch.db.insertInto('settings').values({ key: 'migrate.test', value: 'kept' }).execute();
    await migrateToLatest(scratch.db);
    const row = await scratch.db.selectFrom('settings').select('value').where('key', '=', 'migrate.test').executeTakeFirst();
    expect(row?.value).toBe('kept');
  });

  it('migrates all the way down, newest first, and leaves only the migrator tables', async () => {
    const lines = await migrateDownAll(scratch.db);
    expect(lines).toEqual([...MIGRATION_NAMES].reverse().map((name) => `Down ${name}: Success`));
    expect(await tableNames(scratch.db)).toEqual(MIGRATION_TABLES);
    const leftovers = (await schemaObjects(scratch.db, database.dialect)).filter((line) => !belongsToMigrator(line));
    expect(leftovers).toEqual([]);
    const applied = await sql<{ name: string }>`select name from anshin_migrations`.execute(scratch.db);
    expect(applied.rows).toEqual([]);
  });

  it('has nothing to undo when already at the bottom', async () => {
    expect(await migrateDownAll(scratch.db)).toEqual([]);
  });

  it('migrates up again to exactly the same schema, with the old data gone', async () => {
    expect(await migrateToLatest(scratch.db)).toEqual(MIGRATION_NAMES.map((name) => `Up ${name}: Success`));
    expect(await schemaObjects(scratch.db, database.dialect)).toEqual(firstUp);
    expect(await scratch.db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });
});

describeEachDatabase('2026-12-02-0001-taxii-entries-compact converts stored entries both ways', (database) => {
  const scratch = useEmptyDatabase(database);
  const texts = ['2026-11-23T04:07:00.000001Z', '2026-11-23T04:07:00.999999Z', '1999-12-31T23:59:59.123456Z'];
  type Row = Record<string, unknown>;
  const entries = () => scratch.db.selectFrom('taxii_entries' as never).selectAll().orderBy('date_added' as never).execute() as Promise<Row[]>;


  it('keeps every entry, with its collection as an integer key and date_added as microseconds, and restores the text', async () => {
    await migrateTo(scratch.db, '2026-11-23-0002-stix-store');
    const collections = await scratch.db.selectFrom('taxii_collections').select('id').orderBy('alias').execute();
    expect(collections).toHaveLength(2); // community, public
    const [community, pub] = collections.map((c) => c.id) as [string, string];
    const object = { id_key: 1, stix_id: 'indicator--00000000-0000-4000-8000-000000000001', version: 'v', version_key: 'v', type: 'indicator', spec_version: '2.1', tlp: 'clear' as const, created_by_ref: null, revoked: 0, json: '{}' };
    const pks = await scratch.db.insertInto('stix_objects').values(texts.map(() => object)).returning('pk').execute();
    const old = texts.map((date_added, i) => ({ collection_id: i === 1 ? pub : community, date_added, object_pk: Number(pks[i]?.pk), type: 'indicator', spec_version: '2.1', is_latest: 1, is_first: i % 2 }));
    await scratch.db.insertInto('taxii_entries' as never).values(old as never).execute();

    await migrateToLatest(scratch.db);
    const keys = await scratch.db.selectFrom('taxii_collections').select(['id', 'entry_key']).execute();
    const keyOf = new Map(keys.map((k) => [k.id, Number(k.entry_key)]));
    expect(new Set(keyOf.values()).size).toBe(2);
    const micros = (text: string) => Date.parse(text.slice(0, 19) + 'Z') * 1000 + Number(text.slice(20, 26));
    expect((await entries()).map((e) => ({ ...e, date_added: Number(e.date_added), collection_key: Number(e.collection_key), object_pk: Number(e.object_pk) })))
      .toEqual(old.map(({ collection_id, ...e }) => ({ ...e, collection_key: keyOf.get(collection_id), date_added: micros(e.date_added) }))
        .sort((a, b) => a.date_added - b.date_added));
    // A collection created afterwards gets a key of its own from the database.
    await scratch.db.insertInto('taxii_collections').values({ id: 'c-new', audience: 'community', org_id: null, group_id: null, alias: 'x', last_date_added: null, created_at: 'now' }).execute();
    const added = await scratch.db.selectFrom('taxii_collections').select('entry_key').where('id', '=', 'c-new').executeTakeFirstOrThrow();
    expect([...keyOf.values()]).not.toContain(Number(added.entry_key));
    expect(Number(added.entry_key)).toBeGreaterThan(0);
    await scratch.db.deleteFrom('taxii_collections').where('id', '=', 'c-new').execute();

    await migrateTo(scratch.db, '2026-11-23-0002-stix-store');
    const back = (await entries()).map((e) => ({ ...e, object_pk: Number(e.object_pk) }));
    expect(back).toEqual([...old].sort((a, b) => (a.date_added < b.date_added ? -1 : 1)));
  });
});

describeEachDatabase('2026-12-07-0011-incident-categories rewrites stored category codes both ways', (database) => {
  const scratch = useEmptyDatabase(database);
  const at = '2026-12-01T00:00:00.000Z';
  // Rows as the tables were at 0010 (columns with defaults left out), not as the typed schema of today wants them.
  const untyped = () => scratch.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const state = async () => ({
    reports: await scratch.db.selectFrom('reports').select(['id', 'category', 'draft_answers']).orderBy('id').execute(),
    versions: (await scratch.db.selectFrom('report_versions').select(['report_id', 'answers']).orderBy('report_id').execute()).map((v) => [v.report_id, JSON.parse(v.answers).category]),
    aid: await scratch.db.selectFrom('aid_requests').select(['id', 'category']).orderBy('id').execute(),
    directory: (await scratch.db.selectFrom('directory_entries').select(['id', 'helps_with']).where('id', 'like', 't-%').orderBy('id').execute()).map((d) => [d.id, JSON.parse(d.helps_with)]),
  });


  it('maps the former codes of reports, help requests and the directory to the shared ones, and back', async () => {
    await migrateTo(scratch.db, '2026-12-02-0010-stix-ids');
    await untyped().insertInto('organisations').values({ id: 'o1', name_ja: '組織', name_en: 'Org', sector: 'E', size_band: '1-20', prefecture: '13', status: 'active', created_at: at, updated_at: at }).execute();
    const report = (id: string, category: string) => ({ id, org_id: 'o1', state: 'submitted', category, draft_text: '', draft_answers: JSON.stringify({ category, foundBy: 'staff' }), created_at: at, updated_at: at });
    await untyped().insertInto('reports').values([report('r1', 'phishing_bec'), report('r2', 'ransomware')]).execute();
    await untyped().insertInto('report_versions').values([
      { report_id: 'r1', version: 1, kind: 'submission', text: 'x', answers: JSON.stringify({ category: 'phishing_bec' }), created_at: at },
      { report_id: 'r2', version: 1, kind: 'submission', text: 'x', answers: JSON.stringify({ category: 'ransomware' }), created_at: at },
    ]).execute();
    const aid = (id: string, category: string) => ({ id, org_id: 'o1', skills: '[]', urgency: 'high', on_site: 0, prefecture: '13', language: 'ja', category, description: 'd', status: 'open', created_at: at, updated_at: at, due_at: at });
    await untyped().insertInto('aid_requests').values([aid('a1', 'unauthorized_access'), aid('a2', 'ddos'), aid('a3', 'fraud')]).execute();
    const entry = (id: string, helps: string[]) => ({ id, name_ja: id, name_en: id, helps_with: JSON.stringify(helps), prefectures: '["all"]', languages: '["ja"]', cost: 'free', created_at: at, updated_at: at });
    await untyped().insertInto('directory_entries').values([entry('t-1', ['personal_data_leak', 'ddos', 'unauthorized_access', 'phishing'])]).execute();
    const before = await state();

    await migrateToLatest(scratch.db);
    const after = await state();
    expect(after.reports.map((r) => [r.id, r.category, JSON.parse(r.draft_answers)])).toEqual([
      ['r1', 'phishing', { category: 'phishing', foundBy: 'staff' }], ['r2', 'ransomware', { category: 'ransomware', foundBy: 'staff' }],
    ]);
    expect(after.versions).toEqual([['r1', 'phishing'], ['r2', 'ransomware']]);
    expect(after.aid).toEqual([{ id: 'a1', category: 'unauthorised_access' }, { id: 'a2', category: 'dos' }, { id: 'a3', category: 'fraud' }]);
    expect(after.directory).toEqual([['t-1', ['data_leak', 'dos', 'unauthorised_access', 'phishing']]]);
    // The desks the directory migration seeded speak the shared vocabulary too.
    const seeded = await scratch.db.selectFrom('directory_entries').select('helps_with').execute();
    expect(seeded.flatMap((d) => JSON.parse(d.helps_with) as string[]).filter((c) => ['personal_data_leak', 'ddos', 'unauthorized_access'].includes(c))).toEqual([]);

    await migrateTo(scratch.db, '2026-12-02-0010-stix-ids');
    expect(await state()).toEqual(before);
  });
});

describeEachDatabase('2026-12-07-0015-publication-is-an-event reopens published cases both ways', (database) => {
  const scratch = useEmptyDatabase(database);
  const at = '2026-12-01T00:00:00.000Z';
  const untyped = () => scratch.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const states = async () => (await scratch.db.selectFrom('reports').select(['id', 'state']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}`);


  it('turns the published state into in progress, keeping published_at, and back', async () => {
    await migrateTo(scratch.db, '2026-12-07-0011-incident-categories');
    await untyped().insertInto('organisations').values({ id: 'o1', name_ja: '組織', name_en: 'Org', sector: 'E', size_band: '1-20', prefecture: '13', status: 'active', aliases: '[]', contacts: '[]', created_at: at, updated_at: at }).execute();
    const report = (id: string, state: string, published: boolean) => ({ id, org_id: 'o1', state, category: 'ransomware', draft_text: '', draft_answers: '{}', current_version: 1, created_at: at, updated_at: at, published_at: published ? at : null });
    await untyped().insertInto('reports').values([report('r1', 'published', true), report('r2', 'closed', true), report('r3', 'triage', false)]).execute();
    await migrateToLatest(scratch.db);
    expect(await states()).toEqual(['r1:in_progress', 'r2:closed', 'r3:triage']);
    await migrateTo(scratch.db, '2026-12-07-0011-incident-categories');
    expect(await states()).toEqual(['r1:published', 'r2:closed', 'r3:triage']);
  });
});
