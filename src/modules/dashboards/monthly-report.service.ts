// The monthly report's content: one month of the community picture (the same functions and the same
// k rule as the dashboards) and, for members, their own organisations' month. The PDF renders this.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Locale } from '../../auth/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { getOrg } from '../orgs/orgs.service.js';
import { listMyNotifications } from '../sharing/notifications.service.js';
import { advisorySeries, incidentsByCategory, loadIncidents, medianResponse, periodOf, topSightedIndicators } from './community.service.js';
import { advisoryCounts, countActiveOrgs } from './dashboards.repository.js';
import { memberSightings } from './home.service.js';
import { kCount } from './k-cells.js';

export interface OrgMonth {
  orgId: string;
  reports: number;
  byCategory: Array<{ key: string; count: number }>;
  medianFirstResponseHours: number | null;
}

/** An organisation's own month: exact numbers, it is the organisation's own data. */
export function orgMonths(
  orgIds: readonly string[], rows: ReadonlyArray<{ org_id: string; category: string; reports: number }>,
  responses: ReadonlyArray<{ org_id: string; submitted_at: string | null; first_response_at: string | null }>,
): OrgMonth[] {
  return orgIds.map((orgId) => {
    const mine = rows.filter((r) => r.org_id === orgId);
    const byCategory = new Map<string, number>();
    for (const r of mine) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.reports);
    return {
      orgId,
      reports: mine.reduce((s, r) => s + r.reports, 0),
      byCategory: [...byCategory].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count),
      medianFirstResponseHours: medianResponse(responses.filter((r) => r.org_id === orgId), 1).medianHours,
    };
  });
}

export async function monthlyReportData(db: Database, config: Config, ctx: RequestContext, month: string, locale: Locale) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'dashboard.community' });
  const orgIds = [...actor.orgRoles.keys()];
  if (orgIds.length === 0 && !can(actor, 'dashboard.coordinator')) throw notFound();
  const period = periodOf([month]);
  const k = config.anonymityK;
  const [members, { rows: incidents, reports: responses }, advisories, top] = await Promise.all([
    countActiveOrgs(db), loadIncidents(db, period), advisoryCounts(db, period.from, period.to), topSightedIndicators(db, config, period, ['community', 'public']),
  ]);
  const community = {
    k, members: kCount(members, members, k),
    incidents: incidentsByCategory(incidents, month, k),
    advisories: advisorySeries(advisories, [month]).groups[0],
    firstResponse: medianResponse(responses, k),
    topSighted: top,
  };
  if (orgIds.length === 0) return { month, locale, generatedAt: new Date().toISOString(), community, orgs: [] };
  const [notes, sightings, profiles] = await Promise.all([
    listMyNotifications(db, ctx, 200), memberSightings(db, orgIds, 200, period), Promise.all(orgIds.map((id) => getOrg(db, ctx, id))),
  ]);
  const names = new Map(profiles.map((p) => [p.id, locale === 'ja' ? p.nameJa : p.nameEn]));
  const orgs = orgMonths(orgIds, incidents, responses).map((o) => ({
    ...o,
    name: names.get(o.orgId) ?? o.orgId,
    advisories: notes.items.filter((n) => n.orgId === o.orgId && n.createdAt >= period.from && n.createdAt < period.to)
      .map((n) => ({ title: locale === 'ja' ? n.titleJa : n.titleEn, at: n.createdAt })),
    sightings: sightings.filter((s) => s.orgId === o.orgId).length,
  }));
  return { month, locale, generatedAt: new Date().toISOString(), community, orgs };
}
export type MonthlyReport = Awaited<ReturnType<typeof monthlyReportData>>;
