import type { Database } from '../db/database.js';
import type { ApiTokenRow, NewApiTokenRow, OneTimeLinkRow, SessionRow } from './auth.table.js';

export async function insertSession(db: Database, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Database, id: string, now: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
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

export async function findActiveApiToken(db: Database, tokenHash: string, now: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
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

export async function insertLoginAttempt(db: Database, key: string, at: string): Promise<void> {
  await db.insertInto('login_attempts').values({ key, at }).execute();
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

export async function pruneLoginAttempts(db: Database, before: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
