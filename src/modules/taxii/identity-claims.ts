// Who may name which identity as the creator (created_by_ref) of what they store, or store a version of an identity
// object. An identity belongs to whoever it was given to or registered it: the desk's identity (the one advisories are
// published under) and the sources the operator gave a reliability (CONFIDENCE_RELIABILITY) to the coordinators; each
// member organisation's identity (stix/org-identity.ts) to that organisation; any other identity to the organisation
// that first stored it or an object naming it (the registry, stix_identity_owners). A member naming another's identity
// would borrow its trust (the confidence of correlation follows the creator) and could version its objects, which
// versioning allows only to their creator; the store refuses such objects one by one.
//
// The owners are looked up, and new ones registered, under the store's write lock (store.service.ts), so that of two
// organisations storing a new identity at once exactly one becomes its owner and the other's objects are refused.
// Only the identities a write names are looked up: the desk's and the trusted sources' cost a setting and the config,
// the caller's own organisations' identities are computed, and every other organisation's identity is in the registry
// since the organisation was created (createOrgCollections; the migration registered those that existed before).
import { can } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { getSetting } from '../../db/settings.repository.js';
import { orgIdentityId } from '../stix/org-identity.js';
import type { AudienceOf } from './collection-access.js';
import { findIdentityOwners, insertIdentityOwners } from './identity-owners.repository.js';

const DESK = null; // the owner of the desk's identity

export interface IdentityClaims {
  /** Whether the writer may name this identity; absent: any (the desk, the system). */
  readonly mayClaim?: (identityId: string) => boolean;
  /** The organisation that becomes the owner of the identities nobody owns that the stored objects name, if any. */
  readonly registrant?: string;
  /** The named identities nobody owns. */
  readonly unowned: ReadonlySet<string>;
}

// Coordinators and the system (imports by the operator, publications, the demo) name whatever they need, and register
// nothing: the desk's identity is the desk's by the setting, the trusted sources by the config, and any other identity
// they name (a vendor's, the source of a CSAF advisory) stays free for the organisation it really belongs to, or for
// no one. Making it the desk's would lock a member out of its own vendor identities because a coordinator cited them.
const ANY: IdentityClaims = { unowned: new Set() };

/** The claims of this writer on the identities `named`, for a write to `collection`; call it under the store's lock. */
export async function identityClaims(
  trx: Database, request: RequestContext, trustedSources: readonly string[], collection: AudienceOf, named: ReadonlySet<string>,
): Promise<IdentityClaims> {
  const { actor } = request;
  if (named.size === 0 || actor.kind !== 'user' || can(actor, 'stix.publish')) return ANY;
  const owners = new Map<string, string | typeof DESK>();
  const desk = await getSetting(trx, 'sharing.desk_identity');
  if (desk) owners.set((JSON.parse(desk) as { id: string }).id, DESK);
  // The operator's word wins over the registry: a source given a reliability is the desk's even if a member stored it first.
  for (const source of trustedSources) owners.set(source, DESK);
  for (const orgId of actor.orgRoles.keys()) if (!owners.has(orgIdentityId(orgId))) owners.set(orgIdentityId(orgId), orgId);
  for (const [id, owner] of await findIdentityOwners(trx, [...named].filter((id) => !owners.has(id)))) owners.set(id, owner);
  const registrant = registrantOf(actor.orgRoles, collection);
  return {
    mayClaim: (id) => {
      if (!owners.has(id)) return true;
      const owner = owners.get(id);
      return owner !== DESK && owner !== undefined && actor.orgRoles.has(owner);
    },
    ...(registrant ? { registrant } : {}),
    unowned: new Set([...named].filter((id) => !owners.has(id))),
  };
}

// A feed or an inbox speaks for its organisation. In a shared collection (community, group) the writer speaks for its
// organisation only when it has exactly one: for a person of several, nothing says which of them the identity is, and
// guessing could hand it to the wrong one; it stays free until a write that says whose it is.
function registrantOf(orgRoles: ReadonlyMap<string, unknown>, collection: AudienceOf): string | undefined {
  if (collection.audience === 'feed' || collection.audience === 'inbox') return collection.org_id ?? undefined;
  return orgRoles.size === 1 ? [...orgRoles.keys()][0] : undefined;
}

/** Registers to the writer's organisation the identities nobody owned that the stored objects named (under the lock). */
export async function registerIdentities(trx: Database, claims: IdentityClaims, namedByStored: Iterable<string>): Promise<void> {
  if (!claims.registrant || claims.unowned.size === 0) return;
  const fresh = new Set([...namedByStored].filter((id) => claims.unowned.has(id)));
  if (fresh.size > 0) await insertIdentityOwners(trx, [...fresh], claims.registrant);
}

/** A new organisation owns its own identity from the start (called where its collections are created). */
export async function registerOrgIdentity(trx: Database, orgId: string): Promise<void> {
  await insertIdentityOwners(trx, [orgIdentityId(orgId)], orgId);
}
