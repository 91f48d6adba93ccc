// Case work: state changes with outcomes, the assignee, comments (reporter-visible or internal).
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { lockReport } from './report-access.js';
import { insertEvent } from './report-case.repository.js';
import { isCoordinator, listCoordinators, updateReport } from './reports.repository.js';
import type { ReportRow } from './reports.table.js';

export const REPORT_STATES = ['draft', 'submitted', 'triage', 'in_progress', 'closed'] as const;
export const OUTCOMES = ['resolved', 'false_positive', 'duplicate', 'no_action', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

// Publication is an event in a case, not a state (markReportPublished): the case goes on to its close; a closed case
// may be reopened.
const TRANSITIONS: Record<string, readonly string[]> = {
  submitted: ['triage', 'in_progress', 'closed'],
  triage: ['in_progress', 'closed'],
  in_progress: ['triage', 'closed'],
  closed: ['triage'],
};

export const COMMENT_MAX = 10_000;

const actorId = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const audit = (trx: Database, ctx: RequestContext, action: string, report: ReportRow, details: Record<string, unknown>) =>
  recordAudit(trx, ctx, { action, orgId: report.org_id, targetType: 'report', targetId: report.id, details });

export async function changeState(db: Database, ctx: RequestContext, id: string, input: { state: string; outcome?: string | undefined }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { report } = await lockReport(trx, ctx, id, 'triage');
    if (!(TRANSITIONS[report.state] ?? []).includes(input.state)) {
      throw new AppError('invalid_state_transition', { from: report.state, to: input.state });
    }
    const closing = input.state === 'closed';
    if (closing && !(OUTCOMES as readonly string[]).includes(input.outcome ?? '')) throw new AppError('outcome_required');
    const at = new Date().toISOString();
    const outcome = closing ? (input.outcome as Outcome) : null;
    await updateReport(trx, id, {
      state: input.state, outcome, closed_at: closing ? at : null, updated_at: at, first_response_at: report.first_response_at ?? at,
    });
    const details = { from: report.state, to: input.state, outcome };
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'state_changed', internal: false, details });
    await audit(trx, ctx, 'report.state_changed', report, details);
  });
}

export async function assignReport(db: Database, ctx: RequestContext, id: string, assigneeId: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { report } = await lockReport(trx, ctx, id, 'triage');
    if (assigneeId !== null && !(await isCoordinator(trx, assigneeId))) throw new AppError('invalid_assignee');
    if (report.assignee_id === assigneeId) return;
    const at = new Date().toISOString();
    await updateReport(trx, id, { assignee_id: assigneeId, updated_at: at });
    const details = { from: report.assignee_id, to: assigneeId };
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'assigned', internal: false, details });
    await audit(trx, ctx, 'report.assigned', report, details);
  });
}

/**
 * A comment on the case. Coordinators choose internal (coordinators only) or visible to the reporting
 * organisation; the organisation's own comments are always visible. A coordinator's visible comment
 * is the first response when none came before.
 */
export async function addComment(db: Database, ctx: RequestContext, id: string, input: { body: string; internal?: boolean | undefined }): Promise<void> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > COMMENT_MAX) throw new AppError('validation_failed', { detail: `body 1-${COMMENT_MAX}` });
  await db.transaction().execute(async (trx) => {
    const { actor, report } = await lockReport(trx, ctx, id, 'read');
    const coordinator = can(actor, 'report.triage');
    if (!coordinator) await lockReport(trx, ctx, id, 'write');
    const internal = coordinator && input.internal === true;
    const at = new Date().toISOString();
    const respond = coordinator && !internal && !report.first_response_at;
    await updateReport(trx, id, { updated_at: at, ...(respond ? { first_response_at: at } : {}) });
    await insertEvent(trx, { reportId: id, at, actorUserId: actorId(ctx), kind: 'comment', internal, body });
    await audit(trx, ctx, 'report.commented', report, { internal });
  });
}

export async function listAssignees(db: Database, ctx: RequestContext) {
  requireAccess({ actor: ctx.actor, permission: 'report.triage' });
  return { items: await listCoordinators(db) };
}
