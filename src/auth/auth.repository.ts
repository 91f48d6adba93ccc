import type { Database } from '../db/database.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { ApiTokenRow, NewApiTokenRow, OneTimeLinkRow, SessionRow } from './auth.table.js';

export async function insertSession(db: Database, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

// The user of a session or of an API token, with their platform roles and memberships, in one query: every signed-in
// request starts here, and on PostgreSQL each sequential query is a round trip (bench/RESULTS.md, match[id]). A user
// has a few roles and memberships, so the joins' product stays a handful of rows.
export interface Principal {
  user: UserRow;
  roles: string[];
  memberships: Array<{ orgId: string; role: string; active: boolean }>; // active: the organisation's status is active
}

type PrincipalRow = UserRow & { p_role: string | null; p_org_id: string | null; p_org_role: string | null; p_org_status: string | null };

function principalOf(rows: readonly PrincipalRow[]): Principal {
  const roles = new Set<string>();
  const memberships = new Map<string, { orgId: string; role: string; active: boolean }>();
  for (const row of rows) {
    if (row.p_role !== null) roles.add(row.p_role);
    if (row.p_org_id !== null && row.p_org_role !== null) {
      memberships.set(row.p_org_id, { orgId: row.p_org_id, role: row.p_org_role, active: row.p_org_status === 'active' });
    }
  }
  const { p_role: _r, p_org_id: _o, p_org_role: _m, p_org_status: _s, ...user } = rows[0]!;
  return { user, roles: [...roles].sort(), memberships: [...memberships.values()].sort((a, b) => (a.orgId < b.orgId ? -1 : 1)) };
}

function principalQuery(db: Database) {
  return db.selectFrom('users as u')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .leftJoin('organisations as mo', 'mo.id', 'm.org_id')
    .selectAll('u')
    .select(['r.role as p_role', 'm.org_id as p_org_id', 'm.role as p_org_role', 'mo.status as p_org_status']);
}

export async function findSessionPrincipal(db: Database, id: string, now: string): Promise<(Principal & { session: Pick<SessionRow, 'id' | 'csrf_token' | 'last_seen_at'> }) | undefined> {
  const rows = await principalQuery(db).innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.id as session_id', 's.csrf_token as session_csrf_token', 's.last_seen_at as session_last_seen_at'])
    .where('s.id', '=', id).where('s.expires_at', '>', now)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return { ...principalOf(rows.map(({ session_id: _i, session_csrf_token: _c, session_last_seen_at: _l, ...row }) => row)), session: { id: first.session_id, csrf_token: first.session_csrf_token, last_seen_at: first.session_last_seen_at } };
}

export async function touchSession(db: Database, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Database, userId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Database, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(db: Database, row: NewApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenPrincipal(db: Database, tokenHash: string, now: string): Promise<(Principal & { token: Pick<ApiTokenRow, 'id' | 'scopes' | 'last_used_at'> }) | undefined> {
  const rows = await principalQuery(db).innerJoin('api_tokens as t', 't.user_id', 'u.id')
    .select(['t.id as token_id', 't.scopes as token_scopes', 't.last_used_at as token_last_used_at'])
    .where('t.token_hash', '=', tokenHash).where('t.revoked_at', 'is', null).where('t.expires_at', '>', now)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return { ...principalOf(rows.map(({ token_id: _i, token_scopes: _s, token_last_used_at: _l, ...row }) => row)), token: { id: first.token_id, scopes: first.token_scopes, last_used_at: first.token_last_used_at } };
}

export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(db: Database, userId: string, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchApiToken(db: Database, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertLink(db: Database, row: OneTimeLinkRow): Promise<void> {
  await db.insertInto('one_time_links').values(row).execute();
}

export async function findUsableLink(db: Database, tokenHash: string, now: string): Promise<OneTimeLinkRow | undefined> {
  return db
    .selectFrom('one_time_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

// Single use even under concurrency: only the request whose update changes the row wins.
export async function markLinkUsed(db: Database, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('one_time_links').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function expireLinks(db: Database, kind: string, now: string): Promise<void> {
  await db.updateTable('one_time_links').set({ used_at: now }).where('kind', '=', kind).where('used_at', 'is', null).execute();
}

/** Every outstanding link of one kind that belongs to a user, e.g. their reset links once the password changed. */
export async function expireLinksOfUser(db: Database, userId: string, kind: string, now: string): Promise<void> {
  await db.updateTable('one_time_links').set({ used_at: now })
    .where('user_id', '=', userId).where('kind', '=', kind).where('used_at', 'is', null)
    .execute();
}

// login_attempts holds timestamped events under a key, counted in a window by the rate limits and the lockout:
// "ip:<address>" (sign-in attempts), "fail:<e-mail>" (sign-in attempts for an address, each counted as a failure
// until it succeeds), "reset-ip:<address>" and "reset-email:<e-mail>" (password-reset requests).
export async function insertLoginAttempt(db: Database, key: string, at: string): Promise<number> {
  const row = await db.insertInto('login_attempts').values({ key, at }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function countLoginAttempts(db: Database, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function latestLoginAttempt(db: Database, key: string): Promise<string | null> {
  const row = await db.selectFrom('login_attempts').select('at').where('key', '=', key).orderBy('at', 'desc').limit(1).executeTakeFirst();
  return row?.at ?? null;
}

export async function deleteLoginAttempts(db: Database, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** The attempts under a key up to and including one (ids grow in the order attempts were admitted). */
export async function deleteLoginAttemptsUpTo(db: Database, key: string, id: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).where('id', '<=', id).execute();
}

export async function deleteLoginAttempt(db: Database, id: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

export async function pruneLoginAttempts(db: Database, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
