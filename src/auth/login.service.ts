import type { Database } from '../db/database.js';
import { lockForWrite } from '../db/write-lock.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { claimTotpStep, findUserByEmail } from '../modules/users/users.repository.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { RequestContext } from './actor.js';
import {
  countLoginAttempts,
  deleteExpiredSessions,
  deleteLoginAttempt,
  deleteLoginAttempts,
  deleteLoginAttemptsUpTo,
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
  const attempt = await admitAttempt(db, deps, ctx, input.email, now);
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash(deps.config.argon2)), input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await recordFailure(db, ctx, input.email, user ?? null, 'password');
    throw new AppError('invalid_credentials');
  }
  if (user.totp_secret) {
    if (!input.totpCode) {
      // The right password without a code yet is no failure: the attempt is withdrawn.
      await deleteLoginAttempt(db, attempt);
      throw new AppError('totp_required');
    }
    const step = matchTotpStep(unseal(deps.secretKey, user.totp_secret), input.totpCode, now);
    if (step === null || !(await claimTotpStep(db, user.id, step))) {
      await recordFailure(db, ctx, input.email, user, 'totp');
      throw new AppError('invalid_totp');
    }
  }
  return db.transaction().execute(async (trx) => {
    // A success clears this attempt and the failures before it; attempts still running beside it keep counting.
    await deleteLoginAttemptsUpTo(trx, failKey(input.email), attempt);
    const session = await createSession(trx, deps, { userId: user.id, ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(trx, ctx, { action: 'auth.login', actorUserId: user.id, targetType: 'user', targetId: user.id });
    return { userId: user.id, sessionToken: session.token, csrfToken: session.csrfToken };
  });
}

/**
 * The limits, applied before the password is checked. Each attempt is recorded as it is admitted, in the same step
 * as the count (takeAttempt), so simultaneous attempts are counted exactly, also across processes: at most
 * LOGIN_RATE_PER_IP_PER_MINUTE per client address, and at most LOGIN_MAX_FAILURES password checks per e-mail address
 * in LOGIN_LOCKOUT_MINUTES. An attempt for an e-mail address counts as a failure from the start, while its password
 * is being checked, and stays one unless it succeeds. Answers the id of that attempt.
 */
async function admitAttempt(db: Database, deps: AppDeps, ctx: RequestContext, email: string, now: number): Promise<number> {
  const { loginRatePerIpPerMinute, loginMaxFailures, loginLockoutMinutes } = deps.config;
  const at = new Date(now).toISOString();
  const minuteAgo = new Date(now - 60_000).toISOString();
  if ((await takeAttempt(db, { key: ipKey(ctx.ip), since: minuteAgo, limit: loginRatePerIpPerMinute, at })) === null) {
    throw new AppError('rate_limited');
  }
  const windowStart = new Date(now - loginLockoutMinutes * 60_000).toISOString();
  const attempt = await takeAttempt(db, { key: failKey(email), since: windowStart, limit: loginMaxFailures, at });
  if (attempt === null) {
    const last = (await latestLoginAttempt(db, failKey(email))) ?? at;
    const minutes = Math.max(1, Math.ceil((Date.parse(last) + loginLockoutMinutes * 60_000 - now) / 60_000));
    throw new AppError('account_locked', { minutes });
  }
  if (await pruneAttemptsNowAndThen(db, now)) await deleteExpiredSessions(db, at);
  return attempt;
}

// The attempt itself is already counted (admitAttempt); this records the failure in the audit trail.
async function recordFailure(db: Database, ctx: RequestContext, email: string, user: UserRow | null, factor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx, {
      action: 'auth.login_failed',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      details: { email: email.toLowerCase().slice(0, 254), factor },
    });
  });
}

/**
 * Counts the attempts under a key since a time and, when fewer than the limit, records one more, as one step: answers
 * the new attempt's id, or null when the limit is reached (then nothing is recorded). Simultaneous requests cannot all
 * see the count from before the others, in this process or another: on PostgreSQL a transaction-level lock on the key
 * makes them take turns across processes; on SQLite the single connection already runs one transaction at a time.
 */
export async function takeAttempt(db: Database, input: { key: string; since: string; limit: number; at: string }): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, `anshin.attempts.${input.key}`);
    if ((await countLoginAttempts(trx, input.key, input.since)) >= input.limit) return null;
    return insertLoginAttempt(trx, input.key, input.at);
  });
}

/** Housekeeping now and then, by whichever process happens to serve a request that records attempts. */
export async function pruneAttemptsNowAndThen(db: Database, now: number): Promise<boolean> {
  if (Math.random() >= 0.01) return false;
  // The longest window is the lockout's, at most a day (LOGIN_LOCKOUT_MINUTES).
  await pruneLoginAttempts(db, new Date(now - 86_400_000).toISOString());
  return true;
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
