import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { UserActor } from './actor.js';
import { findApiTokenPrincipal, findSessionPrincipal, insertSession, touchApiToken, touchSession, type Principal } from './auth.repository.js';
import { randomToken, sha256Hex } from './crypto.js';
import type { Locale, OrgRole, PlatformRole, TokenScope } from './roles.js';

const TOUCH_INTERVAL_MS = 60_000;

function actorOf(
  deps: Pick<AppDeps, 'config'>,
  { user, roles: roleNames, memberships }: Principal,
  auth: { via: 'session' | 'token'; scopes: readonly TokenScope[]; sessionId: string | null },
): UserActor {
  const roles = roleNames as PlatformRole[];
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    locale: user.locale as Locale,
    platformRoles: new Set(roles),
    orgRoles: new Map(memberships.map((m) => [m.orgId, m.role as OrgRole])),
    activeOrgIds: new Set(memberships.filter((m) => m.active).map((m) => m.orgId)),
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
  const found = await findSessionPrincipal(db, sha256Hex(cookieValue), now.toISOString());
  if (!found || found.user.status !== 'active') return null;
  const { session } = found;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) await touchSession(db, session.id, now.toISOString());
  const actor = actorOf(deps, found, { via: 'session', scopes: ['read', 'write'], sessionId: session.id });
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
  const found = await findApiTokenPrincipal(db, sha256Hex(token), now.toISOString());
  if (!found || found.user.status !== 'active') return null;
  const { token: row, user } = found;
  if (expectedEmail !== null && expectedEmail.toLowerCase() !== user.email) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await touchApiToken(db, row.id, now.toISOString());
  }
  return actorOf(deps, found, { via: 'token', scopes: row.scopes.split(',') as TokenScope[], sessionId: null });
}
