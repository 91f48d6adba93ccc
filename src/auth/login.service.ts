import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { claimTotpStep, findUserByEmail } from '../modules/users/users.repository.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { RequestContext } from './actor.js';
import {
  countLoginAttempts,
  deleteExpiredSessions,
  deleteLoginAttempts,
  deleteSession,
  insertLoginAttempt,
  latestLoginAttempt,
  pruneLoginAttempts,
} from './auth.repository.js';
import { unseal } from './crypto.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession } from './session.service.js';
import { matchTotpStep } from './totp.js';

export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string | undefined;
  userAgent: string | null;
}

export interface SignedIn {
  userId: string;
  sessionToken: string;
  csrfToken: string;
}

const ipKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;
// Failures are counted per e-mail whether or not the account exists, so a lockout reveals nothing.
const failKey = (email: string) => `fail:${email.toLowerCase()}`;

export async function login(db: Database, deps: AppDeps, ctx: RequestContext, input: LoginInput): Promise<SignedIn> {
  const now = Date.now();
  await enforceLimits(db, deps, ctx, input.email, now);
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash(deps.config.argon2)), input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await recordFailure(db, ctx, input.email, user ?? null, 'password');
    throw new AppError('invalid_credentials');
  }
  if (user.totp_secret) {
    if (!input.totpCode) throw new AppError('totp_required');
    const step = matchTotpStep(unseal(deps.secretKey, user.totp_secret), input.totpCode, now);
    if (step === null || !(await claimTotpStep(db, user.id, step))) {
      await recordFailure(db, ctx, input.email, user, 'totp');
      throw new AppError('invalid_totp');
    }
  }
  return db.transaction().execute(async (trx) => {
    await deleteLoginAttempts(trx, failKey(input.email));
    const session = await createSession(trx, deps, { userId: user.id, ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(trx, ctx, { action: 'auth.login', actorUserId: user.id, targetType: 'user', targetId: user.id });
    return { userId: user.id, sessionToken: session.token, csrfToken: session.csrfToken };
  });
}

async function enforceLimits(db: Database, deps: AppDeps, ctx: RequestContext, email: string, now: number): Promise<void> {
  const { loginRatePerIpPerMinute, loginMaxFailures, loginLockoutMinutes } = deps.config;
  const minuteAgo = new Date(now - 60_000).toISOString();
  if ((await countLoginAttempts(db, ipKey(ctx.ip), minuteAgo)) >= loginRatePerIpPerMinute) throw new AppError('rate_limited');
  await insertLoginAttempt(db, ipKey(ctx.ip), new Date(now).toISOString());
  const windowStart = new Date(now - loginLockoutMinutes * 60_000).toISOString();
  if ((await countLoginAttempts(db, failKey(email), windowStart)) >= loginMaxFailures) {
    const last = (await latestLoginAttempt(db, failKey(email))) ?? new Date(now).toISOString();
    const minutes = Math.max(1, Math.ceil((Date.parse(last) + loginLockoutMinutes * 60_000 - now) / 60_000));
    throw new AppError('account_locked', { minutes });
  }
  if (Math.random() < 0.01) {
    // Housekeeping now and then, by whichever process happens to serve a sign-in.
    await pruneLoginAttempts(db, new Date(now - 86_400_000).toISOString());
    await deleteExpiredSessions(db, new Date(now).toISOString());
  }
}

async function recordFailure(db: Database, ctx: RequestContext, email: string, user: UserRow | null, factor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertLoginAttempt(trx, failKey(email), new Date().toISOString());
    await recordAudit(trx, ctx, {
      action: 'auth.login_failed',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      details: { email: email.toLowerCase().slice(0, 254), factor },
    });
  });
}

export async function lockedUntil(db: Database, deps: AppDeps, email: string): Promise<string | null> {
  const now = Date.now();
  const windowStart = new Date(now - deps.config.loginLockoutMinutes * 60_000).toISOString();
  if ((await countLoginAttempts(db, failKey(email), windowStart)) < deps.config.loginMaxFailures) return null;
  const last = await latestLoginAttempt(db, failKey(email));
  return last ? new Date(Date.parse(last) + deps.config.loginLockoutMinutes * 60_000).toISOString() : null;
}

export async function unlockAccount(db: Database, email: string): Promise<void> {
  await deleteLoginAttempts(db, failKey(email));
}

export async function logout(db: Database, ctx: RequestContext): Promise<void> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.sessionId) return;
  const { sessionId } = ctx.actor;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
  });
}
