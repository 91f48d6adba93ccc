import { AppError } from '../errors.js';
import type { Actor, UserActor } from './actor.js';
import type { PlatformRole } from './roles.js';

// Every permission in the platform and who holds it. Deny by default: a permission not listed here
// cannot be granted, and a rule that does not return true denies.
type Rule = (actor: UserActor, id: string | undefined) => boolean;

const isAdmin: Rule = (a) => a.platformRoles.has('administrator');
const any = (...rules: Rule[]): Rule => (a, id) => rules.some((rule) => rule(a, id));
const memberOf: Rule = (a, id) => id !== undefined && a.orgRoles.has(id);
const orgAdminOf: Rule = (a, id) => id !== undefined && a.orgRoles.get(id) === 'org_admin';
const role = (name: PlatformRole): Rule => (a) => a.platformRoles.has(name);
const signedIn: Rule = () => true;

export const PERMISSIONS = {
  'account.manage': signedIn,
  // Browsing threat intelligence: what is visible is then decided per collection, as for TAXII.
  'stix.browse': signedIn,
  'org.list': signedIn,
  'org.read': any(isAdmin, role('coordinator'), role('auditor'), memberOf),
  'org.create': isAdmin,
  'org.update': any(isAdmin, orgAdminOf),
  'org.set-status': isAdmin,
  'org.members.read': any(isAdmin, role('coordinator'), orgAdminOf),
  'org.members.manage': any(isAdmin, orgAdminOf),
  'user.read': isAdmin,
  'user.manage': isAdmin,
  'user.invite': isAdmin,
  'audit.read': any(isAdmin, role('auditor')),
  // Every ledger entry's event (anyone may read hashes and proofs; members read events about their organisation).
  'ledger.read-all': any(isAdmin, role('coordinator'), role('auditor')),
  'outbox.read': isAdmin,
  // STIX store and TAXII. Membership rules (an active organisation, its sharing groups) are applied
  // with the data in modules/taxii/collection-access.ts; these are the role-based parts.
  'stix.community.read': any(isAdmin, role('coordinator'), role('auditor'), role('responder')),
  'stix.audiences.read': role('coordinator'), // every sharing group, feed and inbox
  'stix.publish': role('coordinator'), // write to the community, public, group and feed collections
  'stix.inbox.submit': memberOf, // an organisation's members write to its inbox
  'taxii.status.read-all': role('coordinator'),
  'sharing-group.list': signedIn, // members see the groups their organisations are in
  'sharing-group.read-all': any(isAdmin, role('coordinator')),
  'sharing-group.manage': any(isAdmin, role('coordinator')),
  // Redaction review and publication of advisories: the coordinator desk's work.
  'sharing.review': role('coordinator'),
  'sharing.publish': role('coordinator'),
  'notifications.read': signedIn, // what was addressed to the caller's own organisations
  // Incident reports. The id is the reporting organisation's: its members and org admins see and
  // write its reports; coordinators see every submitted report and work the cases.
  'report.read': any(role('coordinator'), memberOf),
  'report.write': memberOf,
  'report.triage': role('coordinator'),
  'report.regimes.read': any(role('coordinator'), memberOf),
  'report.regimes.manage': orgAdminOf,
  // Correlation: campaign candidates and over-correlating values; members sight indicators for their organisation.
  'correlation.review': role('coordinator'),
  'sighting.create': memberOf,
  // Mutual aid. The id is the requesting organisation's: its members ask for help and work the case with
  // the responder; responders keep their own profile and answer offers (which requests they see is decided
  // with the data: offered or assigned to them); coordinators vet, offer and see every request.
  'aid.request.create': memberOf,
  'aid.request.read': any(role('coordinator'), memberOf),
  'aid.desk': role('coordinator'),
  'aid.responder': role('responder'),
  'aid.metrics.read': any(role('coordinator'), role('auditor')),
  // Dashboards (issue 7): each role's home, the community picture (aggregates under k) for everyone signed in.
  'dashboard.member': memberOf,
  'dashboard.coordinator': role('coordinator'),
  'dashboard.responder': role('responder'),
  'dashboard.community': signedIn,
  // Assets and vulnerabilities (issue 20). The id is the organisation's: its members and org admins keep its
  // inventory and work its findings. Coordinators may read assets an organisation shares with the desk (decided
  // per asset with the data, in vulns/assets.service.ts), and the community's counts under k.
  'asset.read': any(memberOf, role('coordinator')),
  'asset.write': memberOf,
  'finding.read': memberOf,
  'finding.write': memberOf,
  'vulns.summary': role('coordinator'),
  // The public contact directory: anyone reads it; the coordinator desk curates it.
  'directory.manage': role('coordinator'),
} satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission, id?: string): boolean {
  return actor.kind === 'user' && !actor.mfaEnrollmentRequired && PERMISSIONS[permission](actor, id);
}

/**
 * Checks a permission for the actor, on each of the given object ids at once (or globally when no
 * ids are given). A denial is indistinguishable from "not found" so that nothing leaks that a thing exists.
 */
export function requireAccess(input: { actor: Actor; permission: Permission; ids?: readonly string[] }): UserActor {
  const { actor, permission, ids } = input;
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (actor.mfaEnrollmentRequired) throw new AppError('mfa_enrollment_required');
  const targets = ids === undefined ? [undefined] : ids;
  if (!targets.every((id) => PERMISSIONS[permission](actor, id))) throw new AppError('not_found');
  return actor;
}
