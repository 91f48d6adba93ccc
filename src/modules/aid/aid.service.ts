// Mutual aid for the desk and the homes: metrics (time to acknowledge, assign and resolve per urgency,
// responder load, requests at risk), the responder's home, in-app notifications, and the small summaries
// other features (dashboards) show. The summaries check no access: their callers do.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import {
  activeCaseCounts, answeredOffers, findResponderByUser, helpOfReports, listNotificationsOf, listOffersOfResponder, listRequests, listResponders, markNotificationsRead,
} from './aid.repository.js';
import type { AidRequestRow } from './aid.table.js';
import { URGENCIES } from './aid-codes.js';
import { signedIn } from './aid-access.js';
import { summaryOf } from './aid-requests.service.js';
import { DEFAULT_TARGETS, median, type Targets } from './aid-rules.js';

const minutesBetween = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / 60_000 : null);
const medianOf = (values: Array<number | null>) => {
  const m = median(values.filter((v): v is number => v !== null));
  return m === null ? null : Math.round(m);
};

/** Open (not closed or cancelled) requests of one organisation, newest first. */
export async function aidSummaryForOrg(db: Database, orgId: string, targets: Targets = DEFAULT_TARGETS, now = new Date()) {
  const rows = await listRequests(db, { orgIds: [orgId], statuses: ['open', 'offered', 'assigned', 'in_progress'], limit: 50 });
  return { open: rows.length, items: rows.map((r) => summaryOf(r, targets, now, { name: null })) };
}

/** For a member's open reports: the help asked from each (the newest request), its status and what is unread. */
export async function helpForReports(db: Database, userId: string, reportIds: readonly string[]) {
  const out = new Map<string, { requestId: string; status: string; unread: number }>();
  for (const r of await helpOfReports(db, userId, reportIds)) {
    if (r.report_id && !out.has(r.report_id)) out.set(r.report_id, { requestId: r.id, status: r.status, unread: Number(r.unread ?? 0) });
  }
  return out;
}

/** Every open or assigned request that is escalated, overdue or close to its target, most urgent first. */
export async function aidRequestsAtRisk(db: Database, now: Date = new Date(), targets: Targets = DEFAULT_TARGETS) {
  const rows = await listRequests(db, { statuses: ['open', 'offered', 'assigned'], limit: 10_000 });
  const order = { overdue: 0, escalated: 1, due_soon: 2 } as const;
  return rows.map((r) => summaryOf(r, targets, now, { name: null })).filter((s) => s.risk !== null)
    .sort((a, b) => order[a.risk as keyof typeof order] - order[b.risk as keyof typeof order] || a.dueAt.localeCompare(b.dueAt));
}

function timesPerUrgency(rows: readonly AidRequestRow[]) {
  return URGENCIES.map((urgency) => {
    const of = rows.filter((r) => r.urgency === urgency);
    return {
      urgency, count: of.length,
      acknowledgeMinutes: medianOf(of.map((r) => minutesBetween(r.created_at, r.acknowledged_at))),
      assignMinutes: medianOf(of.map((r) => minutesBetween(r.created_at, r.assigned_at))),
      resolveMinutes: medianOf(of.filter((r) => r.status === 'closed').map((r) => minutesBetween(r.created_at, r.closed_at))),
    };
  });
}

export async function aidMetrics(db: Database, config: Config, ctx: RequestContext, now = new Date()) {
  requireAccess({ actor: ctx.actor, permission: 'aid.metrics.read' });
  const rows = await listRequests(db, { limit: 100_000 });
  const load = await activeCaseCounts(db);
  const responders = await listResponders(db);
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const rated = rows.filter((r) => r.rating !== null).map((r) => Number(r.rating));
  return {
    targets: config.aidTargets,
    byStatus,
    times: timesPerUrgency(rows),
    averageRating: rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null,
    load: responders.map((r) => ({
      responderId: r.id, displayName: r.display_name, vetting: r.vetting, available: Number(r.available) === 1, activeCases: load.get(r.id) ?? 0, capacity: Number(r.capacity),
    })),
    atRisk: await aidRequestsAtRisk(db, now, config.aidTargets),
  };
}

/** The responder's home: offers waiting, my cases, my response times. */
export async function responderHome(db: Database, config: Config, ctx: RequestContext, now = new Date()) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.responder' });
  const responder = await findResponderByUser(db, actor.userId);
  if (!responder) return { profile: null, offers: [], cases: [], medianAnswerMinutes: null, medianAcknowledgeMinutes: null };
  const offers = await listOffersOfResponder(db, responder.id, 'pending');
  const all = await listRequests(db, { responderId: responder.id, limit: 500 });
  const offered = new Map(all.map((r) => [r.id, r]));
  const cases = all.filter((r) => r.responder_id === responder.id);
  return {
    profile: { id: responder.id, displayName: responder.display_name, vetting: responder.vetting, available: Number(responder.available) === 1, capacity: Number(responder.capacity) },
    offers: offers.flatMap((o) => {
      const r = offered.get(o.request_id);
      return r ? [{ offerId: o.id, offeredAt: o.offered_at, score: o.score, reasons: JSON.parse(o.reasons) as unknown, request: summaryOf(r, config.aidTargets, now, null) }] : []; // not accepted yet: who asked stays hidden
    }),
    cases: cases.map((r) => summaryOf(r, config.aidTargets, now, { name: null })),
    medianAnswerMinutes: medianOf((await answeredOffers(db, responder.id)).map((o) => minutesBetween(o.offered_at, o.answered_at))),
    medianAcknowledgeMinutes: medianOf(cases.map((r) => (r.assigned_at ? minutesBetween(r.assigned_at, r.acknowledged_at) : null))),
  };
}

export async function myNotifications(db: Database, ctx: RequestContext) {
  const actor = signedIn(ctx);
  const rows = await listNotificationsOf(db, actor.userId, 100);
  return {
    unread: rows.filter((r) => r.read_at === null).length,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, requestId: r.request_id, params: JSON.parse(r.params) as Record<string, string | number>, createdAt: r.created_at, readAt: r.read_at })),
  };
}

export async function readNotifications(db: Database, ctx: RequestContext, ids: readonly string[] | undefined) {
  const actor = signedIn(ctx);
  await markNotificationsRead(db, actor.userId, ids ?? null, new Date().toISOString());
}
