// An organisation's open reports with their reporting deadlines and first-response status: the
// member home page and the monthly report read them from here.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { deadlinesFor } from './deadlines.js';
import { enabledRegimesOf, parseAnswers, slaOf } from './report-view.js';
import { listOpenSubmitted, searchReports } from './reports.repository.js';

export async function listOpenReportsOf(db: Database, ctx: RequestContext, config: Config, orgIds: readonly string[], now = new Date()) {
  requireAccess({ actor: ctx.actor, permission: 'report.write', ids: orgIds });
  const [open, drafts] = await Promise.all([listOpenSubmitted(db, orgIds), searchReports(db, { visible: orgIds, state: 'draft', limit: 50 })]);
  const regimes = new Map<string, string[]>();
  for (const orgId of new Set(open.map((r) => r.org_id))) regimes.set(orgId, await enabledRegimesOf(db, orgId));
  const items = open.map((r) => ({
    id: r.id, orgId: r.org_id, state: r.state, category: r.category, submittedAt: r.submitted_at,
    sla: slaOf(r, config.reportFirstResponseSlaHours, now),
    deadlines: deadlinesFor(parseAnswers(r.answers), r.aware_at ?? r.submitted_at ?? now.toISOString(), regimes.get(r.org_id) ?? [], now)
      .map((d) => ({ key: d.key, label: d.label, regimeName: d.regimeName, dueAt: d.dueAt, overdue: d.remainingMs < 0 })),
  }));
  items.sort((a, b) => (a.deadlines[0]?.dueAt ?? '9').localeCompare(b.deadlines[0]?.dueAt ?? '9') || (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  return {
    items,
    drafts: drafts.map((d) => ({ id: d.id, orgId: d.org_id, category: d.category, updatedAt: d.updated_at })),
  };
}
