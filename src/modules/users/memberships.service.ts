import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { OrgRole } from '../../auth/roles.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  countOrgAdmins,
  deleteMembership,
  findMembership,
  findUserById,
  listMembersOfOrg,
  lockOrgAdmins,
  orgExists,
  upsertMembership,
  type OrgMember,
} from './users.repository.js';
import type { MembershipRow } from './users.table.js';

const memberView = (m: OrgMember) => ({ ...m, role: m.role as OrgRole });

export async function listMembers(db: Database, ctx: RequestContext, orgId: string) {
  requireAccess({ actor: ctx.actor, permission: 'org.members.read', ids: [orgId] });
  if (!(await orgExists(db, orgId))) throw new AppError('not_found');
  return { items: (await listMembersOfOrg(db, orgId)).map(memberView) };
}

/**
 * The names and e-mail addresses of the organisation's members, for the redaction detector (its people are sensitive
 * wherever they appear). No access check: callers have already been allowed to read one of its reports.
 */
export async function peopleOfOrg(db: Database, orgId: string): Promise<{ names: string[]; emails: string[] }> {
  const members = await listMembersOfOrg(db, orgId);
  return { names: members.map((m) => m.displayName), emails: members.map((m) => m.email) };
}

// Whoever manages people platform-wide may add anyone; an org admin only works with existing members.
const managesPeople = (actor: UserActor) => can(actor, 'user.manage');

export async function setMemberRole(db: Database, ctx: RequestContext, orgId: string, userId: string, role: OrgRole) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'org.members.manage', ids: [orgId] });
  return db.transaction().execute(async (trx) => {
    await lockOrgAdmins(trx, orgId);
    const current = await findMembership(trx, orgId, userId);
    if (current) await changeRole(trx, ctx, actor, current, role);
    else await addMember(trx, ctx, actor, { orgId, userId, role });
    const [member] = await listMembersOfOrg(trx, orgId, userId);
    if (!member) throw new AppError('not_found');
    return memberView(member);
  });
}

async function addMember(db: Database, ctx: RequestContext, actor: UserActor, input: { orgId: string; userId: string; role: OrgRole }) {
  if (!managesPeople(actor)) throw new AppError('not_found');
  if (!(await orgExists(db, input.orgId)) || !(await findUserById(db, input.userId))) throw new AppError('not_found');
  await upsertMembership(db, { user_id: input.userId, org_id: input.orgId, role: input.role, created_at: new Date().toISOString() });
  await recordAudit(db, ctx, {
    action: 'membership.added', orgId: input.orgId, targetType: 'user', targetId: input.userId, details: { role: input.role },
  });
}

async function changeRole(db: Database, ctx: RequestContext, actor: UserActor, current: MembershipRow, role: OrgRole) {
  if (current.role === role) return;
  await guardLastOrgAdmin(db, actor, current);
  await upsertMembership(db, { ...current, role });
  await recordAudit(db, ctx, {
    action: 'membership.role_changed', orgId: current.org_id, targetType: 'user', targetId: current.user_id, details: { from: current.role, to: role },
  });
}

export async function removeMember(db: Database, ctx: RequestContext, orgId: string, userId: string): Promise<void> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'org.members.manage', ids: [orgId] });
  await db.transaction().execute(async (trx) => {
    await lockOrgAdmins(trx, orgId);
    const current = await findMembership(trx, orgId, userId);
    if (!current) throw new AppError('not_found');
    await guardLastOrgAdmin(trx, actor, current);
    await deleteMembership(trx, orgId, userId);
    await recordAudit(trx, ctx, { action: 'membership.removed', orgId, targetType: 'user', targetId: userId, details: { role: current.role } });
  });
}

// An organisation run by its own admin must not lose its last one by that admin's hand;
// platform administrators may still reorganise it.
async function guardLastOrgAdmin(db: Database, actor: UserActor, current: MembershipRow): Promise<void> {
  if (current.role !== 'org_admin' || managesPeople(actor)) return;
  if ((await countOrgAdmins(db, current.org_id)) <= 1) throw new AppError('last_org_admin');
}
