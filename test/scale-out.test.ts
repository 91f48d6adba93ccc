// Two server processes' worth of app on one PostgreSQL database behave as one: nothing that matters
// lives in memory. Requests alternate between the two over real HTTP, as behind a load balancer.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { totpCode } from '../src/auth/totp.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createUser, TEST_ENV, type TestContext } from './helpers/app.js';
import { PG_SKIP_REASON, postgresDatabase } from './helpers/databases.js';

const suite = process.env.TEST_DATABASE_URL ? describe : describe.skip;

suite(`scale-out: two app instances on one PostgreSQL database${process.env.TEST_DATABASE_URL ? '' : ` — ${PG_SKIP_REASON}`}`, () => {
  const instances: Array<{ app: FastifyInstance; db: Database; base: string }> = [];
  let drop: () => Promise<void> = async () => {};
  let ctxForFactories: TestContext;

  beforeAll(async () => {
    const created = await postgresDatabase.create();
    drop = created.drop;
    const config = loadConfig({ ...TEST_ENV, LOGIN_MAX_FAILURES: '4', DATABASE_URL: created.url });
    for (let i = 0; i < 2; i++) {
      const db = connectDatabase(created.url, { poolSize: 4 });
      await migrateToLatest(db); // both run it, as two processes starting at once would
      const app = await buildApp({ config, db, logger: false });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      instances.push({ app, db, base: address });
    }
    ctxForFactories = { app: instances[0]!.app, db: instances[0]!.db, config };
  });

  afterAll(async () => {
    for (const { app, db } of instances) {
      await app.close();
      await db.destroy();
    }
    await drop();
  });

  const call = async (i: number, path: string, init: { method?: string; body?: unknown; cookie?: string; csrf?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.cookie) headers.cookie = init.cookie;
    if (init.csrf) headers['x-csrf-token'] = init.csrf;
    const res = await fetch(`${instances[i]!.base}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null, setCookie: res.headers.get('set-cookie') };
  };

  it('signs in through one instance and acts through the other', async () => {
    const user = await createUser(ctxForFactories);
    const login = await call(0, '/api/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
    const cookie = login.setCookie?.split(';')[0] ?? '';
    const csrf = String(login.json?.csrfToken);
    const me = await call(1, '/api/account', { cookie });
    expect(me.json?.email).toBe(user.email);

    // The key that seals TOTP secrets is shared: set-up on one instance, confirmation on the other.
    const setup = await call(1, '/api/account/totp/setup', { method: 'POST', cookie, csrf });
    const secret = String(setup.json?.secret);
    expect((await call(0, '/api/account/totp/confirm', { method: 'POST', cookie, csrf, body: { code: totpCode(secret, Date.now()) } })).status).toBe(204);

    expect((await call(0, '/api/auth/logout', { method: 'POST', cookie, csrf })).status).toBe(204);
    expect((await call(1, '/api/account', { cookie })).status).toBe(401);
  });

  it('counts failed sign-ins across instances for the lockout', async () => {
    const user = await createUser(ctxForFactories);
    for (let i = 0; i < 4; i++) {
      const res = await call(i % 2, '/api/auth/login', { method: 'POST', body: { email: user.email, password: 'wrong password' } });
      expect(res.status).toBe(401);
    }
    const locked = await call(1, '/api/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    expect(locked.status).toBe(429);
  });
});
