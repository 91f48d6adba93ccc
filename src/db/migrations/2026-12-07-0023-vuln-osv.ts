import type { Kysely } from 'kysely';

// OSV records (issue 20): the record as the matcher needs it (its affected packages, ranges and versions as JSON),
// and one row per affected package, by ecosystem and lower-cased name, for lookup from an asset's purl.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vuln_osv_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('withdrawn', 'text')
    .addColumn('cve_id', 'text') // the first CVE among its aliases, which findings use as their subject
    .addColumn('aliases', 'text', (c) => c.notNull()) // JSON list
    .addColumn('summary', 'text')
    .addColumn('details', 'text')
    .addColumn('severity_vector', 'text')
    .addColumn('affected', 'text', (c) => c.notNull()) // JSON: [{package, ranges, versions}]
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vuln_osv_packages')
    .addColumn('osv_id', 'text', (c) => c.notNull().references('vuln_osv_records.id').onDelete('cascade'))
    .addColumn('ecosystem', 'text', (c) => c.notNull()) // without a ":release" suffix
    .addColumn('name_key', 'text', (c) => c.notNull()) // lower case; the matcher compares exactly
    .addPrimaryKeyConstraint('vuln_osv_packages_pk', ['osv_id', 'ecosystem', 'name_key'])
    .execute();
  await db.schema.createIndex('vuln_osv_packages_lookup').on('vuln_osv_packages').columns(['ecosystem', 'name_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vuln_osv_packages').execute();
  await db.schema.dropTable('vuln_osv_records').execute();
}
