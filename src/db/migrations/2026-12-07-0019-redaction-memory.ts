import type { Kysely } from 'kysely';

// Values a coordinator taught the redaction detector for one organisation after it missed them (issue 18): the
// detector proposes them wherever they appear in that organisation's later reports. One row per organisation and value.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('redaction_memory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redaction_memory_value').unique().on('redaction_memory').columns(['org_id', 'value']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redaction_memory').execute();
}
