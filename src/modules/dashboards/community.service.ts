// The community picture: statistics of member data under the anonymity threshold k (the same
// ANONYMITY_K as publication), computed on the server so that no number below k leaves it.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Audience } from '../stix/tlp.js';
import { requestTimesBetween } from '../aid/aid.repository.js';
import { advisoryCounts, orgProfiles, periodReports, stixNames, topSighted, type IncidentRow, type PeriodReport } from './dashboards.repository.js';
import { monthsEnding, suppressGroup, suppressSeries, type CellRow, type Group, type Series } from './k-cells.js';

export const MAX_MONTHS = 24;
export const TOP_SIGHTED = 10;
export const TLP_ORDER = ['clear', 'green', 'amber', 'amber+strict'];

export interface Period {
  months: string[];
  from: string; // inclusive, ISO
  to: string; // exclusive, ISO
}

export function periodOf(months: readonly string[]): Period {
  const last = months[months.length - 1] as string;
  const [y, m] = last.split('-').map(Number) as [number, number];
  return { months: [...months], from: `${months[0] as string}-01T00:00:00.000Z`, to: new Date(Date.UTC(y, m, 1)).toISOString() };
}

/** Reports per month, category, sector, size band and organisation. Pure. */
export function incidentRowsOf(reports: readonly PeriodReport[], profiles: ReadonlyMap<string, { sector: string; size_band: string }>): IncidentRow[] {
  const rows = new Map<string, IncidentRow>();
  for (const r of reports) {
    const month = r.submitted_at.slice(0, 7);
    const key = `${month}|${r.category}|${r.org_id}`;
    const row = rows.get(key);
    if (row) row.reports += 1;
    else {
      const profile = profiles.get(r.org_id);
      rows.set(key, { month, category: r.category, sector: profile?.sector ?? 'unknown', size_band: profile?.size_band ?? 'unknown', org_id: r.org_id, reports: 1 });
    }
  }
  return [...rows.values()];
}

/** A period's reports and their grouping: one read of the covering index, and the organisations' profiles. */
export async function loadIncidents(db: Database, period: Period, orgIds?: readonly string[]) {
  const [reports, profiles] = await Promise.all([periodReports(db, period.from, period.to, orgIds), orgProfiles(db)]);
  return { reports, rows: incidentRowsOf(reports, profiles) };
}

type Dimension = 'category' | 'sector' | 'size_band';
const cellsOf = (rows: readonly IncidentRow[], dimension: Dimension, group?: string): CellRow[] =>
  rows.map((r) => ({ group: group ?? r.month, key: r[dimension], orgId: r.org_id, count: r.reports }));

/** Incidents per month by category, sector and size band, each under the k rule. */
export function incidentSeries(rows: readonly IncidentRow[], months: readonly string[], k: number) {
  return {
    byCategory: suppressSeries(cellsOf(rows, 'category'), months, k),
    bySector: suppressSeries(cellsOf(rows, 'sector'), months, k),
    bySizeBand: suppressSeries(cellsOf(rows, 'size_band'), months, k),
  };
}

/** Incidents of a whole period by category, as one group: what the public page and the monthly report show. */
export function incidentsByCategory(rows: readonly IncidentRow[], label: string, k: number): Group {
  return suppressGroup(cellsOf(rows, 'category', label), label, k);
}

/** Advisories per month and TLP: the desk's publications, not member data, so the counts are exact. */
export function advisorySeries(rows: ReadonlyArray<{ month: string; tlp: string; advisories: number }>, months: readonly string[]): Series {
  const groups: Group[] = months.map((month) => {
    const cells = TLP_ORDER.map((tlp) => ({ key: tlp, count: rows.filter((r) => r.month === month && r.tlp === tlp).reduce((s, r) => s + r.advisories, 0) }))
      .filter((c) => c.count > 0);
    return { group: month, lessThanK: false, cells, total: cells.reduce((s, c) => s + c.count, 0) };
  });
  return { k: 1, groups, total: { count: groups.reduce((s, g) => s + (g.lessThanK ? 0 : g.total), 0), partial: false } };
}

export interface ResponseTimeRow { org_id: string; submitted_at: string | null; first_response_at: string | null }

/**
 * Median hours from submission to the desk's first response; only when at least k organisations stand
 * behind the responded reports. No count goes out with it: the number answered beside the number of
 * reports would show how many are unanswered, which can be fewer than k organisations' reports.
 */
export function medianResponse(rows: readonly ResponseTimeRow[], k: number): { medianHours: number | null; lessThanK: boolean } {
  const responded = rows.filter((r) => r.submitted_at && r.first_response_at);
  const hours = responded.map((r) => (Date.parse(r.first_response_at as string) - Date.parse(r.submitted_at as string)) / 3600_000);
  if (hours.length === 0) return { medianHours: null, lessThanK: false };
  if (new Set(responded.map((r) => r.org_id)).size < k) return { medianHours: null, lessThanK: true };
  hours.sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median = hours.length % 2 ? (hours[mid] as number) : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return { medianHours: Math.round(median * 10) / 10, lessThanK: false };
}

/**
 * Mutual aid: median hours from a help request to its responder, and to its closure, per month of the request,
 * under the same rule as the desk's first response (at least k requesting organisations behind each median).
 */
export function aidResponseTimes(rows: ReadonlyArray<{ org_id: string; created_at: string; assigned_at: string | null; closed_at: string | null; status: string }>, months: readonly string[], k: number) {
  return months.map((month) => {
    const of = rows.filter((r) => r.created_at.slice(0, 7) === month);
    return {
      month,
      assign: medianResponse(of.map((r) => ({ org_id: r.org_id, submitted_at: r.created_at, first_response_at: r.assigned_at })), k),
      resolve: medianResponse(of.map((r) => ({ org_id: r.org_id, submitted_at: r.created_at, first_response_at: r.status === 'closed' ? r.closed_at : null })), k),
    };
  });
}

export async function topSightedIndicators(db: Database, config: Config, period: Period, audiences: readonly Audience[]) {
  const top = await topSighted(db, { from: period.from, to: period.to, minOrgs: config.anonymityK, audiences, limit: TOP_SIGHTED });
  const names = await stixNames(db, top.map((t) => t.indicatorId));
  return top.map((t) => ({ indicatorId: t.indicatorId, name: names.get(t.indicatorId) ?? null, orgs: t.orgs }));
}

/** The whole community picture of the `months` months ending now. */
export async function communityData(db: Database, config: Config, months: readonly string[]) {
  const period = periodOf(months);
  const k = config.anonymityK;
  const [incidents, advisories, top, aid] = await Promise.all([
    loadIncidents(db, period), advisoryCounts(db, period.from, period.to), topSightedIndicators(db, config, period, ['community', 'public']),
    requestTimesBetween(db, period.from, period.to),
  ]);
  const responded = new Map<string, PeriodReport[]>(period.months.map((m) => [m, []]));
  for (const r of incidents.reports) if (r.first_response_at) responded.get(r.submitted_at.slice(0, 7))?.push(r);
  return {
    k, months: period.months, from: period.from, to: period.to,
    incidents: incidentSeries(incidents.rows, period.months, k),
    advisories: { byTlp: advisorySeries(advisories, period.months) },
    firstResponse: period.months.map((month) => ({ month, ...medianResponse(responded.get(month) ?? [], k) })),
    topSighted: top,
    aidResponse: aidResponseTimes(aid, period.months, k),
  };
}

export async function communityPicture(db: Database, config: Config, ctx: RequestContext, query: { months?: number | undefined }, now = new Date()) {
  requireAccess({ actor: ctx.actor, permission: 'dashboard.community' });
  const months = Math.min(MAX_MONTHS, Math.max(1, query.months ?? 12));
  return communityData(db, config, monthsEnding(now, months));
}
