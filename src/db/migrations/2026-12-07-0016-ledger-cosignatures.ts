import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// Witness cosignatures (C2SP tlog-cosignature/v1) on the ledger's signed checkpoints: one line per witness key and
// checkpoint, as the witness sent it, published after the log's own signature. Append-only like the other ledger tables.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  const idType = postgres ? 'bigint' : 'integer';
  const serial = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    postgres ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey();
  await db.schema
    .createTable('ledger_cosignatures')
    .addColumn('id', idType, serial)
    .addColumn('checkpoint_id', idType, (c) => c.notNull().references('ledger_checkpoints.id'))
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_cosignatures_once').unique().on('ledger_cosignatures').columns(['checkpoint_id', 'witness', 'key_id']).execute();
  if (postgres) {
    // anshin_ledger_append_only() is created by the ledger migration.
    await sql`create trigger ledger_cosignatures_append_only before update or delete on ledger_cosignatures
      for each row execute function anshin_ledger_append_only()`.execute(db);
  } else {
    await sql`create trigger ledger_cosignatures_no_update before update on ledger_cosignatures
      begin select raise(abort, 'ledger_cosignatures is append-only'); end`.execute(db);
    await sql`create trigger ledger_cosignatures_no_delete before delete on ledger_cosignatures
      begin select raise(abort, 'ledger_cosignatures is append-only'); end`.execute(db);
  }
}

// The triggers and the index go with the table.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_cosignatures').execute();
}
