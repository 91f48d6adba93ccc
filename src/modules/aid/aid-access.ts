// Who may see one help request, and as which side. What may not be seen is "not found", whatever the reason:
// the requesting organisation's members (the victim), coordinators (the desk), and a responder only while
// the request is offered to them (a pending offer) or assigned to them.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { findRequest, findRequestForUpdate, findResponderByUser, pendingOfferOf } from './aid.repository.js';
import type { AidOfferRow, AidRequestRow, AidResponderRow } from './aid.table.js';

export type Side = 'victim' | 'coordinator' | 'responder';

export interface RequestAccess {
  actor: UserActor;
  request: AidRequestRow;
  side: Side;
  /** The caller's responder profile when side is responder. */
  responder: AidResponderRow | null;
  /** True when the request is assigned to the calling responder (not only offered). */
  assigned: boolean;
  offer: AidOfferRow | null;
}

export function signedIn(ctx: RequestContext): UserActor {
  return requireAccess({ actor: ctx.actor, permission: 'account.manage' });
}

async function decide(db: Database, ctx: RequestContext, request: AidRequestRow | undefined): Promise<RequestAccess> {
  const actor = signedIn(ctx);
  if (!request) throw notFound();
  const base = { actor, request, responder: null, assigned: false, offer: null };
  if (actor.orgRoles.has(request.org_id) && can(actor, 'aid.request.read', request.org_id)) return { ...base, side: 'victim' };
  if (can(actor, 'aid.desk')) return { ...base, side: 'coordinator' };
  if (can(actor, 'aid.responder')) {
    const responder = await findResponderByUser(db, actor.userId);
    if (responder) {
      if (request.responder_id === responder.id) return { ...base, side: 'responder', responder, assigned: true };
      const offer = ['open', 'offered'].includes(request.status) ? await pendingOfferOf(db, request.id, responder.id) : undefined;
      if (offer) return { ...base, side: 'responder', responder, offer };
    }
  }
  throw notFound();
}

export async function loadRequest(db: Database, ctx: RequestContext, id: string): Promise<RequestAccess> {
  return decide(db, ctx, await findRequest(db, id));
}

/** Inside a transaction: the request row locked against concurrent changes (PostgreSQL; SQLite serialises writers). */
export async function lockRequest(trx: Database, ctx: RequestContext, id: string): Promise<RequestAccess> {
  return decide(trx, ctx, await findRequestForUpdate(trx, id));
}

/** Only these sides may go on; the others can see the request, so they are told it is not allowed. */
export function requireSide(access: RequestAccess, ...sides: Array<Side | 'assigned'>): RequestAccess {
  const ok = sides.some((s) => (s === 'assigned' ? access.side === 'responder' && access.assigned : s === access.side));
  if (!ok) throw new AppError('forbidden');
  return access;
}
