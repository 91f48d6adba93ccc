import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password.js';
import type { OrgRole, PlatformRole } from '../../src/auth/roles.js';
import { loadConfig, type Config } from '../../src/config.js';
import { connectDatabase } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createOrgCollections } from '../../src/modules/taxii/collections.service.js';
import { insertUser, replaceRoles, upsertMembership } from '../../src/modules/users/users.repository.js';
import type { TestDatabase } from './databases.js';

// Cheap argon2 parameters keep tests fast; production defaults are measured in bench/.
export const TEST_ENV = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:8080' };

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
}

/** Inside a describeEachDatabase suite: a migrated database and an app for the whole file. */
export function useTestApp(database: TestDatabase, env: Record<string, string> = {}): TestContext {
  const ctx = {} as TestContext;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    ctx.config = loadConfig({ ...TEST_ENV, ...env, DATABASE_URL: created.url });
    ctx.db = connectDatabase(created.url);
    await migrateToLatest(ctx.db);
    ctx.app = await buildApp({ config: ctx.config, db: ctx.db, logger: false });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.destroy();
    await drop();
  });
  return ctx;
}

/**
 * After useTestApp: a second server process on the same database, with its own connection pool and app, as two
 * processes behind a load balancer. (On SQLite it works too, but SQLite serves one process only in production.)
 */
export function useOtherProcess(main: TestContext): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.config = main.config;
    ctx.db = connectDatabase(main.config.databaseUrl);
    ctx.app = await buildApp({ config: ctx.config, db: ctx.db, logger: false });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.destroy();
  });
  return ctx;
}

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function createUser(
  ctx: TestContext,
  input: { email?: string; displayName?: string; roles?: PlatformRole[]; orgs?: Array<{ orgId: string; role: OrgRole }>; locale?: 'ja' | 'en'; status?: string } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = input.email ?? `user-${id.slice(0, 8)}@example.org`;
  const now = new Date().toISOString();
  await insertUser(ctx.db, {
    id, email, display_name: input.displayName ?? email.split('@')[0] ?? email, locale: input.locale ?? 'ja',
    password_hash: await hashPassword(ctx.config.argon2, PASSWORD), status: input.status ?? 'active',
    totp_secret: null, totp_pending_secret: null, created_at: now, updated_at: now,
  });
  await replaceRoles(ctx.db, id, input.roles ?? []);
  for (const m of input.orgs ?? []) await upsertMembership(ctx.db, { user_id: id, org_id: m.orgId, role: m.role, created_at: now });
  return { id, email, password: PASSWORD };
}

export async function createOrg(ctx: TestContext, input: { nameEn?: string; nameJa?: string; status?: string } = {}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await ctx.db.insertInto('organisations').values({
    id, name_ja: input.nameJa ?? `組織 ${id.slice(0, 4)}`, name_en: input.nameEn ?? `Org ${id.slice(0, 4)}`, aliases: '[]',
    sector: 'jsic-e', size_band: '21-100', prefecture: '13', status: input.status ?? 'active', contacts: '[]',
    created_at: now, updated_at: now,
  }).execute();
  await createOrgCollections(ctx.db, id); // its TAXII feed and inbox, as the organisation service creates them
  return id;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(ctx: TestContext, user: { email: string; password: string }, totpCode?: string): Promise<Session> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, ...(totpCode ? { totpCode } : {}) } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrfToken: res.json<{ csrfToken: string }>().csrfToken };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === 'anshin_session');
  if (!set) throw new Error('no session cookie');
  return `anshin_session=${set.value}`;
}

/** Sends a request as a signed-in browser (cookie plus CSRF header on changes). */
export function as(ctx: TestContext, session: Session | null) {
  return (options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrfToken;
    }
    return ctx.app.inject({ ...options, headers });
  };
}

export const errorCode = (res: LightMyRequestResponse): string | undefined => res.json<{ error?: { code: string } }>().error?.code;
