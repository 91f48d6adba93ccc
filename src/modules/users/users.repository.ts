import type { Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import { ilikeContains } from '../../db/like.js';
import type { MembershipRow, NewUserRow, UserRow, UsersTable } from './users.table.js';

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Database, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Database, id: string, changes: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function countUsers(db: Database): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listRoles(db: Database, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function replaceRoles(db: Database, userId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function countUsersWithRole(db: Database, role: string): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MembershipWithOrg {
  orgId: string;
  orgNameJa: string;
  orgNameEn: string;
  role: string;
}

export async function listMembershipsOfUser(db: Database, userId: string): Promise<MembershipWithOrg[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
    .select(['memberships.org_id as orgId', 'organisations.name_ja as orgNameJa', 'organisations.name_en as orgNameEn', 'memberships.role as role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name_en')
    .execute();
}

export async function upsertMembership(db: Database, row: { user_id: string; org_id: string; role: string; created_at: string }): Promise<void> {
  await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function searchUsers(db: Database, options: { q?: string | undefined; limit: number }): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll();
  if (options.q) {
    const q = options.q;
    query = query.where((eb) => eb.or([ilikeContains('email', q), ilikeContains('display_name', q)]));
  }
  return query.orderBy('email').limit(options.limit).execute();
}

export async function listRolesOfUsers(db: Database, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const roles = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return roles;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const row of rows) roles.get(row.user_id)?.push(row.role);
  return roles;
}

// Takes write locks on the rows of every active holder of a role (a no-op update works on both
// databases), so that two concurrent demotions cannot each see the other as "the one who remains".
export async function lockActiveRoleHolders(db: Database, role: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('status', '=', 'active')
    .where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role))
    .execute();
}

export async function orgExists(db: Database, orgId: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst()) !== undefined;
}

export async function findMembership(db: Database, orgId: string, userId: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
}

export interface OrgMember {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: string;
}

export async function listMembersOfOrg(db: Database, orgId: string, userId?: string): Promise<OrgMember[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email as email', 'users.display_name as displayName', 'memberships.role as role', 'memberships.created_at as createdAt'])
    .where('memberships.org_id', '=', orgId);
  if (userId) query = query.where('memberships.user_id', '=', userId);
  return query.orderBy('users.display_name').orderBy('users.email').execute();
}

export async function deleteMembership(db: Database, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

// Locks the organisation's admin memberships for the rest of the transaction (see lockActiveRoleHolders).
export async function lockOrgAdmins(db: Database, orgId: string): Promise<void> {
  await db.updateTable('memberships').set((eb) => ({ role: eb.ref('role') })).where('org_id', '=', orgId).where('role', '=', 'org_admin').execute();
}

export async function countOrgAdmins(db: Database, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'org_admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Records a TOTP step as used; false when that step (or a later one) was used already.
export async function claimTotpStep(db: Database, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
