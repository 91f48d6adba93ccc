// SQL of the findings: what the matcher stores, what members read and mark, what the desk counts.
import type { Database } from '../../db/database.js';
import type { FindingRow, VulnFindingsTable } from './vulns.table.js';

export async function findingsOfAssets(db: Database, assetIds: readonly string[]): Promise<FindingRow[]> {
  if (assetIds.length === 0) return [];
  return db.selectFrom('vuln_findings').selectAll().where('asset_id', 'in', assetIds).execute();
}

export async function insertFinding(db: Database, row: VulnFindingsTable): Promise<void> {
  await db.insertInto('vuln_findings').values(row).execute();
}

export async function updateFinding(db: Database, id: string, patch: Partial<VulnFindingsTable>): Promise<void> {
  await db.updateTable('vuln_findings').set(patch).where('id', '=', id).execute();
}

export async function deactivateFindings(db: Database, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('vuln_findings').set({ active: 0, last_seen_at: at }).where('id', 'in', ids).execute();
}

/** The active findings of an organisation with what the reader needs from the asset and the knowledge base. */
export async function listFindingsOf(db: Database, orgId: string, options: { limit: number; findingId?: string }) {
  let query = db.selectFrom('vuln_findings as f')
    .innerJoin('assets as a', 'a.id', 'f.asset_id')
    .leftJoin('vuln_cves as c', (join) => join.onRef('c.cve_id', '=', 'f.ref').on('f.kind', '=', 'vuln'))
    .leftJoin('vuln_kev as k', (join) => join.onRef('k.cve_id', '=', 'f.ref').on('f.kind', '=', 'vuln'))
    .leftJoin('vuln_epss as e', (join) => join.onRef('e.cve_id', '=', 'f.ref').on('f.kind', '=', 'vuln'))
    .leftJoin('vuln_osv_records as o', (join) => join.onRef('o.id', '=', 'f.ref').on('f.kind', '=', 'vuln'))
    .selectAll('f')
    .select([
      'a.category', 'a.vendor', 'a.product', 'a.version', 'a.internet_facing',
      'c.description_ja', 'c.description_en', 'c.cvss3_score', 'c.cvss3_vector', 'c.cvss3_severity', 'c.cvss4_score', 'c.cvss4_vector',
      'c.cvss4_severity', 'c.advisory_url', 'c.published',
      'k.date_added as kev_date_added', 'k.due_date as kev_due_date', 'k.ransomware as kev_ransomware', 'k.required_action as kev_required_action',
      'e.score as epss_score', 'e.percentile as epss_percentile', 'o.summary as osv_summary',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.active', '=', 1);
  if (options.findingId) query = query.where('f.id', '=', options.findingId);
  return query.orderBy('f.priority', 'desc').orderBy('f.ref').orderBy('f.id').limit(options.limit).execute();
}

export type FindingListRow = Awaited<ReturnType<typeof listFindingsOf>>[number];

export async function findFinding(db: Database, orgId: string, id: string): Promise<FindingRow | undefined> {
  return db.selectFrom('vuln_findings').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
}

/** The active members of an organisation, for mail. */
export async function memberRecipients(db: Database, orgId: string): Promise<Array<{ email: string; locale: string }>> {
  return db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale']).where('m.org_id', '=', orgId).where('u.status', '=', 'active').orderBy('u.email').execute();
}

/** Per finding subject (CVE or EOL product cycle), the organisations with an active affected finding, by status. */
export async function affectedOrgsPerSubject(db: Database) {
  return db.selectFrom('vuln_findings')
    .select(['kind', 'ref', 'org_id', 'status'])
    .where('active', '=', 1)
    .where('outcome', '=', 'affected')
    .groupBy(['kind', 'ref', 'org_id', 'status'])
    .execute();
}
