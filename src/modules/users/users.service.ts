import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import { deleteSessionsOfUser } from '../../auth/auth.repository.js';
import { createLink, linkUrl, sendPasswordReset } from '../../auth/links.service.js';
import { lockedUntil, unlockAccount } from '../../auth/login.service.js';
import type { Locale, OrgRole, PlatformRole } from '../../auth/roles.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  countUsersWithRole,
  findUserByEmail,
  findUserById,
  insertUser,
  listMembershipsOfUser,
  listRoles,
  listRolesOfUsers,
  lockActiveRoleHolders,
  replaceRoles,
  searchUsers,
  updateUser,
} from './users.repository.js';
import type { UserRow } from './users.table.js';

const LIST_LIMIT = 500;

export interface UserPatch {
  displayName?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  platformRoles?: PlatformRole[] | undefined;
}

const summaryOf = (row: UserRow, roles: readonly string[]) => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  locale: row.locale as Locale,
  status: row.status as 'active' | 'disabled',
  platformRoles: roles as PlatformRole[],
  createdAt: row.created_at,
});

export async function listUsers(db: Database, ctx: RequestContext, query: { q?: string | undefined }) {
  requireAccess({ actor: ctx.actor, permission: 'user.read' });
  return { items: await findUsers(db, query) };
}

// Also used by the CLI (`anshin user list`).
export async function findUsers(db: Database, query: { q?: string | undefined }) {
  const rows = await searchUsers(db, { q: query.q?.trim(), limit: LIST_LIMIT });
  const roles = await listRolesOfUsers(db, rows.map((row) => row.id));
  return rows.map((row) => summaryOf(row, roles.get(row.id) ?? []));
}

export async function getUser(db: Database, deps: AppDeps, ctx: RequestContext, id: string) {
  requireAccess({ actor: ctx.actor, permission: 'user.read' });
  return describeUser(db, deps, id);
}

async function describeUser(db: Database, deps: AppDeps, id: string) {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('not_found');
  const memberships = await listMembershipsOfUser(db, id);
  return {
    ...summaryOf(user, await listRoles(db, id)),
    memberships: memberships.map((m) => ({ ...m, role: m.role as OrgRole })),
    totpEnabled: user.totp_secret !== null,
    lockedUntil: await lockedUntil(db, deps, user.email),
  };
}

export async function updateUserAccount(db: Database, deps: AppDeps, ctx: RequestContext, id: string, patch: UserPatch) {
  requireAccess({ actor: ctx.actor, permission: 'user.manage' });
  await db.transaction().execute(async (trx) => {
    await lockActiveRoleHolders(trx, 'administrator');
    const user = await findUserById(trx, id);
    if (!user) throw new AppError('not_found');
    const roles = await listRoles(trx, id);
    await guardLastAdministrator(trx, user, roles, patch);
    await applyDetails(trx, ctx, user, patch);
    await applyRoles(trx, ctx, user.id, roles, patch.platformRoles);
    if (patch.status === 'disabled' && user.status !== 'disabled') await disableUser(trx, ctx, user.id);
  });
  return describeUser(db, deps, id);
}

// The platform must keep someone who can manage it: the last active administrator keeps the role.
async function guardLastAdministrator(db: Database, user: UserRow, roles: readonly string[], patch: UserPatch): Promise<void> {
  const isActiveAdministrator = user.status === 'active' && roles.includes('administrator');
  const losesRole = patch.platformRoles !== undefined && !patch.platformRoles.includes('administrator');
  if (!isActiveAdministrator || !(losesRole || patch.status === 'disabled')) return;
  if ((await countUsersWithRole(db, 'administrator')) <= 1) throw new AppError('last_administrator');
}

async function applyDetails(db: Database, ctx: RequestContext, user: UserRow, patch: UserPatch): Promise<void> {
  const changes: Record<string, { from: string; to: string }> = {};
  if (patch.displayName !== undefined && patch.displayName !== user.display_name) {
    changes.displayName = { from: user.display_name, to: patch.displayName };
  }
  if (patch.status === 'active' && user.status !== 'active') changes.status = { from: user.status, to: 'active' };
  if (Object.keys(changes).length === 0) return;
  await updateUser(db, user.id, {
    display_name: changes.displayName?.to ?? user.display_name,
    status: changes.status?.to ?? user.status,
    updated_at: new Date().toISOString(),
  });
  await recordAudit(db, ctx, { action: 'user.updated', targetType: 'user', targetId: user.id, details: { changes } });
}

async function applyRoles(db: Database, ctx: RequestContext, userId: string, from: readonly string[], to: readonly string[] | undefined): Promise<void> {
  if (to === undefined) return;
  const sorted = [...to].sort();
  if (sorted.length === from.length && sorted.every((role) => from.includes(role))) return;
  await replaceRoles(db, userId, sorted);
  await recordAudit(db, ctx, { action: 'user.roles_changed', targetType: 'user', targetId: userId, details: { from, to: sorted } });
}

// A disabled user's sessions end now; their API tokens stay but stop working while the account is disabled.
async function disableUser(db: Database, ctx: RequestContext, userId: string): Promise<void> {
  await updateUser(db, userId, { status: 'disabled', updated_at: new Date().toISOString() });
  await deleteSessionsOfUser(db, userId);
  await recordAudit(db, ctx, { action: 'user.disabled', targetType: 'user', targetId: userId });
}

export async function unlockUser(db: Database, ctx: RequestContext, id: string): Promise<void> {
  requireAccess({ actor: ctx.actor, permission: 'user.manage' });
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user) throw new AppError('not_found');
    await unlockAccount(trx, user.email);
    await recordAudit(trx, ctx, { action: 'user.unlocked', targetType: 'user', targetId: user.id });
  });
}

export async function resetUserPassword(db: Database, deps: AppDeps, ctx: RequestContext, id: string): Promise<void> {
  requireAccess({ actor: ctx.actor, permission: 'user.manage' });
  await sendPasswordReset(db, deps, ctx, id);
}

/**
 * The machine operator's way in (`anshin admin create`): an active administrator without a password,
 * and a one-time link to set one. There is no default password, ever.
 */
export async function createAdministrator(
  db: Database,
  deps: Pick<AppDeps, 'config'>,
  ctx: RequestContext,
  input: { email: string; displayName: string; locale: Locale },
): Promise<{ userId: string; link: string; expiresAt: string }> {
  const email = input.email.toLowerCase();
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new AppError('email_taken');
    const userId = randomUUID();
    const now = new Date().toISOString();
    await insertUser(trx, {
      id: userId, email, display_name: input.displayName, locale: input.locale, password_hash: null, status: 'active',
      totp_secret: null, totp_pending_secret: null, created_at: now, updated_at: now,
    });
    await replaceRoles(trx, userId, ['administrator']);
    const link = await createLink(trx, { kind: 'reset', email, userId, createdBy: null, ttlHours: deps.config.linkTtlHours });
    await recordAudit(trx, ctx, { action: 'user.created', targetType: 'user', targetId: userId, details: { platformRoles: ['administrator'] } });
    return { userId, link: linkUrl(deps.config.baseUrl, 'reset', link.token), expiresAt: link.expiresAt };
  });
}

// For the CLI (`anshin token create --user EMAIL`): the account a token is issued to.
export async function requireActiveUserByEmail(db: Database, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== 'active') throw new AppError('not_found');
  return user;
}
