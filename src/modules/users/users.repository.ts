import type { Database } from '../../db/database.js';
import type { NewUserRow, UserRow, UsersTable } from './users.table.js';
import type { Updateable } from 'kysely';

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
