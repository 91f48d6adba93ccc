import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { findUserById, listMembershipsOfUser, listRoles, updateUser } from '../modules/users/users.repository.js';
import type { RequestContext, UserActor } from './actor.js';
import { requireAccess } from './access.js';
import { insertApiToken, listApiTokens, revokeApiToken } from './auth.repository.js';
import { randomToken, seal, sha256Hex, unseal } from './crypto.js';
import { afterPasswordChange, lockPasswordOf } from './links.service.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.js';
import type { Locale, TokenScope } from './roles.js';
import { generateTotpSecret, matchTotpStep, otpauthUri } from './totp.js';

export async function describeMe(db: Database, deps: Pick<AppDeps, 'config'>, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found');
  const platformRoles = await listRoles(db, userId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale as Locale,
    platformRoles,
    memberships: await listMembershipsOfUser(db, userId),
    totpEnabled: user.totp_secret !== null,
    mfaEnrollmentRequired: !user.totp_secret && platformRoles.some((r) => (deps.config.requireTotpFor as string[]).includes(r)),
  };
}

// Account pages work for a signed-in browser session, also while two-factor enrolment is pending.
function sessionActor(ctx: RequestContext): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  if (ctx.actor.via !== 'session') throw new AppError('not_found');
  return ctx.actor;
}

export async function updateProfile(db: Database, deps: AppDeps, ctx: RequestContext, input: { displayName?: string | undefined; locale?: Locale | undefined }) {
  const actor = sessionActor(ctx);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      updated_at: new Date().toISOString(),
    });
    await recordAudit(trx, ctx, { action: 'account.profile_updated', targetType: 'user', targetId: actor.userId, details: { fields: Object.keys(input) } });
  });
  return describeMe(db, deps, actor.userId);
}

async function checkPassword(db: Database, userId: string, password: string) {
  const user = await findUserById(db, userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, password))) throw new AppError('invalid_credentials');
  return user;
}

export async function changePassword(db: Database, deps: AppDeps, ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
  const actor = sessionActor(ctx);
  const user = await checkPassword(db, actor.userId, input.currentPassword);
  assertPasswordAcceptable(input.newPassword, user.email);
  const hash = await hashPassword(deps.config.argon2, input.newPassword);
  await db.transaction().execute(async (trx) => {
    await lockPasswordOf(trx, actor.userId);
    await updateUser(trx, actor.userId, { password_hash: hash, updated_at: new Date().toISOString() });
    // A changed password must lock out whoever knew the old one or could read a reset mail sent before: the other
    // sessions end and every outstanding reset link is revoked.
    await afterPasswordChange(trx, actor.userId, actor.sessionId ?? undefined);
    await recordAudit(trx, ctx, { action: 'account.password_changed', targetType: 'user', targetId: actor.userId });
  });
}

export async function startTotpSetup(db: Database, deps: AppDeps, ctx: RequestContext) {
  const actor = sessionActor(ctx);
  const secret = generateTotpSecret();
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, { totp_pending_secret: seal(deps.secretKey, secret), updated_at: new Date().toISOString() });
    await recordAudit(trx, ctx, { action: 'account.totp_setup_started', targetType: 'user', targetId: actor.userId });
  });
  return { secret, otpauthUri: otpauthUri(secret, actor.email) };
}

export async function confirmTotp(db: Database, deps: AppDeps, ctx: RequestContext, code: string) {
  const actor = sessionActor(ctx);
  const user = await findUserById(db, actor.userId);
  if (!user?.totp_pending_secret) throw new AppError('totp_not_pending');
  const step = matchTotpStep(unseal(deps.secretKey, user.totp_pending_secret), code, Date.now());
  if (step === null) throw new AppError('invalid_totp');
  await db.transaction().execute(async (trx) => {
    const changes = { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_last_step: step };
    await updateUser(trx, actor.userId, { ...changes, updated_at: new Date().toISOString() });
    await recordAudit(trx, ctx, { action: 'account.totp_enabled', targetType: 'user', targetId: actor.userId });
  });
}

export async function disableTotp(db: Database, deps: AppDeps, ctx: RequestContext, password: string) {
  const actor = sessionActor(ctx);
  await checkPassword(db, actor.userId, password);
  if (actor.platformRoles.size > 0 && [...actor.platformRoles].some((r) => deps.config.requireTotpFor.includes(r))) {
    throw new AppError('mfa_enrollment_required');
  }
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, { totp_secret: null, totp_pending_secret: null, updated_at: new Date().toISOString() });
    await recordAudit(trx, ctx, { action: 'account.totp_disabled', targetType: 'user', targetId: actor.userId });
  });
}

const tokenView = (row: { id: string; name: string; scopes: string; created_at: string; expires_at: string; last_used_at: string | null }) => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes.split(',') as TokenScope[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
});

export async function listTokens(db: Database, ctx: RequestContext) {
  const actor = sessionActor(ctx);
  return { items: (await listApiTokens(db, actor.userId)).map(tokenView) };
}

export interface NewTokenInput {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

export async function createToken(db: Database, ctx: RequestContext, input: NewTokenInput) {
  const actor = sessionActor(ctx);
  requireAccess({ actor, permission: 'account.manage' });
  return issueToken(db, ctx, actor.userId, input);
}

// Also used by the CLI (`anshin token create`), where the operator of the machine is the actor.
export async function issueToken(db: Database, ctx: RequestContext, userId: string, input: NewTokenInput) {
  const token = `ash_${randomToken(32)}`;
  const now = new Date();
  const scopes: TokenScope[] = input.scopes.includes('write') ? ['read', 'write'] : ['read'];
  const row = {
    id: randomUUID(),
    user_id: userId,
    name: input.name,
    token_hash: sha256Hex(token),
    scopes: scopes.join(','),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await recordAudit(trx, ctx, { action: 'account.token_created', targetType: 'api_token', targetId: row.id, details: { name: row.name, scopes, userId } });
  });
  return { token, item: tokenView(row) };
}

export async function deleteToken(db: Database, ctx: RequestContext, id: string) {
  const actor = sessionActor(ctx);
  await db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, actor.userId, id, new Date().toISOString()))) throw new AppError('not_found');
    await recordAudit(trx, ctx, { action: 'account.token_revoked', targetType: 'api_token', targetId: id });
  });
}
