// Storing a batch of NVD records: a record newer than the stored one replaces it with its criteria; the same
// lastModified changes nothing; an older one is skipped. Runs inside the file's transaction.
import type { Database } from '../../db/database.js';
import * as repo from './knowledge.repository.js';
import type { NvdCve } from './nvd-record.js';
import type { NewCveRow, VulnCpeCriteriaTable } from './vulns.table.js';

export interface Tally {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  reasons: Record<string, number>;
}

function note(tally: Tally, kind: 'unchanged' | 'skipped', reason: string): void {
  tally[kind]++;
  tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
}

function cveRow(cve: NvdCve, at: string): NewCveRow {
  return {
    cve_id: cve.id, published: cve.published, last_modified: cve.lastModified, status: cve.status,
    description_ja: cve.descriptionJa, description_en: cve.descriptionEn,
    cvss3_score: cve.cvss3?.score ?? null, cvss3_vector: cve.cvss3?.vector ?? null, cvss3_severity: cve.cvss3?.severity ?? null,
    cvss4_score: cve.cvss4?.score ?? null, cvss4_vector: cve.cvss4?.vector ?? null, cvss4_severity: cve.cvss4?.severity ?? null,
    cwe: cve.cwe.length > 0 ? cve.cwe.join(',') : null, advisory_url: cve.advisoryUrl, imported_at: at,
  };
}

function criteriaRows(cve: NvdCve): VulnCpeCriteriaTable[] {
  return cve.criteria.map((c, seq) => ({
    cve_id: cve.id, seq, criteria: c.criteria, part: c.part, vendor: c.vendor, product: c.product,
    version_start_including: c.versionStartIncluding, version_start_excluding: c.versionStartExcluding,
    version_end_including: c.versionEndIncluding, version_end_excluding: c.versionEndExcluding,
    vulnerable: c.vulnerable ? 1 : 0, match_criteria_id: c.matchCriteriaId,
  }));
}

/** A file listing the same CVE twice keeps its newest version; the others count as skipped. */
function newestPerId(batch: readonly NvdCve[], tally: Tally): NvdCve[] {
  const byId = new Map<string, NvdCve>();
  for (const cve of batch) {
    const seen = byId.get(cve.id);
    if (seen) note(tally, 'skipped', 'duplicate_in_file');
    if (!seen || cve.lastModified > seen.lastModified) byId.set(cve.id, cve);
  }
  return [...byId.values()];
}

export async function applyNvdBatch(trx: Database, batch: readonly NvdCve[], at: string, tally: Tally): Promise<void> {
  if (batch.length === 0) return;
  const records = newestPerId(batch, tally);
  const stored = await repo.cveModifiedTimes(trx, records.map((r) => r.id));
  const added: NvdCve[] = [];
  const criteria: VulnCpeCriteriaTable[] = [];
  for (const cve of records) {
    const known = stored.get(cve.id);
    if (known !== undefined && known === cve.lastModified) {
      note(tally, 'unchanged', 'same_last_modified');
      continue;
    }
    if (known !== undefined && known > cve.lastModified) {
      note(tally, 'skipped', 'older_than_stored');
      continue;
    }
    if (known === undefined) added.push(cve);
    else await repo.replaceCve(trx, cveRow(cve, at));
    criteria.push(...criteriaRows(cve));
    tally[known === undefined ? 'added' : 'updated']++;
  }
  await repo.insertCves(trx, added.map((cve) => cveRow(cve, at)));
  await repo.insertCriteria(trx, criteria);
}
