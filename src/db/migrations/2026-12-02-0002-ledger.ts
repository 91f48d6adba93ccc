import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// The accountability ledger (modules/ledger): entries (the leaves), the stored complete-subtree hashes,
// signed checkpoints and the signing keys. All four are append-only, enforced here by triggers too.
const TABLES = ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints', 'ledger_keys'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  const bytes = postgres ? 'bytea' : 'blob';
  const serial = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    postgres ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey();
  const idType = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('ledger_entries')
    .addColumn('idx', idType, (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('leaf', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_entries_org').on('ledger_entries').columns(['org_id', 'idx']).execute();
  await db.schema.createIndex('ledger_entries_actor').on('ledger_entries').columns(['actor_user_id', 'idx']).execute();

  // SQLite: an INTEGER PRIMARY KEY is the rowid, so the table is one B-tree.
  await db.schema
    .createTable('ledger_nodes')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('hash', bytes, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_keys')
    .addColumn('id', idType, serial)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', bytes, (c) => c.notNull())
    .addColumn('sealed_private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('id', idType, serial)
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', bytes, (c) => c.notNull())
    .addColumn('key_id', idType, (c) => c.notNull().references('ledger_keys.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_checkpoints_size').on('ledger_checkpoints').column('size').execute();

  if (postgres) {
    await sql`create function anshin_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db);
    for (const table of TABLES) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function anshin_ledger_append_only()`.execute(db);
    }
  } else {
    for (const table of TABLES) {
      await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['ledger_checkpoints', 'ledger_keys', 'ledger_nodes', 'ledger_entries']) await db.schema.dropTable(table).execute();
  if (dialectOfDb(db) === 'postgres') await sql`drop function anshin_ledger_append_only()`.execute(db);
}
