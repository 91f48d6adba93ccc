// SQL of the knowledge base: CVEs, CPE criteria, KEV, EPSS, endoflife.date cycles, the import log.
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Database } from '../../db/database.js';
import type {
  CpeCriterionRow, CveRow, EolCycleRow, EpssRow, KevRow, NewCveRow, VulnCpeCriteriaTable, VulnEolCyclesTable, VulnEpssTable,
  VulnFeedImportsTable, VulnKevTable, OsvRecordRow, VulnOsvPackagesTable, VulnOsvRecordsTable, CsafProductRow, CsafVulnRow,
  VulnCsafAdvisoriesTable, VulnCsafProductsTable, VulnCsafVulnsTable,
} from './vulns.table.js';

const CVE_COLUMNS = [
  'cve_id', 'published', 'last_modified', 'status', 'description_ja', 'description_en', 'cvss3_score', 'cvss3_vector', 'cvss3_severity',
  'cvss4_score', 'cvss4_vector', 'cvss4_severity', 'cwe', 'advisory_url', 'imported_at',
] as const;
const CRITERIA_COLUMNS = [
  'cve_id', 'seq', 'criteria', 'part', 'vendor', 'product', 'version_start_including', 'version_start_excluding', 'version_end_including',
  'version_end_excluding', 'vulnerable', 'match_criteria_id',
] as const;

export async function cveModifiedTimes(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('vuln_cves').select(['cve_id', 'last_modified']).where('cve_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.cve_id, r.last_modified]));
}

export async function insertCves(db: Database, rows: readonly NewCveRow[]): Promise<void> {
  await bulkInsert<NewCveRow>(db, 'vuln_cves', CVE_COLUMNS, rows);
}

export async function replaceCve(db: Database, row: NewCveRow): Promise<void> {
  const { cve_id: id, ...rest } = row;
  await db.updateTable('vuln_cves').set(rest).where('cve_id', '=', id).execute();
  await db.deleteFrom('vuln_cpe_criteria').where('cve_id', '=', id).execute();
}

export async function insertCriteria(db: Database, rows: readonly VulnCpeCriteriaTable[]): Promise<void> {
  await bulkInsert<VulnCpeCriteriaTable>(db, 'vuln_cpe_criteria', CRITERIA_COLUMNS, rows);
}

export async function kevHashes(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('vuln_kev').select(['cve_id', 'content_hash']).where('cve_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.cve_id, r.content_hash]));
}

export async function upsertKev(db: Database, row: VulnKevTable): Promise<void> {
  const { cve_id: _id, ...rest } = row;
  await db.insertInto('vuln_kev').values(row).onConflict((oc) => oc.column('cve_id').doUpdateSet(rest)).execute();
}

export async function epssOf(db: Database, ids: readonly string[]): Promise<Map<string, EpssRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('vuln_epss').selectAll().where('cve_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.cve_id, r]));
}

export async function upsertEpss(db: Database, rows: readonly VulnEpssTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('vuln_epss').values([...rows]).onConflict((oc) => oc.column('cve_id').doUpdateSet((eb) => ({
    score: eb.ref('excluded.score'), percentile: eb.ref('excluded.percentile'), score_date: eb.ref('excluded.score_date'),
    model_version: eb.ref('excluded.model_version'),
  }))).execute();
}

export async function eolHashes(db: Database, product: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('vuln_eol_cycles').select(['cycle', 'content_hash']).where('product', '=', product).execute();
  return new Map(rows.map((r) => [r.cycle, r.content_hash]));
}

export async function upsertEolCycle(db: Database, row: VulnEolCyclesTable): Promise<void> {
  const { product: _p, cycle: _c, ...rest } = row;
  await db.insertInto('vuln_eol_cycles').values(row).onConflict((oc) => oc.columns(['product', 'cycle']).doUpdateSet(rest)).execute();
}

export async function insertImportLog(db: Database, row: VulnFeedImportsTable): Promise<void> {
  await db.insertInto('vuln_feed_imports').values(row).execute();
}

export async function listImportLog(db: Database, limit: number) {
  return db.selectFrom('vuln_feed_imports').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

// Lookups for the matcher.

/** The criteria naming this vendor and product, and the few that have a wildcard in either. */
export async function criteriaForProduct(db: Database, vendor: string, product: string): Promise<CpeCriterionRow[]> {
  return db.selectFrom('vuln_cpe_criteria').selectAll()
    .where((eb) => eb.or([
      eb.and([eb('vendor', '=', vendor), eb('product', '=', product)]),
      eb('vendor', '=', '*'),
      eb.and([eb('vendor', '=', vendor), eb('product', '=', '*')]),
    ]))
    .where('vulnerable', '=', 1)
    .execute();
}

export async function cvesByIds(db: Database, ids: readonly string[]): Promise<CveRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('vuln_cves').selectAll().where('cve_id', 'in', ids).execute();
}

export async function kevByIds(db: Database, ids: readonly string[]): Promise<KevRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('vuln_kev').selectAll().where('cve_id', 'in', ids).execute();
}

export async function eolCyclesOf(db: Database, product: string): Promise<EolCycleRow[]> {
  return db.selectFrom('vuln_eol_cycles').selectAll().where('product', '=', product).execute();
}

/** The products endoflife.date data is held for (few: one per imported file). */
export async function eolProducts(db: Database): Promise<string[]> {
  return (await db.selectFrom('vuln_eol_cycles').select('product').distinct().execute()).map((r) => r.product);
}

// OSV records.

export async function osvModified(db: Database, id: string): Promise<string | undefined> {
  return (await db.selectFrom('vuln_osv_records').select('modified').where('id', '=', id).executeTakeFirst())?.modified;
}

export async function replaceOsvRecord(db: Database, row: VulnOsvRecordsTable, packages: readonly VulnOsvPackagesTable[]): Promise<void> {
  await db.deleteFrom('vuln_osv_packages').where('osv_id', '=', row.id).execute();
  await db.deleteFrom('vuln_osv_records').where('id', '=', row.id).execute();
  await db.insertInto('vuln_osv_records').values(row).execute();
  if (packages.length > 0) await db.insertInto('vuln_osv_packages').values([...packages]).execute();
}

/** The records naming this package (any release of the ecosystem); withdrawn ones are left out. */
export async function osvRecordsForPackage(db: Database, ecosystem: string, name: string): Promise<OsvRecordRow[]> {
  return db.selectFrom('vuln_osv_records as r')
    .innerJoin('vuln_osv_packages as p', 'p.osv_id', 'r.id')
    .selectAll('r')
    .where('p.ecosystem', '=', ecosystem)
    .where('p.name_key', '=', name.toLowerCase())
    .where('r.withdrawn', 'is', null)
    .execute();
}

// CSAF advisories.

export async function csafReleaseDate(db: Database, id: string): Promise<string | undefined> {
  return (await db.selectFrom('vuln_csaf_advisories').select('release_date').where('id', '=', id).executeTakeFirst())?.release_date;
}

export async function replaceCsafAdvisory(
  db: Database, advisory: VulnCsafAdvisoriesTable, vulns: readonly VulnCsafVulnsTable[], products: readonly VulnCsafProductsTable[],
): Promise<void> {
  await db.deleteFrom('vuln_csaf_products').where('advisory_id', '=', advisory.id).execute();
  await db.deleteFrom('vuln_csaf_vulns').where('advisory_id', '=', advisory.id).execute();
  await db.deleteFrom('vuln_csaf_advisories').where('id', '=', advisory.id).execute();
  await db.insertInto('vuln_csaf_advisories').values(advisory).execute();
  if (vulns.length > 0) await bulkInsert<VulnCsafVulnsTable>(db, 'vuln_csaf_vulns', CSAF_VULN_COLUMNS, vulns);
  if (products.length > 0) await bulkInsert<VulnCsafProductsTable>(db, 'vuln_csaf_products', CSAF_PRODUCT_COLUMNS, products);
}

const CSAF_VULN_COLUMNS = ['advisory_id', 'seq', 'ref', 'description', 'description_lang', 'cvss_score', 'cvss_vector', 'remedy', 'remedy_url'] as const;
const CSAF_PRODUCT_COLUMNS = ['advisory_id', 'seq', 'product_id', 'status', 'cpe', 'purl', 'version_range', 'vendor_key', 'product_key'] as const;

/** Every product entry of the advisories' vulnerabilities that name this product (by CPE or purl keys). */
export async function csafEntriesForProduct(db: Database, vendorKey: string, productKey: string): Promise<CsafProductRow[]> {
  const hits = await db.selectFrom('vuln_csaf_products').select(['advisory_id', 'seq']).distinct()
    .where('vendor_key', '=', vendorKey).where('product_key', '=', productKey).execute();
  if (hits.length === 0) return [];
  const wanted = new Set(hits.map((h) => `${h.advisory_id}\u0000${h.seq}`));
  const rows = await db.selectFrom('vuln_csaf_products').selectAll().where('advisory_id', 'in', [...new Set(hits.map((h) => h.advisory_id))])
    .orderBy('advisory_id').orderBy('seq').execute();
  return rows.filter((r) => wanted.has(`${r.advisory_id}\u0000${r.seq}`));
}

export async function csafVulns(db: Database, keys: ReadonlyArray<{ advisoryId: string; seq: number }>): Promise<CsafVulnRow[]> {
  if (keys.length === 0) return [];
  const advisories = [...new Set(keys.map((k) => k.advisoryId))];
  const wanted = new Set(keys.map((k) => `${k.advisoryId}\u0000${k.seq}`));
  const rows = await db.selectFrom('vuln_csaf_vulns').selectAll().where('advisory_id', 'in', advisories).execute();
  return rows.filter((r) => wanted.has(`${r.advisory_id}\u0000${r.seq}`));
}

/** The text CSAF advisories give for these subjects, in the language each advisory is written in. */
export async function csafDescriptions(db: Database, refs: readonly string[]): Promise<Array<{ ref: string; description: string; lang: string | null }>> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom('vuln_csaf_vulns').select(['ref', 'description', 'description_lang']).where('ref', 'in', refs).where('description', 'is not', null).execute();
  return rows.map((r) => ({ ref: r.ref, description: r.description as string, lang: r.description_lang }));
}

/** The highest CVSS base score CSAF advisories give per subject (for subjects NVD has no score for). */
export async function csafScores(db: Database, refs: readonly string[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const rows = await db.selectFrom('vuln_csaf_vulns').select(['ref', (eb) => eb.fn.max('cvss_score').as('score')])
    .where('ref', 'in', refs).where('cvss_score', 'is not', null).groupBy('ref').execute();
  return new Map(rows.map((r) => [r.ref, Number(r.score)]));
}

const CHUNK = 500;
async function chunked<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** CVEs whose NVD record or KEV entry was stored (added or changed) at or after `since`. */
export async function cvesChangedSince(db: Database, since: string): Promise<string[]> {
  const [cves, kev] = await Promise.all([
    db.selectFrom('vuln_cves').select('cve_id').where('imported_at', '>=', since).execute(),
    db.selectFrom('vuln_kev').select('cve_id').where('imported_at', '>=', since).execute(),
  ]);
  return [...new Set([...cves, ...kev].map((r) => r.cve_id))];
}

/** The vendor and product pairs the criteria of these CVEs name. */
export async function productsOfCves(db: Database, ids: readonly string[]): Promise<Array<{ vendor: string; product: string }>> {
  return chunked(ids, (chunk) => db.selectFrom('vuln_cpe_criteria').select(['vendor', 'product']).distinct().where('cve_id', 'in', chunk).execute());
}

/** Assets with a finding (active or not) about one of these CVEs. */
export async function assetsWithFindingsOn(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await chunked(ids, (chunk) => db.selectFrom('vuln_findings').select('asset_id').distinct().where('ref', 'in', chunk).execute());
  return [...new Set(rows.map((r) => r.asset_id))];
}
