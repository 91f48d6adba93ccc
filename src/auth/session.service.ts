import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { findUserById, listMembershipsOfUser, listRoles } from '../modules/users/users.repository.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { UserActor } from './actor.js';
import { findActiveApiToken, findSession, insertSession, touchApiToken, touchSession } from './auth.repository.js';
import { randomToken, sha256Hex } from './crypto.js';
import type { Locale, OrgRole, PlatformRole, TokenScope } from './roles.js';

const TOUCH_INTERVAL_MS = 60_000;

export async function buildActor(
  db: Database,
  deps: Pick<AppDeps, 'config'>,
  user: UserRow,
  auth: { via: 'session' | 'token'; scopes: readonly TokenScope[]; sessionId: string | null },
): Promise<UserActor> {
  // Side by side: on PostgreSQL two connections of the pool answer at once (one round trip instead of two).
  const [roleRows, memberships] = await Promise.all([listRoles(db, user.id), listMembershipsOfUser(db, user.id)]);
  const roles = roleRows as PlatformRole[];
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    locale: user.locale as Locale,
    platformRoles: new Set(roles),
    orgRoles: new Map(memberships.map((m) => [m.orgId, m.role as OrgRole])),
    via: auth.via,
    scopes: new Set(auth.scopes),
    sessionId: auth.sessionId,
    mfaEnrollmentRequired: !user.totp_secret && roles.some((r) => deps.config.requireTotpFor.includes(r)),
  };
}

export async function createSession(
  db: Database,
  deps: Pick<AppDeps, 'config'>,
  input: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomToken();
  const now = new Date();
  const sessionId = sha256Hex(token);
  const csrfToken = randomToken(24);
  await insertSession(db, {
    id: sessionId,
    user_id: input.userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000).toISOString(),
    last_seen_at: now.toISOString(),
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 400) ?? null,
  });
  return { token, csrfToken, sessionId };
}

export async function resolveSession(
  db: Database,
  deps: Pick<AppDeps, 'config'>,
  cookieValue: string,
): Promise<{ actor: UserActor; csrfToken: string } | null> {
  const now = new Date();
  const session = await findSession(db, sha256Hex(cookieValue), now.toISOString());
  if (!session) return null;
  const user = await findUserById(db, session.user_id);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) await touchSession(db, session.id, now.toISOString());
  const actor = await buildActor(db, deps, user, { via: 'session', scopes: ['read', 'write'], sessionId: session.id });
  return { actor, csrfToken: session.csrf_token };
}

// API tokens arrive as "Authorization: Bearer <token>" or as HTTP Basic with the user's e-mail and the token.
export async function resolveApiToken(
  db: Database,
  deps: Pick<AppDeps, 'config'>,
  token: string,
  expectedEmail: string | null,
): Promise<UserActor | null> {
  const now = new Date();
  const row = await findActiveApiToken(db, sha256Hex(token), now.toISOString());
  if (!row) return null;
  const user = await findUserById(db, row.user_id);
  if (!user || user.status !== 'active') return null;
  if (expectedEmail !== null && expectedEmail.toLowerCase() !== user.email) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await touchApiToken(db, row.id, now.toISOString());
  }
  return buildActor(db, deps, user, { via: 'token', scopes: row.scopes.split(',') as TokenScope[], sessionId: null });
}
