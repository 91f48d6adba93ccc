// Help requests: created by a member for their organisation (standing alone or from one of its reports),
// listed and read by who may see them, cancelled, started and closed with the victim's feedback.
import { randomUUID } from 'node:crypto';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import { reportVersionForAid } from '../reports/reports.service.js';
import checklists from './checklists.json' with { type: 'json' };
import {
  findResponderByUser, insertRequest, insertTasks, listOffersOfRequest, listRequests, orgNames, updateRequest,
  answerOffer, coordinators, userRecipient, findResponder,
} from './aid.repository.js';
import type { AidRequestRow } from './aid.table.js';
import type { IncidentCategory } from '../../vocabulary/incident-categories.js';
import { ACTIVE_STATUSES, type Urgency } from './aid-codes.js';
import { lockRequest, requireSide, signedIn, type RequestAccess } from './aid-access.js';
import { autoOffer } from './aid-matching.service.js';
import { notify } from './aid-notify.js';
import { dueAt, riskOf, type Targets } from './aid-rules.js';
import { ackDueOf } from './aid-escalation.service.js';
import { revokeAll } from './aid-grants.service.js';
import type { Config } from '../../config.js';

export interface RequestInput {
  orgId: string;
  reportId?: string | null | undefined;
  skills: string[];
  urgency: Urgency;
  onSite: boolean;
  prefecture: string;
  language: string;
  category: IncidentCategory;
  description: string;
}

export const DESCRIPTION_MAX = 5000;
const CHECKLISTS = checklists as Record<string, Array<{ code: string; ja: string; en: string }>>;

/**
 * A request as a list shows it. `victim` is null where the caller may not know who asked (a responder before it has
 * accepted): then nothing names or identifies the organisation, not even its id.
 */
export function summaryOf(r: AidRequestRow, targets: Targets, now: Date, victim: { name: { ja: string; en: string } | null } | null) {
  const ackDueAt = ackDueOf(r, targets);
  return {
    id: r.id, orgId: victim ? r.org_id : null, orgName: victim?.name ?? null, status: r.status, urgency: r.urgency, category: r.category,
    skills: JSON.parse(r.skills) as string[], onSite: Number(r.on_site) === 1, prefecture: r.prefecture, language: r.language,
    createdAt: r.created_at, dueAt: r.due_at, ackDueAt, escalatedAt: r.escalated_at, assignedAt: r.assigned_at, acknowledgedAt: r.acknowledged_at,
    closedAt: r.closed_at, outcome: r.outcome, hasReport: r.report_id !== null, reportId: victim ? r.report_id : null,
    risk: riskOf({ status: r.status, createdAt: r.created_at, dueAt: r.due_at, escalatedAt: r.escalated_at, ackDueAt, acknowledgedAt: r.acknowledged_at }, now),
  };
}

export async function createRequest(db: Database, deps: Pick<AppDeps, 'config' | 'mailer'>, ctx: RequestContext, input: RequestInput) {
  requireAccess({ actor: ctx.actor, permission: 'aid.request.create', ids: [input.orgId] });
  const description = input.description.trim();
  if (description.length < 1 || description.length > DESCRIPTION_MAX) throw new AppError('validation_failed', { detail: `description: 1–${DESCRIPTION_MAX} characters` });
  if (input.reportId && !(await reportVersionForAid(db, input.orgId, input.reportId))) throw notFound();
  const id = await db.transaction().execute(async (trx) => {
    if (!(await findOrgById(trx, input.orgId))) throw notFound();
    return openRequest(trx, deps.config, ctx, { ...input, description }, new Date());
  });
  await deps.mailer.flush(db);
  return { id };
}

/**
 * Inserts a checked request with its first-aid checklist and offers it at once (or escalates it), inside the caller's
 * transaction; the caller flushes the mail after commit. Also used when a report asks for help (aid-from-report.ts).
 */
export async function openRequest(trx: Database, config: Config, ctx: RequestContext, input: RequestInput, now: Date): Promise<string> {
  const at = now.toISOString();
  const id = randomUUID();
  const row: AidRequestRow = {
    id, org_id: input.orgId, created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, report_id: input.reportId ?? null,
    skills: JSON.stringify([...new Set(input.skills)]), urgency: input.urgency, on_site: input.onSite ? 1 : 0, prefecture: input.prefecture,
    language: input.language, category: input.category, description: input.description, status: 'open', responder_id: null, created_at: at, updated_at: at,
    due_at: dueAt(input.urgency, now, config.aidTargets).toISOString(), escalated_at: null, assigned_at: null, acknowledged_at: null,
    closed_at: null, outcome: null, rating: null, feedback: null,
  };
  await insertRequest(trx, row);
  await insertTasks(trx, (CHECKLISTS[input.category] ?? CHECKLISTS.other ?? []).map((t, i) => ({
    id: randomUUID(), request_id: id, seq: i + 1, code: t.code, text_ja: t.ja, text_en: t.en, done_by: null, done_at: null,
  })));
  await recordAudit(trx, ctx, { action: 'aid.request_created', orgId: input.orgId, targetType: 'aid_request', targetId: id, details: { urgency: input.urgency, category: input.category, fromReport: input.reportId ?? null } });
  await autoOffer(trx, config, row, at);
  return id;
}

/** Members: their organisations' requests; responders: offered to or assigned to them; coordinators: all. */
export async function listVisibleRequests(db: Database, config: Config, ctx: RequestContext, query: { status?: string | undefined; limit: number }, now = new Date()) {
  const actor = signedIn(ctx);
  const statuses = query.status ? [query.status] : undefined;
  let rows: AidRequestRow[];
  const responder = can(actor, 'aid.responder') ? await findResponderByUser(db, actor.userId) : undefined;
  if (can(actor, 'aid.desk')) rows = await listRequests(db, { statuses, limit: query.limit });
  else {
    rows = await listRequests(db, { orgIds: [...actor.orgRoles.keys()].filter((o) => can(actor, 'aid.request.read', o)), statuses, limit: query.limit });
    if (responder) rows.push(...(await listRequests(db, { responderId: responder.id, statuses, limit: query.limit })).filter((r) => !rows.some((m) => m.id === r.id)));
  }
  // A responder learns who asked once it has accepted (the request's page says the same).
  const knowsVictim = (r: AidRequestRow) => can(actor, 'aid.desk') || actor.orgRoles.has(r.org_id) || (!!responder && r.responder_id === responder.id);
  const names = await orgNames(db, rows.filter(knowsVictim).map((r) => r.org_id));
  return { items: rows.map((r) => summaryOf(r, config.aidTargets, now, knowsVictim(r) ? { name: names.get(r.org_id) ?? null } : null)) };
}

const FINAL = ['closed', 'cancelled'];

export async function cancelRequest(db: Database, deps: Pick<AppDeps, 'config'>, ctx: RequestContext, id: string) {
  await db.transaction().execute(async (trx) => {
    const { request } = requireSide(await lockRequest(trx, ctx, id), 'victim', 'coordinator');
    if (FINAL.includes(request.status)) throw new AppError('aid_invalid_state', { status: request.status });
    const at = new Date().toISOString();
    await updateRequest(trx, id, { status: 'cancelled', closed_at: at, updated_at: at });
    for (const offer of await listOffersOfRequest(trx, id)) if (offer.status === 'pending') await answerOffer(trx, offer.id, { status: 'lost', answered_at: at });
    await revokeAll(trx, ctx, request, at);
    await notifyResponder(trx, deps.config, request, 'cancelled', at);
    await recordAudit(trx, ctx, { action: 'aid.request_cancelled', orgId: request.org_id, targetType: 'aid_request', targetId: id });
  });
}

async function notifyResponder(trx: Database, config: Config, request: AidRequestRow, kind: string, at: string) {
  const responder = request.responder_id ? await findResponder(trx, request.responder_id) : undefined;
  const person = responder ? await userRecipient(trx, responder.user_id) : undefined;
  if (person) await notify(trx, config, [person], { kind, requestId: request.id }, at);
}

/** The responder's first action on an assigned case acknowledges it and starts work (in_progress). */
export async function acknowledge(trx: Database, access: RequestAccess, at: string): Promise<void> {
  if (access.side === 'responder' && access.assigned && access.request.status === 'assigned') {
    await updateRequest(trx, access.request.id, { status: 'in_progress', acknowledged_at: at, updated_at: at });
  }
}

export async function startWork(db: Database, ctx: RequestContext, id: string) {
  await db.transaction().execute(async (trx) => {
    const access = requireSide(await lockRequest(trx, ctx, id), 'assigned');
    if (access.request.status !== 'assigned') throw new AppError('aid_invalid_state', { status: access.request.status });
    await acknowledge(trx, access, new Date().toISOString());
    await recordAudit(trx, ctx, { action: 'aid.started', orgId: access.request.org_id, targetType: 'aid_request', targetId: id });
  });
}

export async function closeRequest(
  db: Database, deps: Pick<AppDeps, 'config'>, ctx: RequestContext, id: string, input: { outcome: string; rating?: number | undefined; feedback?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const { request } = requireSide(await lockRequest(trx, ctx, id), 'victim');
    if (!(ACTIVE_STATUSES as readonly string[]).includes(request.status)) throw new AppError('aid_invalid_state', { status: request.status });
    const at = new Date().toISOString();
    await updateRequest(trx, id, {
      status: 'closed', closed_at: at, updated_at: at, outcome: input.outcome, rating: input.rating ?? null, feedback: (input.feedback ?? '').trim() || null,
      acknowledged_at: request.acknowledged_at ?? at,
    });
    await revokeAll(trx, ctx, request, at);
    await notifyResponder(trx, deps.config, request, 'closed', at);
    await notify(trx, deps.config, await coordinators(trx), { kind: 'closed', requestId: id, params: { outcome: input.outcome } }, at);
    await recordAudit(trx, ctx, { action: 'aid.request_closed', orgId: request.org_id, targetType: 'aid_request', targetId: id, details: { outcome: input.outcome, rating: input.rating ?? null } });
  });
}
