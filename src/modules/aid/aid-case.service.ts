// Case work on one help request: what each side sees, the checklist, the victim↔responder message thread
// (with notifications in the app and by e-mail), and private notes of the responder and the desk.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { reportVersionForAid } from '../reports/reports.service.js';
import { reviewedRedactedText } from '../sharing/redaction-review.service.js';
import {
  activeGrant, findResponder, insertPost, listGrants, listOffersOfRequest, listPosts, listTasks, orgMembers, orgNames, setTaskDone,
  userNames, userRecipient,
} from './aid.repository.js';
import type { AidPostRow } from './aid.table.js';
import { ACTIVE_STATUSES, UNASSIGNED_STATUSES } from './aid-codes.js';
import { loadRequest, lockRequest, requireSide, type RequestAccess } from './aid-access.js';
import { acknowledge, summaryOf } from './aid-requests.service.js';
import { notify } from './aid-notify.js';
import { profileView } from './aid-responders.service.js';

export const POST_MAX = 10_000;

const postsView = async (db: Database, rows: AidPostRow[]) => {
  const names = await userNames(db, rows.flatMap((r) => (r.author_id ? [r.author_id] : [])));
  return rows.map((r) => ({ id: r.id, side: r.side, author: r.author_id ? names.get(r.author_id) ?? '' : '', body: r.body, createdAt: r.created_at }));
};

async function reportView(db: Database, access: RequestAccess) {
  const { request } = access;
  if (!request.report_id) return null;
  const report = await reportVersionForAid(db, request.org_id, request.report_id);
  if (!report) return null;
  const redactedText = await reviewedRedactedText(db, { id: report.reportId, version: report.version, text: report.text });
  const granted = access.side === 'responder' && access.assigned && access.responder ? !!(await activeGrant(db, request.id, access.responder.id)) : false;
  // The victim and the desk have the report itself; others get the reviewed redacted text, or nothing.
  return { reportId: access.side === 'responder' ? null : report.reportId, redactedText, fullAccess: granted };
}

export async function getRequestDetail(db: Database, deps: Pick<AppDeps, 'config'>, ctx: RequestContext, id: string, now = new Date()) {
  const access = await loadRequest(db, ctx, id);
  const { request, side } = access;
  const knowsVictim = side !== 'responder' || access.assigned;
  const victim = knowsVictim ? { name: (await orgNames(db, [request.org_id])).get(request.org_id) ?? null } : null;
  const base = {
    ...summaryOf(request, deps.config.aidTargets, now, victim), side, description: request.description, rating: request.rating, feedback: request.feedback,
    report: await reportView(db, access),
    myOffer: access.offer ? { id: access.offer.id, status: access.offer.status, reasons: JSON.parse(access.offer.reasons) as unknown, score: access.offer.score } : null,
  };
  if (!knowsVictim) return base;
  const responder = request.responder_id ? await findResponder(db, request.responder_id) : undefined;
  const grants = await listGrants(db, id);
  const offers = side === 'coordinator' ? await listOffersOfRequest(db, id) : [];
  const offerNames = new Map<string, string>();
  for (const o of offers) offerNames.set(o.responder_id, (await findResponder(db, o.responder_id))?.display_name ?? '');
  return {
    ...base,
    responder: responder ? profileView(responder, 0) : null,
    tasks: (await listTasks(db, id)).map((t) => ({ id: t.id, code: t.code, text: { ja: t.text_ja, en: t.text_en }, doneAt: t.done_at, done: t.done_at !== null })),
    // The thread is private to the organisation and its responder; the desk follows the case by its checklist, status and notes.
    messages: side === 'coordinator' ? null : await postsView(db, await listPosts(db, 'aid_messages', id)),
    notes: side === 'victim' ? null : await postsView(db, await listPosts(db, 'aid_notes', id)),
    grants: grants.map((g) => ({ id: g.id, responderId: g.responder_id, grantedAt: g.granted_at, revokedAt: g.revoked_at })),
    offers: offers.map((o) => ({
      id: o.id, responderId: o.responder_id, displayName: offerNames.get(o.responder_id) ?? '', status: o.status, score: o.score,
      offeredAt: o.offered_at, answeredAt: o.answered_at, declineReason: o.decline_reason, declineText: o.decline_text,
    })),
  };
}

const isActive = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);

export async function setTask(db: Database, ctx: RequestContext, id: string, taskId: string, done: boolean) {
  await db.transaction().execute(async (trx) => {
    const access = requireSide(await lockRequest(trx, ctx, id), 'victim', 'assigned');
    // The first-aid checklist is the victim's from the start (isolate, preserve evidence…): it can be worked before
    // anyone accepts; the assigned responder ticks while the case is active.
    const open = isActive(access.request.status) || (access.side === 'victim' && (UNASSIGNED_STATUSES as readonly string[]).includes(access.request.status));
    if (!open) throw new AppError('aid_invalid_state', { status: access.request.status });
    const at = new Date().toISOString();
    if ((await setTaskDone(trx, id, taskId, done ? access.actor.userId : null, done ? at : null)) === 0) throw notFound();
    await acknowledge(trx, access, at);
    await recordAudit(trx, ctx, { action: 'aid.task_updated', orgId: access.request.org_id, targetType: 'aid_request', targetId: id, details: { taskId, done } });
  });
}

export async function postMessage(db: Database, deps: Pick<AppDeps, 'config' | 'mailer'>, ctx: RequestContext, id: string, body: string) {
  const text = body.trim();
  if (!text || text.length > POST_MAX) throw new AppError('validation_failed', { detail: `body: 1–${POST_MAX} characters` });
  await db.transaction().execute(async (trx) => {
    const access = requireSide(await lockRequest(trx, ctx, id), 'victim', 'assigned');
    const { request } = access;
    if (!isActive(request.status)) throw new AppError('aid_invalid_state', { status: request.status });
    const at = new Date().toISOString();
    await insertPost(trx, 'aid_messages', { id: randomUUID(), request_id: id, author_id: access.actor.userId, side: access.side, body: text, created_at: at });
    await acknowledge(trx, access, at);
    // The other side is told, in the app and by e-mail (the mail says there is a message, not what it says).
    const responder = request.responder_id ? await findResponder(trx, request.responder_id) : undefined;
    const others = access.side === 'victim'
      ? (responder ? [await userRecipient(trx, responder.user_id)] : [])
      : await orgMembers(trx, request.org_id);
    const people = others.filter((p): p is NonNullable<typeof p> => !!p && p.id !== access.actor.userId);
    await notify(trx, deps.config, people, { kind: 'message', requestId: id, mail: { template: 'aidMessage', params: { category: request.category } } }, at);
    await recordAudit(trx, ctx, { action: 'aid.message_posted', orgId: request.org_id, targetType: 'aid_request', targetId: id });
  });
  await deps.mailer.flush(db);
}

/** Private notes: the assigned responder's and the desk's; the victim never sees them. */
export async function postNote(db: Database, ctx: RequestContext, id: string, body: string) {
  const text = body.trim();
  if (!text || text.length > POST_MAX) throw new AppError('validation_failed', { detail: `body: 1–${POST_MAX} characters` });
  await db.transaction().execute(async (trx) => {
    const access = requireSide(await lockRequest(trx, ctx, id), 'coordinator', 'assigned');
    const at = new Date().toISOString();
    await insertPost(trx, 'aid_notes', { id: randomUUID(), request_id: id, author_id: access.actor.userId, side: access.side, body: text, created_at: at });
    await acknowledge(trx, access, at);
    await recordAudit(trx, ctx, { action: 'aid.note_added', orgId: access.request.org_id, targetType: 'aid_request', targetId: id });
  });
}

