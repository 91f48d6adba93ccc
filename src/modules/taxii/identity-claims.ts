// Who may name which identity as the creator (created_by_ref) of what they store. An identity belongs to whoever it
// was given to: the desk's identity (the one advisories are published under) to the coordinators, each member
// organisation's identity (stix/org-identity.ts) to that organisation, the sources the operator gave a reliability
// (CONFIDENCE_RELIABILITY) to the desk as well. A member claiming another's identity would
// borrow its trust (the confidence of correlation follows the creator) and could version the desk's objects, which
// versioning allows only to their creator; the store refuses such objects one by one. Identities nobody registered
// (a member's own vendors, say) may be named by anyone, as before.
import { can } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { getSetting } from '../../db/settings.repository.js';
import { listOrgsAsOperator } from '../orgs/orgs.service.js';
import { orgIdentityId } from '../stix/org-identity.js';

const DESK = null; // the owner of the desk's identity

/** A predicate over identity ids for this caller, or undefined when the caller may name any (the desk, the system). */
export async function identityClaims(
  db: Database, request: RequestContext, trustedSources: readonly string[],
): Promise<((identityId: string) => boolean) | undefined> {
  const { actor } = request;
  if (actor.kind !== 'user' || can(actor, 'stix.publish')) return undefined;
  const owners = new Map<string, string | typeof DESK>();
  const desk = await getSetting(db, 'sharing.desk_identity');
  if (desk) owners.set((JSON.parse(desk) as { id: string }).id, DESK);
  for (const source of trustedSources) owners.set(source, DESK); // registered by the operator, with the trust it earns
  for (const org of (await listOrgsAsOperator(db, {})).items) owners.set(orgIdentityId(org.id), org.id);
  return (identityId) => {
    if (!owners.has(identityId)) return true;
    const owner = owners.get(identityId);
    return owner !== DESK && owner !== undefined && actor.orgRoles.has(owner);
  };
}
