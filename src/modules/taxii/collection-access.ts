// Who may read and write each collection. Pure: the caller's active organisations and sharing groups
// are looked up beforehand (collections.service.ts).
import { can } from '../../auth/access.js';
import type { Actor } from '../../auth/actor.js';
import type { Audience } from '../stix/tlp.js';

export interface Caller {
  readonly actor: Actor;
  // The caller's organisations whose status is active: membership counts only there.
  readonly activeOrgIds: ReadonlySet<string>;
  // Sharing groups that hold at least one of those organisations.
  readonly groupIds: ReadonlySet<string>;
  readonly publicTaxii: boolean;
}

export interface AudienceOf {
  readonly audience: Audience;
  readonly org_id: string | null;
  readonly group_id: string | null;
}

export interface CollectionAccess {
  readonly read: boolean;
  readonly write: boolean;
}

const NONE: CollectionAccess = { read: false, write: false };

const signedIn = (actor: Actor): boolean => actor.kind === 'user' && !actor.mfaEnrollmentRequired;
// A read-only API token never writes, whatever its owner may do.
const mayChange = (actor: Actor): boolean => actor.kind === 'user' && (actor.via === 'session' || actor.scopes.has('write'));
const memberOf = (caller: Caller, orgId: string | null): boolean => orgId !== null && caller.activeOrgIds.has(orgId);

function mayRead(caller: Caller, c: AudienceOf): boolean {
  const { actor } = caller;
  switch (c.audience) {
    case 'public':
      return caller.publicTaxii || signedIn(actor);
    case 'community':
      return can(actor, 'stix.community.read') || (signedIn(actor) && caller.activeOrgIds.size > 0);
    case 'group':
      return can(actor, 'stix.audiences.read') || (signedIn(actor) && c.group_id !== null && caller.groupIds.has(c.group_id));
    case 'feed':
    case 'inbox':
      return can(actor, 'stix.audiences.read') || (signedIn(actor) && memberOf(caller, c.org_id));
  }
}

function mayWrite(caller: Caller, c: AudienceOf): boolean {
  const { actor } = caller;
  if (!mayChange(actor)) return false;
  if (c.audience === 'inbox') return c.org_id !== null && can(actor, 'stix.inbox.submit', c.org_id) && memberOf(caller, c.org_id);
  return can(actor, 'stix.publish');
}

export function accessTo(caller: Caller, collection: AudienceOf): CollectionAccess {
  if (caller.actor.kind !== 'user' && !caller.publicTaxii) return NONE;
  return { read: mayRead(caller, collection), write: mayWrite(caller, collection) };
}
