import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { lockForWrite } from '../db/write-lock.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { renderMail } from '../i18n/mail-templates.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { queueMail } from '../modules/mail/mail.service.js';
import { countUsers, findUserByEmail, findUserById, insertUser, replaceRoles, updateUser, upsertMembership } from '../modules/users/users.repository.js';
import type { RequestContext } from './actor.js';
import { deleteSessionsOfUser, expireLinks, expireLinksOfUser, findUsableLink, insertLink, markLinkUsed } from './auth.repository.js';
import { randomToken, sha256Hex } from './crypto.js';
import { assertPasswordAcceptable, hashPassword } from './password.js';
import type { Locale } from './roles.js';
import { createSession } from './session.service.js';
import { pruneAttemptsNowAndThen, takeAttempt, unlockAccount, type SignedIn } from './login.service.js';

export type LinkKind = 'setup' | 'invite' | 'reset';

export interface InvitePayload {
  platformRoles?: string[];
  orgId?: string | null;
  orgRole?: string | null;
}

export async function createLink(
  db: Database,
  input: { kind: LinkKind; email: string | null; userId: string | null; payload?: object; createdBy: string | null; ttlHours: number },
): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = randomToken();
  const now = new Date();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000).toISOString();
  await insertLink(db, {
    id,
    token_hash: sha256Hex(token),
    kind: input.kind,
    email: input.email,
    user_id: input.userId,
    payload: JSON.stringify(input.payload ?? {}),
    created_by: input.createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  return { id, token, expiresAt };
}

export const linkUrl = (baseUrl: string, kind: LinkKind, token: string): string => `${baseUrl}/${kind}#token=${token}`;

export async function inspectLink(db: Database, token: string): Promise<{ kind: LinkKind; email: string | null }> {
  const link = await findUsableLink(db, sha256Hex(token), new Date().toISOString());
  if (!link) throw new AppError('link_invalid');
  return { kind: link.kind as LinkKind, email: link.email };
}

async function consumeLink(db: Database, token: string, kind: LinkKind) {
  const now = new Date().toISOString();
  const link = await findUsableLink(db, sha256Hex(token), now);
  if (!link || link.kind !== kind || !(await markLinkUsed(db, link.id, now))) throw new AppError('link_invalid');
  return link;
}

// On a fresh install: a one-time link to create the first administrator. Returns null once anyone exists.
export async function ensureSetupLink(db: Database, deps: Pick<AppDeps, 'config'>): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  return db.transaction().execute(async (trx) => {
    await expireLinks(trx, 'setup', new Date().toISOString());
    const link = await createLink(trx, { kind: 'setup', email: null, userId: null, createdBy: null, ttlHours: deps.config.linkTtlHours });
    return linkUrl(deps.config.baseUrl, 'setup', link.token);
  });
}

export interface NewAccountInput {
  token: string;
  displayName: string;
  password: string;
  locale: Locale;
  userAgent: string | null;
}

export async function completeSetup(db: Database, deps: AppDeps, ctx: RequestContext, input: NewAccountInput & { email: string }): Promise<SignedIn> {
  assertPasswordAcceptable(input.password, input.email);
  const passwordHash = await hashPassword(deps.config.argon2, input.password);
  return db.transaction().execute(async (trx) => {
    await consumeLink(trx, input.token, 'setup');
    if ((await countUsers(trx)) > 0) throw new AppError('setup_done');
    const userId = await insertAccount(trx, { ...input, passwordHash, platformRoles: ['administrator'] });
    await recordAudit(trx, ctx, { action: 'auth.setup', actorUserId: userId, targetType: 'user', targetId: userId });
    return signIn(trx, deps, ctx, userId, input.userAgent);
  });
}

export async function acceptInvitation(db: Database, deps: AppDeps, ctx: RequestContext, input: NewAccountInput): Promise<SignedIn> {
  const preview = await inspectLink(db, input.token);
  if (preview.kind !== 'invite' || !preview.email) throw new AppError('link_invalid');
  assertPasswordAcceptable(input.password, preview.email);
  const passwordHash = await hashPassword(deps.config.argon2, input.password);
  return db.transaction().execute(async (trx) => {
    const link = await consumeLink(trx, input.token, 'invite');
    const email = link.email ?? '';
    if (await findUserByEmail(trx, email)) throw new AppError('email_taken');
    const payload = JSON.parse(link.payload) as InvitePayload;
    const userId = await insertAccount(trx, { ...input, email, passwordHash, platformRoles: payload.platformRoles ?? [] });
    if (payload.orgId && payload.orgRole) {
      await upsertMembership(trx, { user_id: userId, org_id: payload.orgId, role: payload.orgRole, created_at: new Date().toISOString() });
    }
    await recordAudit(trx, ctx, {
      action: 'user.invitation_accepted',
      actorUserId: userId,
      orgId: payload.orgId ?? null,
      targetType: 'user',
      targetId: userId,
      details: { invitedBy: link.created_by },
    });
    return signIn(trx, deps, ctx, userId, input.userAgent);
  });
}

async function insertAccount(
  db: Database,
  input: { email: string; displayName: string; locale: Locale; passwordHash: string; platformRoles: string[] },
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await insertUser(db, {
    id,
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    locale: input.locale,
    password_hash: input.passwordHash,
    status: 'active',
    totp_secret: null,
    totp_pending_secret: null,
    created_at: now,
    updated_at: now,
  });
  await replaceRoles(db, id, input.platformRoles);
  return id;
}

async function signIn(db: Database, deps: AppDeps, ctx: RequestContext, userId: string, userAgent: string | null): Promise<SignedIn> {
  const session = await createSession(db, deps, { userId, ip: ctx.ip, userAgent });
  return { userId, sessionToken: session.token, csrfToken: session.csrfToken };
}

/**
 * Changes of one user's password, and the reset links issued for it, take turns (on PostgreSQL also across
 * processes; on SQLite the single connection serialises transactions anyway): a link is either issued before a change
 * and revoked by it, or issued after it.
 */
export async function lockPasswordOf(trx: Database, userId: string): Promise<void> {
  await lockForWrite(trx, `anshin.password.${userId}`);
}

/**
 * After any change of a user's password (a reset, or a change on the account page): every reset link still
 * outstanding is revoked, and the user's other sessions end. Inside the change's transaction, after lockPasswordOf.
 */
export async function afterPasswordChange(trx: Database, userId: string, keepSessionId?: string): Promise<void> {
  await expireLinksOfUser(trx, userId, 'reset', new Date().toISOString());
  await deleteSessionsOfUser(trx, userId, keepSessionId);
}

/**
 * Always answers the same, whether or not the address is registered, and whether or not a limit holds the request
 * back: a request over PASSWORD_RESET_PER_IP_PER_HOUR (per client address) or PASSWORD_RESET_PER_EMAIL_PER_HOUR (per
 * e-mail address, known or not) just sends nothing. The counts are kept in the database, shared by every process.
 */
export async function requestPasswordReset(db: Database, deps: AppDeps, ctx: RequestContext, email: string): Promise<void> {
  const now = Date.now();
  const window = { since: new Date(now - 3_600_000).toISOString(), at: new Date(now).toISOString() };
  const { passwordResetPerIpPerHour, passwordResetPerEmailPerHour } = deps.config;
  if ((await takeAttempt(db, { key: `reset-ip:${ctx.ip ?? 'unknown'}`, limit: passwordResetPerIpPerHour, ...window })) === null) return;
  if ((await takeAttempt(db, { key: `reset-email:${email.toLowerCase()}`, limit: passwordResetPerEmailPerHour, ...window })) === null) return;
  await pruneAttemptsNowAndThen(db, now);
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== 'active') return;
  await sendPasswordReset(db, deps, ctx, user.id);
}

export async function sendPasswordReset(db: Database, deps: AppDeps, ctx: RequestContext, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockPasswordOf(trx, userId);
    const user = await findUserById(trx, userId);
    if (!user) throw new AppError('not_found');
    const ttlHours = Math.min(deps.config.linkTtlHours, 24);
    const link = await createLink(trx, { kind: 'reset', email: user.email, userId: user.id, createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, ttlHours });
    const mail = renderMail('reset', user.locale as Locale, { link: linkUrl(deps.config.baseUrl, 'reset', link.token), hours: ttlHours });
    await queueMail(trx, { to: user.email, ...mail });
    await recordAudit(trx, ctx, { action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id });
  });
  await deps.mailer.flush(db);
}

export async function completePasswordReset(db: Database, deps: AppDeps, ctx: RequestContext, input: { token: string; password: string }): Promise<void> {
  const preview = await inspectLink(db, input.token);
  if (preview.kind !== 'reset' || !preview.email) throw new AppError('link_invalid');
  assertPasswordAcceptable(input.password, preview.email);
  const passwordHash = await hashPassword(deps.config.argon2, input.password);
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const link = await findUsableLink(trx, sha256Hex(input.token), now);
    if (!link || link.kind !== 'reset' || !link.user_id) throw new AppError('link_invalid');
    // Taken before the link is marked used: of two links of one user used at once, the second finds itself revoked.
    await lockPasswordOf(trx, link.user_id);
    if (!(await markLinkUsed(trx, link.id, now))) throw new AppError('link_invalid');
    await updateUser(trx, link.user_id, { password_hash: passwordHash, updated_at: now });
    await afterPasswordChange(trx, link.user_id);
    // Whoever can read the mailbox may sign in again at once: the reset also lifts a lockout.
    if (link.email) await unlockAccount(trx, link.email);
    await recordAudit(trx, ctx, { action: 'auth.password_reset', actorUserId: link.user_id, targetType: 'user', targetId: link.user_id });
  });
}
