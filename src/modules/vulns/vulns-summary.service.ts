// The community's view for the coordinator desk: per CVE and per end-of-life product, how many member organisations
// are affected and how many have resolved it, as counts under the k rule (a count below k is never shown, only that
// it is below k, as the community dashboards do). No organisation is named.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { affectedOrgsPerSubject } from './findings.repository.js';
import * as knowledge from './knowledge.repository.js';

export interface CountUnderK {
  count: number | null;
  lessThanK: boolean;
}

const RESOLVED = new Set(['patched', 'not_applicable']);
const MAX_SUBJECTS = 500;

export const underK = (n: number, k: number): CountUnderK => (n >= k ? { count: n, lessThanK: false } : { count: null, lessThanK: true });


/** Per subject, the organisations still affected (any finding not resolved) and those that resolved every one. */
export function tallyOrgs(rows: ReadonlyArray<{ subject: string; orgId: string; status: string }>): Map<string, { affected: number; resolved: number }> {
  const perSubject = new Map<string, Map<string, boolean>>(); // org → all resolved so far
  for (const row of rows) {
    const orgs = perSubject.get(row.subject) ?? new Map<string, boolean>();
    orgs.set(row.orgId, (orgs.get(row.orgId) ?? true) && RESOLVED.has(row.status));
    perSubject.set(row.subject, orgs);
  }
  const out = new Map<string, { affected: number; resolved: number }>();
  for (const [subject, orgs] of perSubject) {
    const resolved = [...orgs.values()].filter(Boolean).length;
    out.set(subject, { affected: orgs.size - resolved, resolved });
  }
  return out;
}

const byCount = (a: { organisations: CountUnderK; kev?: boolean }, b: { organisations: CountUnderK; kev?: boolean }) =>
  Number(b.kev ?? false) - Number(a.kev ?? false) || (b.organisations.count ?? 0) - (a.organisations.count ?? 0);

export async function vulnsSummary(db: Database, config: Config, ctx: RequestContext) {
  requireAccess({ actor: ctx.actor, permission: 'vulns.summary' });
  const k = config.anonymityK;
  const rows = await affectedOrgsPerSubject(db);
  const cveRows = rows.filter((r) => r.kind === 'vuln').map((r) => ({ subject: r.ref, orgId: r.org_id, status: r.status }));
  const eolRows = rows.filter((r) => r.kind === 'eol').map((r) => ({ subject: r.ref.split('@')[0] ?? r.ref, orgId: r.org_id, status: r.status }));
  const cveTally = tallyOrgs(cveRows);
  const ids = [...cveTally.keys()];
  const [cves, kev] = await Promise.all([knowledge.cvesByIds(db, ids), knowledge.kevByIds(db, ids)]);
  const cveById = new Map(cves.map((c) => [c.cve_id, c]));
  const kevIds = new Set(kev.map((r) => r.cve_id));
  const cveItems = [...cveTally].map(([cveId, t]) => {
    const cve = cveById.get(cveId);
    const description = ctx.locale === 'ja' ? cve?.description_ja ?? cve?.description_en : cve?.description_en ?? cve?.description_ja;
    return {
      cveId, kev: kevIds.has(cveId), cvss: cve?.cvss3_score ?? cve?.cvss4_score ?? null, description: description ?? null,
      organisations: underK(t.affected, k), resolved: underK(t.resolved, k),
    };
  }).sort(byCount);
  const eolItems = [...tallyOrgs(eolRows)].map(([product, t]) => ({ product, organisations: underK(t.affected, k), resolved: underK(t.resolved, k) })).sort(byCount);
  return { k, cves: cveItems.slice(0, MAX_SUBJECTS), eolProducts: eolItems.slice(0, MAX_SUBJECTS) };
}

