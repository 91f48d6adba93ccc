// What the community shows without sign-in (PUBLIC_PAGE=true): TLP:CLEAR advisories from the public
// collection and community-wide statistics under the same k rule as everything else.
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { advisorySeries, incidentSeries, loadIncidents, periodOf, topSightedIndicators } from './community.service.js';
import { advisoryCounts, collectionReports, countActiveOrgs } from './dashboards.repository.js';
import { foldSeries, kCount, monthsEnding } from './k-cells.js';

export const SUMMARY_MAX = 300;

export async function listPublicAdvisories(db: Database, limit: number, audience: 'public' | 'community' = 'public') {
  const rows = await collectionReports(db, audience, limit);
  return rows.map((r) => {
    const stix = JSON.parse(r.json) as { name?: string; description?: string; published?: string; created?: string };
    const description = typeof stix.description === 'string' ? stix.description : '';
    return {
      id: r.stix_id,
      title: { ja: r.title_ja ?? stix.name ?? r.stix_id, en: r.title_en ?? stix.name ?? r.stix_id },
      summary: description.length > SUMMARY_MAX ? `${description.slice(0, SUMMARY_MAX)}…` : description,
      published: r.published_at ?? stix.published ?? stix.created ?? null,
    };
  });
}

/**
 * Community-wide figures of the last 12 months. Incidents by category are the sums of the monthly cells
 * the community picture shows (foldSeries), not a breakdown of their own: members see both, and a
 * separate yearly breakdown minus the shown months would recover what the k rule merged.
 */
export async function publicStatistics(db: Database, config: Config, now: Date) {
  const period = periodOf(monthsEnding(now, 12));
  const k = config.anonymityK;
  const [orgs, incidents, advisories, top] = await Promise.all([
    countActiveOrgs(db), loadIncidents(db, period), advisoryCounts(db, period.from, period.to),
    topSightedIndicators(db, config, period, ['public']),
  ]);
  return {
    k, from: period.from, to: period.to,
    members: kCount(orgs, orgs, k),
    incidents: foldSeries(incidentSeries(incidents.rows, period.months, k).byCategory, 'period'),
    advisories: advisorySeries(advisories, period.months).total.count,
    topSighted: top,
  };
}

export function requirePublicPage(config: Config): void {
  if (!config.publicPage) throw new AppError('not_found');
}

export async function publicPageData(db: Database, config: Config, now = new Date()) {
  requirePublicPage(config);
  const [advisories, statistics] = await Promise.all([listPublicAdvisories(db, 20), publicStatistics(db, config, now)]);
  return { advisories, statistics };
}
export type PublicPageData = Awaited<ReturnType<typeof publicPageData>>;
