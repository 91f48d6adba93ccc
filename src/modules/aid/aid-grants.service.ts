// The victim's grant of full (unredacted) report access to the assigned responder. Every grant, revoke
// and read is in the audit trail and in the ledger, in the same transaction as the change or the read.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import { reportVersionForAid } from '../reports/reports.service.js';
import { activeGrant, findResponder, insertGrant, listGrants, revokeGrants } from './aid.repository.js';
import type { AidRequestRow } from './aid.table.js';
import { ACTIVE_STATUSES } from './aid-codes.js';
import { loadRequest, lockRequest, requireSide } from './aid-access.js';

const userOf = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

export async function grantFullAccess(db: Database, ctx: RequestContext, id: string) {
  await db.transaction().execute(async (trx) => {
    const { request } = requireSide(await lockRequest(trx, ctx, id), 'victim');
    if (!request.report_id) throw new AppError('aid_no_report');
    if (!request.responder_id || !(ACTIVE_STATUSES as readonly string[]).includes(request.status)) throw new AppError('aid_invalid_state', { status: request.status });
    if (await activeGrant(trx, id, request.responder_id)) return;
    const responder = await findResponder(trx, request.responder_id);
    if (!responder) throw notFound();
    const at = new Date().toISOString();
    await insertGrant(trx, { id: randomUUID(), request_id: id, responder_id: responder.id, granted_by: userOf(ctx), granted_at: at, revoked_by: null, revoked_at: null });
    await appendLedgerEvents(trx, [{ type: 'unredacted_grant', actor: userOf(ctx), org: request.org_id, report: request.report_id, grantee: responder.user_id, expires: null }], at);
    await recordAudit(trx, ctx, { action: 'aid.full_access_granted', orgId: request.org_id, targetType: 'aid_request', targetId: id, details: { reportId: request.report_id, responderId: responder.id } });
  });
}

/** Ends every active grant of the request (the victim's revoke, and closing or cancelling the request). */
export async function revokeAll(trx: Database, ctx: RequestContext, request: AidRequestRow, at: string): Promise<void> {
  const active = (await listGrants(trx, request.id)).filter((g) => g.revoked_at === null);
  if (active.length === 0 || !request.report_id) return;
  await revokeGrants(trx, request.id, userOf(ctx), at);
  for (const grant of active) {
    const responder = await findResponder(trx, grant.responder_id);
    // The ledger's grant event with an expiry: the grant ends now.
    await appendLedgerEvents(trx, [{ type: 'unredacted_grant', actor: userOf(ctx), org: request.org_id, report: request.report_id, grantee: responder?.user_id ?? grant.responder_id, expires: at }], at);
    await recordAudit(trx, ctx, { action: 'aid.full_access_revoked', orgId: request.org_id, targetType: 'aid_request', targetId: request.id, details: { reportId: request.report_id, responderId: grant.responder_id } });
  }
}

export async function revokeFullAccess(db: Database, ctx: RequestContext, id: string) {
  await db.transaction().execute(async (trx) => {
    const { request } = requireSide(await lockRequest(trx, ctx, id), 'victim');
    await revokeAll(trx, ctx, request, new Date().toISOString());
  });
}

/** The full report, only for the assigned responder holding an active grant; anyone else: not found. */
export async function readFullReport(db: Database, ctx: RequestContext, id: string) {
  const access = await loadRequest(db, ctx, id);
  const { request, responder } = access;
  if (!(access.side === 'responder' && access.assigned) || !responder || !request.report_id) throw notFound();
  if (!(await activeGrant(db, id, responder.id))) throw notFound();
  const report = await reportVersionForAid(db, request.org_id, request.report_id);
  if (!report) throw notFound();
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    await appendLedgerEvents(trx, [{ type: 'unredacted_read', actor: responder.user_id, org: request.org_id, report: report.reportId, reader: responder.user_id }], at);
    await recordAudit(trx, ctx, { action: 'aid.full_report_read', orgId: request.org_id, targetType: 'aid_request', targetId: id, details: { reportId: report.reportId, version: report.version } });
  });
  return report;
}
