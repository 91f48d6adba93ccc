import type { Kysely } from 'kysely';

// The vulnerability knowledge base loaded from files (issue 20): CVEs from NVD, their CPE match criteria (vendor and
// product split out for lookup), CISA KEV, FIRST EPSS, endoflife.date cycles, and a log of every import.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vuln_cves')
    .addColumn('cve_id', 'text', (c) => c.primaryKey())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description_ja', 'text')
    .addColumn('description_en', 'text')
    .addColumn('cvss3_score', 'double precision')
    .addColumn('cvss3_vector', 'text')
    .addColumn('cvss3_severity', 'text')
    .addColumn('cvss4_score', 'double precision')
    .addColumn('cvss4_vector', 'text')
    .addColumn('cvss4_severity', 'text')
    .addColumn('cwe', 'text') // comma-separated CWE ids, e.g. "CWE-787,CWE-122"
    .addColumn('advisory_url', 'text') // the first reference tagged as a vendor advisory or patch
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vuln_cves_modified').on('vuln_cves').column('last_modified').execute();

  await db.schema
    .createTable('vuln_cpe_criteria')
    .addColumn('cve_id', 'text', (c) => c.notNull().references('vuln_cves.cve_id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    // The plain vendor and product of the criterion, lower case; "*" when the criterion has a wildcard there.
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version_start_including', 'text')
    .addColumn('version_start_excluding', 'text')
    .addColumn('version_end_including', 'text')
    .addColumn('version_end_excluding', 'text')
    .addColumn('vulnerable', 'integer', (c) => c.notNull())
    .addColumn('match_criteria_id', 'text')
    .addPrimaryKeyConstraint('vuln_cpe_criteria_pk', ['cve_id', 'seq'])
    .execute();
  await db.schema.createIndex('vuln_cpe_criteria_product').on('vuln_cpe_criteria').columns(['vendor', 'product']).execute();

  await db.schema
    .createTable('vuln_kev')
    .addColumn('cve_id', 'text', (c) => c.primaryKey())
    .addColumn('vendor_project', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('ransomware', 'integer', (c) => c.notNull()) // knownRansomwareCampaignUse: 1 "Known", 0 otherwise
    .addColumn('required_action', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vuln_epss')
    .addColumn('cve_id', 'text', (c) => c.primaryKey())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('percentile', 'double precision', (c) => c.notNull())
    .addColumn('score_date', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text')
    .execute();

  await db.schema
    .createTable('vuln_eol_cycles')
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('release_date', 'text')
    .addColumn('eol_date', 'text') // a date, or null when the source gives a yes/no only (then eol_flag)
    .addColumn('eol_flag', 'integer', (c) => c.notNull()) // 1: end of life (date past or stated true)
    .addColumn('latest_version', 'text')
    .addColumn('link', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vuln_eol_cycles_pk', ['product', 'cycle'])
    .execute();

  await db.schema
    .createTable('vuln_feed_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // nvd | kev | epss | eol | unknown
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // imported | rejected
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['vuln_feed_imports', 'vuln_eol_cycles', 'vuln_epss', 'vuln_kev', 'vuln_cpe_criteria', 'vuln_cves']) {
    await db.schema.dropTable(table).execute();
  }
}
