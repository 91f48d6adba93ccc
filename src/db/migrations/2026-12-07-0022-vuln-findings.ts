import type { Kysely } from 'kysely';

// What the matcher found for each asset (issue 20): a CVE that affects it, a CVE it may be affected by when its
// version is known ("version_unknown", shown apart as "check your version"), or an end of life. The member's status
// and note stay with the finding; the fingerprint of the matched data tells a later run what changed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vuln_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // vuln | eol
    .addColumn('ref', 'text', (c) => c.notNull()) // the CVE id, or "product@cycle" for an end of life
    .addColumn('outcome', 'text', (c) => c.notNull()) // affected | version_unknown
    .addColumn('source', 'text', (c) => c.notNull()) // nvd | eol
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('range_text', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('fixed_hint', 'text')
    .addColumn('eol_date', 'text')
    .addColumn('kev', 'integer', (c) => c.notNull())
    .addColumn('epss', 'double precision')
    .addColumn('cvss', 'double precision')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | patched | mitigated | not_applicable | accepted_risk
    .addColumn('status_note', 'text', (c) => c.notNull())
    .addColumn('status_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull()) // 0 once the latest run no longer finds it (kept for its history)
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text')
    .execute();
  await db.schema.createIndex('vuln_findings_asset_ref').unique().on('vuln_findings').columns(['asset_id', 'kind', 'ref']).execute();
  await db.schema.createIndex('vuln_findings_org').on('vuln_findings').columns(['org_id', 'active', 'priority']).execute();
  await db.schema.createIndex('vuln_findings_ref').on('vuln_findings').columns(['kind', 'ref', 'active']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vuln_findings').execute();
}
