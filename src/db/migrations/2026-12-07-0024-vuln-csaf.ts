import type { Kysely } from 'kysely';

// CSAF 2.0 advisories (issue 20), vendors' and JVN's: per advisory its vulnerabilities (CVE, text in the advisory's
// language, score, remedy) and the products each names with their status, flattened from the product tree. Products
// are looked up by the vendor and product of their CPE, or by the package of their purl ("purl:<type>", "<ns>/<name>").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vuln_csaf_advisories')
    .addColumn('id', 'text', (c) => c.primaryKey()) // publisher namespace + tracking id
    .addColumn('tracking_id', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('release_date', 'text', (c) => c.notNull()) // tracking.current_release_date
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vuln_csaf_vulns')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('vuln_csaf_advisories.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull()) // the CVE, else "<tracking id>#<n>"
    .addColumn('description', 'text')
    .addColumn('description_lang', 'text')
    .addColumn('cvss_score', 'double precision')
    .addColumn('cvss_vector', 'text')
    .addColumn('remedy', 'text')
    .addColumn('remedy_url', 'text')
    .addPrimaryKeyConstraint('vuln_csaf_vulns_pk', ['advisory_id', 'seq'])
    .execute();
  await db.schema.createIndex('vuln_csaf_vulns_ref').on('vuln_csaf_vulns').column('ref').execute();
  await db.schema
    .createTable('vuln_csaf_products')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('vuln_csaf_advisories.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // the vulnerability's
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cpe', 'text')
    .addColumn('purl', 'text')
    .addColumn('version_range', 'text')
    .addColumn('vendor_key', 'text', (c) => c.notNull())
    .addColumn('product_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vuln_csaf_products_lookup').on('vuln_csaf_products').columns(['vendor_key', 'product_key']).execute();
  await db.schema.createIndex('vuln_csaf_products_advisory').on('vuln_csaf_products').columns(['advisory_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vuln_csaf_products').execute();
  await db.schema.dropTable('vuln_csaf_vulns').execute();
  await db.schema.dropTable('vuln_csaf_advisories').execute();
}
