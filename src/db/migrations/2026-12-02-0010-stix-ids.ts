import { sql, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// The store's id lookup in two tiers instead of one index on stix_objects(id_key). The keys of STIX ids are random,
// so every commit of a bulk load rewrote thousands of pages of that index; at 2,000,000 objects it halved SQLite ingest
// (bench/RESULTS.md, issue 3). On SQLite new versions now go to stix_ids_recent, small enough that a commit touches few
// pages, and the store moves it into stix_ids in key order every 100,000 versions; on PostgreSQL they go to stix_ids
// (store.repository.ts). Lookups ask both.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  const pkType = postgres ? 'bigint' : 'integer';
  for (const table of ['stix_ids', 'stix_ids_recent']) {
    await db.schema
      .createTable(table)
      .addColumn('id_key', 'bigint', (c) => c.notNull())
      .addColumn('pk', pkType, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['id_key', 'pk'])
      .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
  }
  await sql`insert into stix_ids (id_key, pk) select id_key, pk from stix_objects order by id_key, pk`.execute(db);
  await db.schema.dropIndex('stix_objects_id_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stix_objects_id_key').on('stix_objects').column('id_key').execute();
  await db.schema.dropTable('stix_ids_recent').execute();
  await db.schema.dropTable('stix_ids').execute();
}
