import type { FastifyInstance } from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { createUser, errorCode, useTestApp } from '../../test/helpers/app.js';

const LOAD_BALANCER = '10.0.0.2';
const CLIENT = '203.0.113.50';

describeEachDatabase('the client address behind proxies (TRUST_PROXY)', (database) => {
  const ctx = useTestApp(database, { LOGIN_RATE_PER_IP_PER_MINUTE: '1000' });
  // One app per TRUST_PROXY value, all on the test database, built when a test first needs it.
  const apps = new Map<string, FastifyInstance>();
  async function appFor(value: string, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
    const key = `${value} ${JSON.stringify(overrides)}`;
    let app = apps.get(key);
    if (!app) {
      const { trustProxy } = loadConfig({ TRUST_PROXY: value });
      app = await buildApp({ config: { ...ctx.config, ...overrides, trustProxy }, db: ctx.db, logger: false });
      apps.set(key, app);
    }
    return app;
  }
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  /** Signs in through the app for TRUST_PROXY=value and answers the address the session and the audit trail recorded. */
  async function seenAddress(value: string, remoteAddress: string, forwardedFor?: string): Promise<string | null> {
    const user = await createUser(ctx);
    const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const res = await (await appFor(value)).inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email: user.email, password: user.password } });
    expect(res.statusCode).toBe(200);
    const session = await ctx.db.selectFrom('sessions').select('ip').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const audit = await ctx.db.selectFrom('audit_events').select('ip').where('action', '=', 'auth.login').where('target_id', '=', user.id).executeTakeFirstOrThrow();
    expect(audit.ip).toBe(session.ip);
    return session.ip;
  }

  it('false: the address of the connection, whatever the header says', async () => {
    expect(await seenAddress('false', LOAD_BALANCER, `1.2.3.4, ${CLIENT}`)).toBe(LOAD_BALANCER);
  });

  it('1: the address the nearest proxy saw, never one the client wrote into X-Forwarded-For', async () => {
    expect(await seenAddress('1', LOAD_BALANCER, `1.2.3.4, ${CLIENT}`)).toBe(CLIENT);
    expect(await seenAddress('1', LOAD_BALANCER, CLIENT)).toBe(CLIENT);
  });

  it('true: one hop, like 1 (it used to trust every hop, so the client chose its address)', async () => {
    expect(await seenAddress('true', LOAD_BALANCER, `1.2.3.4, ${CLIENT}`)).toBe(CLIENT);
  });

  it('2: through a CDN and a load balancer', async () => {
    expect(await seenAddress('2', LOAD_BALANCER, `1.2.3.4, ${CLIENT}, 10.0.0.9`)).toBe(CLIENT);
  });

  it('a list of proxies: their entries are skipped, and a client connecting directly is taken as it is', async () => {
    expect(await seenAddress('10.0.0.0/8', LOAD_BALANCER, `1.2.3.4, ${CLIENT}, 10.0.0.9`)).toBe(CLIENT);
    expect(await seenAddress('10.0.0.2, 10.0.0.9', LOAD_BALANCER, `1.2.3.4, ${CLIENT}, 10.0.0.9`)).toBe(CLIENT);
    expect(await seenAddress('10.0.0.0/8', '198.51.100.7', `1.2.3.4, ${CLIENT}`)).toBe('198.51.100.7');
  });

  it('a client cannot escape the per-address sign-in limit by writing its own X-Forwarded-For entries', async () => {
    const limited = await appFor('true', { loginRatePerIpPerMinute: 3 });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 5; i++) {
      // The load balancer appends the address it saw to whatever the client sent.
      const headers = { 'x-forwarded-for': `192.0.2.${i + 1}, 203.0.113.99` };
      const res = await limited.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: LOAD_BALANCER, headers, payload: { email: `spoof-${i}@example.org`, password: 'a wrong password' } });
      codes.push(errorCode(res));
    }
    expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'rate_limited', 'rate_limited']);
  });
});
