// Matching and offers: ranked responders with reasons; offers by a coordinator or automatically to the
// top few; accept (exactly one wins, even at the same moment) or decline with a reason.
import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  activeCaseCounts, answeredOffers, findRequest, assignIfUnassigned, findOffer, findRequestForUpdate, findResponderByUser, insertOffers, listOffersOfRequest,
  listResponders, lockResponder, loseOtherOffers, orgMembers, answerOffer, updateRequest, userRecipient, coordinators,
} from './aid.repository.js';
import type { AidRequestRow, AidResponderRow } from './aid.table.js';
import type { Skill } from './aid-codes.js';
import { escalate } from './aid-escalation.service.js';
import { notify } from './aid-notify.js';
import { matchScore, median, type Reason } from './aid-rules.js';
import { lockRequest, requireSide } from './aid-access.js';

export interface Ranked {
  responder: AidResponderRow;
  score: number;
  reasons: Reason[];
  activeCases: number;
  reachable: boolean;
}

const codes = (text: string) => JSON.parse(text) as string[];

/** Every vetted responder, best first; reachable = available with spare capacity. */
export async function rankResponders(db: Database, request: AidRequestRow): Promise<Ranked[]> {
  const responders = await listResponders(db, { vetting: 'vetted' });
  const load = await activeCaseCounts(db);
  const minutes = new Map<string, number[]>();
  for (const o of await answeredOffers(db)) {
    const m = (Date.parse(o.answered_at as string) - Date.parse(o.offered_at)) / 60_000;
    const list = minutes.get(o.responder_id);
    if (list) list.push(m);
    else minutes.set(o.responder_id, [m]);
  }
  const need = { skills: codes(request.skills) as Skill[], onSite: Number(request.on_site) === 1, prefecture: request.prefecture, language: request.language };
  return responders.map((r) => {
    const activeCases = load.get(r.id) ?? 0;
    const match = matchScore(need, {
      skills: codes(r.skills), languages: codes(r.languages), prefectures: codes(r.prefectures), onSite: Number(r.on_site) === 1,
      capacity: Number(r.capacity), activeCases, medianResponseMinutes: median(minutes.get(r.id) ?? []),
    });
    return { responder: r, ...match, activeCases, reachable: Number(r.available) === 1 && activeCases < Number(r.capacity) };
  }).sort((a, b) => Number(b.reachable) - Number(a.reachable) || b.score - a.score || a.responder.created_at.localeCompare(b.responder.created_at));
}

export async function listMatches(db: Database, ctx: RequestContext, requestId: string) {
  requireAccess({ actor: ctx.actor, permission: 'aid.desk' });
  const request = await findRequest(db, requestId);
  if (!request) throw notFound();
  const offered = new Map((await listOffersOfRequest(db, requestId)).map((o) => [o.responder_id, o.status]));
  return {
    items: (await rankResponders(db, request)).map((m) => ({
      responderId: m.responder.id, displayName: m.responder.display_name, kind: m.responder.kind, serviceType: m.responder.service_type,
      score: m.score, reasons: m.reasons, activeCases: m.activeCases, capacity: Number(m.responder.capacity), reachable: m.reachable,
      offer: offered.get(m.responder.id) ?? null,
    })),
  };
}

async function sendOffers(trx: Database, config: Config, request: AidRequestRow, picks: readonly Ranked[], by: string | null, at: string): Promise<void> {
  await insertOffers(trx, picks.map((p) => ({
    id: randomUUID(), request_id: request.id, responder_id: p.responder.id, status: 'pending', score: p.score, reasons: JSON.stringify(p.reasons),
    offered_by: by, offered_at: at, answered_at: null, decline_reason: null, decline_text: null,
  })));
  if (request.status === 'open') await updateRequest(trx, request.id, { status: 'offered', updated_at: at });
  const params = { urgency: request.urgency, category: request.category };
  for (const p of picks) {
    const person = await userRecipient(trx, p.responder.user_id);
    if (person) await notify(trx, config, [person], { kind: 'offered', requestId: request.id, params, mail: { template: 'aidOffer', params } }, at);
  }
}

/** At creation, inside its transaction: offer to the top N reachable responders, or escalate at once. */
export async function autoOffer(trx: Database, config: Config, request: AidRequestRow, at: string): Promise<void> {
  const reachable = (await rankResponders(trx, request)).filter((m) => m.reachable);
  if (reachable.length === 0) {
    await escalate(trx, config, request, 'no_responder', request.created_at, at);
    return;
  }
  if (config.aidAutoOfferTop > 0) await sendOffers(trx, config, request, reachable.slice(0, config.aidAutoOfferTop), null, at);
  else await notify(trx, config, await coordinators(trx), { kind: 'new_request', requestId: request.id, params: { urgency: request.urgency } }, at);
}

export async function offerRequest(db: Database, deps: Pick<AppDeps, 'config' | 'mailer'>, ctx: RequestContext, requestId: string, responderIds: readonly string[]) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.desk' });
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const { request } = requireSide(await lockRequest(trx, ctx, requestId), 'coordinator');
    if (!['open', 'offered'].includes(request.status)) throw new AppError('aid_invalid_state', { status: request.status });
    const ranked = new Map((await rankResponders(trx, request)).map((m) => [m.responder.id, m]));
    const already = new Set((await listOffersOfRequest(trx, requestId)).map((o) => o.responder_id));
    const picks = [...new Set(responderIds)].map((id) => {
      const pick = ranked.get(id);
      if (!pick) throw notFound();
      if (already.has(id)) throw new AppError('aid_already_offered');
      if (!pick.reachable) throw new AppError('aid_responder_unavailable');
      return pick;
    });
    await sendOffers(trx, deps.config, request, picks, actor.userId, at);
    await recordAudit(trx, ctx, { action: 'aid.offered', orgId: request.org_id, targetType: 'aid_request', targetId: requestId, details: { responders: picks.map((p) => p.responder.id) } });
  });
  await deps.mailer.flush(db);
  return listMatches(db, ctx, requestId);
}

async function myOffer(db: Database, ctx: RequestContext, offerId: string) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.responder' });
  const responder = await findResponderByUser(db, actor.userId);
  const offer = await findOffer(db, offerId);
  if (!responder || !offer || offer.responder_id !== responder.id) throw notFound();
  return { actor, responder, offer };
}

/**
 * Accepting: the request becomes assigned only if it is still open or offered (one conditional UPDATE),
 * so of two acceptances at the same moment exactly one wins; the other gets 409 aid_request_taken.
 */
export async function acceptOffer(db: Database, deps: Pick<AppDeps, 'config' | 'mailer'>, ctx: RequestContext, offerId: string) {
  const { responder, offer } = await myOffer(db, ctx, offerId);
  const at = new Date().toISOString();
  const requestId = await db.transaction().execute(async (trx) => {
    await lockResponder(trx, responder.id); // capacity is checked and taken in one step per responder
    if (((await activeCaseCounts(trx)).get(responder.id) ?? 0) >= Number(responder.capacity)) throw new AppError('aid_responder_unavailable');
    if ((await assignIfUnassigned(trx, offer.request_id, responder.id, at)) === 0) {
      const current = await findRequest(trx, offer.request_id);
      if (current && ['closed', 'cancelled'].includes(current.status)) throw new AppError('aid_invalid_state', { status: current.status });
      throw new AppError('aid_request_taken');
    }
    if ((await answerOffer(trx, offer.id, { status: 'accepted', answered_at: at })) === 0) throw new AppError('aid_request_taken');
    await loseOtherOffers(trx, offer.request_id, offer.id, at);
    const request = await findRequestForUpdate(trx, offer.request_id);
    if (!request) throw notFound();
    await notify(trx, deps.config, [...await orgMembers(trx, request.org_id), ...await coordinators(trx)], {
      kind: 'assigned', requestId: request.id, params: { responder: responder.display_name },
    }, at);
    await recordAudit(trx, ctx, { action: 'aid.accepted', orgId: request.org_id, targetType: 'aid_request', targetId: request.id, details: { responderId: responder.id } });
    return request.id;
  });
  return { requestId };
}

export async function declineOffer(db: Database, deps: Pick<AppDeps, 'config' | 'mailer'>, ctx: RequestContext, offerId: string, input: { reason: string; text?: string | undefined }) {
  const { responder, offer } = await myOffer(db, ctx, offerId);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const request = await findRequestForUpdate(trx, offer.request_id);
    if (!request) throw notFound();
    const changed = await answerOffer(trx, offer.id, { status: 'declined', answered_at: at, decline_reason: input.reason, decline_text: (input.text ?? '').trim() });
    if (changed === 0) throw new AppError('aid_invalid_state', { status: offer.status });
    await recordAudit(trx, ctx, { action: 'aid.declined', orgId: request.org_id, targetType: 'aid_request', targetId: request.id, details: { responderId: responder.id, reason: input.reason } });
    const offers = await listOffersOfRequest(trx, request.id);
    if (['open', 'offered'].includes(request.status) && offers.every((o) => o.status === 'declined')) {
      await updateRequest(trx, request.id, { status: 'open', updated_at: at });
      await escalate(trx, deps.config, request, 'all_declined', at, at);
    }
  });
  await deps.mailer.flush(db);
}
