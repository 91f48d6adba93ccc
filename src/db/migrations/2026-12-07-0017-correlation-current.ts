import { sql, type Kysely } from 'kysely';

// Correlation follows current versions (issue 17): an occurrence is marked current while its source's newest stored
// version holds the value, and source_count counts only current occurrences, so the over-correlation guard and the
// coordinators' campaign candidates no longer count values that superseded or revoked versions held. Every existing
// occurrence starts as current (matching today's counts) and the indexer's cursors are reset, so the background
// indexer reads the store once more and marks what is superseded; the index is derived data, nothing is lost, and
// reports' occurrences (not versioned) stay current.
//
// The indexer now reads the occurrences of a batch's objects by source id: the index on the sources leads with the id,
// so that PostgreSQL probes it for each id even before it has statistics (led by the kind, it scanned every STIX row).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('correlation_occurrences').addColumn('current', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.dropIndex('correlation_occurrences_source').execute();
  await db.schema.createIndex('correlation_occurrences_source').on('correlation_occurrences').columns(['source_id', 'source_kind']).execute();
  await sql`delete from correlation_cursors`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('correlation_occurrences_source').execute();
  await db.schema.createIndex('correlation_occurrences_source').on('correlation_occurrences').columns(['source_kind', 'source_id']).execute();
  await db.schema.alterTable('correlation_occurrences').dropColumn('current').execute();
}
