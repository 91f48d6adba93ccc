import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createUser, errorCode, signIn, useOtherProcess, useTestApp, type TestContext } from '../../test/helpers/app.js';
import { totpCode } from './totp.js';

// Each test signs in from its own client address, so that the per-address limit of one test does not touch another.
let nextClient = 1;
const newClient = () => `198.51.100.${nextClient++}`;

const attempt = (ctx: TestContext, remoteAddress: string, email: string, password: string): Promise<LightMyRequestResponse> =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

const outcomes = (results: LightMyRequestResponse[]) => {
  const tally: Record<string, number> = {};
  for (const res of results) {
    const key = res.statusCode === 200 ? 'signed_in' : (errorCode(res) ?? String(res.statusCode));
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
};

const failuresAudited = async (ctx: TestContext, email: string) =>
  (await ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.login_failed').execute())
    .filter((row) => (JSON.parse(row.details) as { email: string }).email === email.toLowerCase()).length;

describeEachDatabase('sign-in limits hold under simultaneous attempts', (database) => {
  const ctx = useTestApp(database, { LOGIN_MAX_FAILURES: '5', LOGIN_RATE_PER_IP_PER_MINUTE: '30' });
  const other = useOtherProcess(ctx);

  it('checks no more than LOGIN_MAX_FAILURES of 20 simultaneous wrong passwords', async () => {
    const user = await createUser(ctx);
    const client = newClient();
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(ctx, client, user.email, 'a wrong password')));
    expect(outcomes(results)).toEqual({ invalid_credentials: 5, account_locked: 15 });
    expect(await failuresAudited(ctx, user.email)).toBe(5);
  });

  it('counts an unknown address the same way', async () => {
    const email = `nobody-${Date.now()}@example.org`;
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(ctx, newClient(), email, 'a wrong password')));
    expect(outcomes(results)).toEqual({ invalid_credentials: 5, account_locked: 15 });
  });

  it('does not let the right password through behind 29 simultaneous wrong ones', async () => {
    const user = await createUser(ctx);
    const client = newClient();
    const results = await Promise.all([
      ...Array.from({ length: 29 }, () => attempt(ctx, client, user.email, 'a wrong password')),
      attempt(ctx, client, user.email, user.password),
    ]);
    expect(outcomes(results)).toEqual({ invalid_credentials: 5, account_locked: 25 });
    expect(errorCode(results[29]!)).toBe('account_locked');
    expect(await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('lets exactly LOGIN_RATE_PER_IP_PER_MINUTE of 60 simultaneous attempts from one address through', async () => {
    const client = newClient();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(ctx, client, `burst-${i}@example.org`, 'a wrong password')));
    expect(outcomes(results)).toEqual({ invalid_credentials: 30, rate_limited: 30 });
  });

  it('a success still clears the failures before it, and a missing second factor is no failure', async () => {
    const user = await createUser(ctx);
    const client = newClient();
    for (let i = 0; i < 4; i++) expect(errorCode(await attempt(ctx, client, user.email, 'a wrong password'))).toBe('invalid_credentials');
    const session = await signIn(ctx, user);
    for (let i = 0; i < 4; i++) expect(errorCode(await attempt(ctx, client, user.email, 'a wrong password'))).toBe('invalid_credentials');
    expect((await attempt(ctx, client, user.email, user.password)).statusCode).toBe(200);

    const setup = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/setup' });
    const { secret } = setup.json<{ secret: string }>();
    const confirm = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/confirm', payload: { code: totpCode(secret, Date.now()) } });
    expect(confirm.statusCode).toBe(204);
    for (let i = 0; i < 8; i++) expect(errorCode(await attempt(ctx, client, user.email, user.password))).toBe('totp_required');
    // The next step's code: the current one was spent on confirming.
    const code = totpCode(secret, Date.now() + 30_000);
    const last = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: client, payload: { email: user.email, password: user.password, totpCode: code } });
    expect(last.statusCode).toBe(200);
  });

  // SQLite serves one process only.
  it.skipIf(database.dialect !== 'postgres')('two server processes on one database share the lockout and the per-address limit', async () => {
    const user = await createUser(ctx);
    const client = newClient();
    const wrong = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i % 2 === 0 ? ctx : other, client, user.email, 'a wrong password')));
    expect(outcomes(wrong)).toEqual({ invalid_credentials: 5, account_locked: 15 });

    const burst = newClient();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(i % 2 === 0 ? ctx : other, burst, `burst-pg-${i}@example.org`, 'a wrong password')));
    expect(outcomes(results)).toEqual({ invalid_credentials: 30, rate_limited: 30 });
  });
});
