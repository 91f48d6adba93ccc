// Who may see and change one report. A report that may not be seen is "not found", whatever the reason; one the caller
// sees but may not change in that way (a member changing its state) is "forbidden": its existence is no secret to them.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { findReport, findReportForUpdate } from './reports.repository.js';
import type { ReportRow } from './reports.table.js';

export type ReportAction = 'read' | 'write' | 'triage';

/** Members see their organisations' reports (drafts too); coordinators every report once submitted. */
export function mayRead(actor: UserActor, report: ReportRow): boolean {
  if (actor.orgRoles.has(report.org_id)) return can(actor, 'report.read', report.org_id);
  return report.state !== 'draft' && can(actor, 'report.triage');
}

export function checkReport(ctx: RequestContext, report: ReportRow | undefined, action: ReportAction): { actor: UserActor; report: ReportRow } {
  const actor = requireAccess({ actor: ctx.actor, permission: 'report.read', ids: report ? [report.org_id] : [] });
  if (!report || !mayRead(actor, report)) throw notFound();
  const allowed = action === 'read' || (action === 'write' ? can(actor, 'report.write', report.org_id) : can(actor, 'report.triage'));
  if (!allowed) throw new AppError('forbidden');
  return { actor, report };
}

export async function loadReport(db: Database, ctx: RequestContext, id: string, action: ReportAction) {
  return checkReport(ctx, await findReport(db, id), action);
}

/** Inside a transaction: the report row locked against concurrent changes. */
export async function lockReport(trx: Database, ctx: RequestContext, id: string, action: ReportAction) {
  return checkReport(ctx, await findReportForUpdate(trx, id), action);
}
