import { randomUUID } from 'node:crypto';
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// The STIX store and the TAXII collections: sharing groups, collections (one per audience), object
// versions stored once, collection entries with a per-collection date_added, and status resources.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  // SQLite: a plain INTEGER PRIMARY KEY (the rowid) without AUTOINCREMENT, which would cost a write to
  // sqlite_sequence per row; a pk is only reused after its object left every collection, so nothing refers to it.
  const serial = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    postgres ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey();
  const idType = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('sharing_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sharing_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('sharing_groups.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sharing_group_members_pk', ['group_id', 'org_id'])
    .execute();
  await db.schema.createIndex('sharing_group_members_org').on('sharing_group_members').column('org_id').execute();

  await db.schema
    .createTable('taxii_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('sharing_groups.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.unique())
    .addColumn('last_date_added', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('taxii_collections_org').on('taxii_collections').columns(['org_id', 'audience']).unique().execute();
  await db.schema.createIndex('taxii_collections_group').on('taxii_collections').column('group_id').execute();

  await db.schema
    .createTable('stix_objects')
    .addColumn('pk', idType, serial)
    .addColumn('id_key', 'bigint', (c) => c.notNull())
    .addColumn('stix_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('version_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('created_by_ref', 'text')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('json', 'text', (c) => c.notNull())
    .execute();
  // Looked up by a 52-bit key of the id (see modules/taxii/id-key.ts), not by the id's text: the one index
  // here that grows at random places stays small. One row per (stix_id, version_key) is kept by the
  // store, whose writers take turns under a lock.
  await db.schema.createIndex('stix_objects_id_key').on('stix_objects').column('id_key').execute();

  // Entries refer to object versions by pk; the id, version and JSON are read through the join. Every index
  // here grows at its end (date_added increases, pks increase), which keeps bulk ingest fast.
  await db.schema
    .createTable('taxii_entries')
    .addColumn('collection_id', 'text', (c) => c.notNull().references('taxii_collections.id').onDelete('cascade'))
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('object_pk', idType, (c) => c.notNull().references('stix_objects.pk'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('is_latest', 'integer', (c) => c.notNull())
    .addColumn('is_first', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxii_entries_pk', ['collection_id', 'date_added'])
    // SQLite: the table is its primary key's B-tree, one structure fewer to write, and pages read in order.
    .$call((t) => (postgres ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  // Paging the default view (latest versions) is a range scan; match[id] and the per-object endpoints go
  // from stix_objects (stix_id) to the entries of those versions.
  await db.schema.createIndex('taxii_entries_latest').on('taxii_entries').columns(['collection_id', 'is_latest', 'date_added', 'object_pk']).execute();
  await db.schema.createIndex('taxii_entries_object').on('taxii_entries').columns(['object_pk', 'collection_id']).unique().execute();

  await db.schema
    .createTable('taxii_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collection_id', 'text', (c) => c.notNull().references('taxii_collections.id').onDelete('cascade'))
    .addColumn('actor_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('success_count', 'integer', (c) => c.notNull())
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('successes', 'text', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('taxii_status_created').on('taxii_status').column('created_at').execute();

  await seedCollections(db);
}

// The community-wide collections, and a feed and an inbox for every organisation that already exists.
async function seedCollections(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const row = (audience: string, alias: string | null, orgId: string | null) => ({
    id: randomUUID(), audience, org_id: orgId, group_id: null, alias, last_date_added: null, created_at: now,
  });
  await db.insertInto('taxii_collections').values([row('community', 'community', null), row('public', 'public', null)]).execute();
  const orgs = await db.selectFrom('organisations').select('id').orderBy('id').execute();
  for (let i = 0; i < orgs.length; i += 500) {
    const chunk = orgs.slice(i, i + 500).flatMap((org: { id: string }) => [row('feed', null, org.id), row('inbox', null, org.id)]);
    await db.insertInto('taxii_collections').values(chunk).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['taxii_status', 'taxii_entries', 'stix_objects', 'taxii_collections', 'sharing_group_members', 'sharing_groups']) {
    await db.schema.dropTable(table).execute();
  }
}
