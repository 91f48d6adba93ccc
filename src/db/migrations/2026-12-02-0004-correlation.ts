import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// Correlation and sightings: every normalised observable value once, where each value occurs (a STIX
// object or a report), how far the indexer has followed each collection, and organisations' sightings.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  const serial = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    postgres ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey();
  const idType = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('correlation_values')
    .addColumn('id', idType, serial)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    // Distinct sources holding the value, kept with the occurrences: the over-correlation guard reads it.
    .addColumn('source_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .execute();
  // The lookup: one probe of this index per value.
  await db.schema.createIndex('correlation_values_value').on('correlation_values').columns(['type', 'value']).unique().execute();
  await db.schema.createIndex('correlation_values_count').on('correlation_values').column('source_count').execute();

  await db.schema
    .createTable('correlation_occurrences')
    .addColumn('value_id', idType, (c) => c.notNull().references('correlation_values.id').onDelete('cascade'))
    .addColumn('source_kind', 'text', (c) => c.notNull()) // 'stix' | 'report'
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull()) // the STIX type, or 'report'
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('correlation_occurrences_pk', ['value_id', 'source_kind', 'source_id'])
    // SQLite: the table is its primary key's B-tree, so the sources of a value are one range read.
    .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.createIndex('correlation_occurrences_source').on('correlation_occurrences').columns(['source_kind', 'source_id']).execute();

  await db.schema
    .createTable('correlation_cursors')
    .addColumn('collection_id', 'text', (c) => c.primaryKey().references('taxii_collections.id').onDelete('cascade'))
    .addColumn('date_added', 'text', (c) => c.notNull()) // the last entry indexed
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('correlation_sightings')
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('sighting_id', 'text', (c) => c.notNull()) // the STIX sighting in the organisation's feed
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('correlation_sightings_pk', ['indicator_id', 'org_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['correlation_sightings', 'correlation_cursors', 'correlation_occurrences', 'correlation_values']) {
    await db.schema.dropTable(table).execute();
  }
}
