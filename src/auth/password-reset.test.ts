import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createUser, errorCode, PASSWORD, signIn, useOtherProcess, useTestApp, type TestContext } from '../../test/helpers/app.js';

const mailsTo = (ctx: TestContext, email: string) =>
  ctx.db.selectFrom('outbox').select('body').where('recipient', '=', email.toLowerCase()).orderBy('created_at').execute();

const tokenIn = (body: string): string => {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no link in ${body}`);
  return match[1];
};

// Each test comes from its own client address, so that the per-address limit of one test does not touch another.
let nextClient = 1;
const newClient = () => `198.51.100.${nextClient++}`;

const requestReset = (ctx: TestContext, email: string, remoteAddress: string): Promise<LightMyRequestResponse> =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', remoteAddress, payload: { email } });

const completeReset = (ctx: TestContext, token: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password } });

/** What a client can see of an answer: status, body and headers, without the per-request ones. */
const visible = (res: LightMyRequestResponse) => {
  const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
  return { status: res.statusCode, body: res.body, headers };
};

async function resetTokens(ctx: TestContext, email: string, count: number): Promise<string[]> {
  const client = newClient();
  for (let i = 0; i < count; i++) expect((await requestReset(ctx, email, client)).statusCode).toBe(202);
  const mails = await mailsTo(ctx, email);
  expect(mails).toHaveLength(count);
  return mails.map((m) => tokenIn(m.body));
}

describeEachDatabase('password reset: a changed password revokes every reset link', (database) => {
  const ctx = useTestApp(database, { LOGIN_RATE_PER_IP_PER_MINUTE: '1000' });

  it('completing one reset link revokes the other outstanding ones, and ends every session', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const [first, second] = await resetTokens(ctx, user.email, 2);
    expect((await completeReset(ctx, first!, 'the first new password')).statusCode).toBe(204);
    const inspect = await ctx.app.inject({ method: 'GET', url: `/api/auth/links/${second}` });
    expect(errorCode(inspect)).toBe('link_invalid');
    const late = await completeReset(ctx, second!, 'the second new password');
    expect(late.statusCode).toBe(410);
    expect(errorCode(late)).toBe('link_invalid');
    expect((await as(ctx, session)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    await signIn(ctx, { email: user.email, password: 'the first new password' });
  });

  it('a password change on the account page revokes the reset links issued before it, not those issued after', async () => {
    const user = await createUser(ctx);
    const [before] = await resetTokens(ctx, user.email, 1);
    const other = await signIn(ctx, user);
    const current = await signIn(ctx, user);
    const changed = await as(ctx, current)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: PASSWORD, newPassword: 'changed on the account page' } });
    expect(changed.statusCode).toBe(204);
    const late = await completeReset(ctx, before!, 'set through an old link');
    expect(errorCode(late)).toBe('link_invalid');
    await signIn(ctx, { email: user.email, password: 'changed on the account page' });
    expect((await as(ctx, other)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    expect((await as(ctx, current)({ method: 'GET', url: '/api/account' })).statusCode).toBe(200);

    const client = newClient();
    expect((await requestReset(ctx, user.email, client)).statusCode).toBe(202);
    const after = tokenIn((await mailsTo(ctx, user.email)).at(-1)!.body);
    expect((await completeReset(ctx, after, 'set through a new link')).statusCode).toBe(204);
  });

  it('of several reset links used at the same moment, exactly one sets the password', async () => {
    const user = await createUser(ctx);
    const tokens = await resetTokens(ctx, user.email, 3);
    const results = await Promise.all(tokens.map((token, i) => completeReset(ctx, token, `concurrent new password ${i}`)));
    const winners = results.flatMap((res, i) => (res.statusCode === 204 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((res) => res.statusCode !== 204).map(errorCode)).toEqual(['link_invalid', 'link_invalid']);
    await signIn(ctx, { email: user.email, password: `concurrent new password ${winners[0]}` });
  });
});

describeEachDatabase('password reset: requests are rate-limited', (database) => {
  const ctx = useTestApp(database, { PASSWORD_RESET_PER_EMAIL_PER_HOUR: '3', PASSWORD_RESET_PER_IP_PER_HOUR: '5' });
  const other = useOtherProcess(ctx);

  it('a burst for one address queues only as many mails as the per-address limit allows', async () => {
    const user = await createUser(ctx);
    // Spread over many client addresses, so that only the per-address limit applies.
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => requestReset(ctx, user.email, `203.0.113.${i + 1}`)));
    expect(new Set(results.map((res) => res.statusCode))).toEqual(new Set([202]));
    expect(await mailsTo(ctx, user.email)).toHaveLength(3);
    const links = await ctx.db.selectFrom('one_time_links').select('id').where('user_id', '=', user.id).execute();
    expect(links).toHaveLength(3);
  });

  it('a limited request for a known address answers exactly like one for an unknown address', async () => {
    const user = await createUser(ctx);
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestReset(ctx, user.email, client));
    const unknown = await requestReset(ctx, `nobody-${Date.now()}@example.org`, client);
    expect(await mailsTo(ctx, user.email)).toHaveLength(3);
    expect(visible(answers[3]!)).toEqual(visible(unknown));
    expect(visible(answers[0]!)).toEqual(visible(unknown));
    expect(answers[3]!.statusCode).toBe(202);
  });

  it('one client address may ask for only so many resets, whichever addresses it names', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(ctx)));
    const client = newClient();
    const results = await Promise.all(users.map((u) => requestReset(ctx, u.email, client)));
    expect(new Set(results.map((res) => res.statusCode))).toEqual(new Set([202]));
    const mailed = (await Promise.all(users.map((u) => mailsTo(ctx, u.email)))).filter((mails) => mails.length > 0);
    expect(mailed).toHaveLength(5);
    // Another client address is not held back by this one's limit.
    const counts = await Promise.all(users.map(async (u) => (await mailsTo(ctx, u.email)).length));
    const unserved = users[counts.indexOf(0)]!;
    expect((await requestReset(ctx, unserved.email, newClient())).statusCode).toBe(202);
    expect(await mailsTo(ctx, unserved.email)).toHaveLength(1);
  });

  // SQLite serves one process only.
  it.skipIf(database.dialect !== 'postgres')('two server processes on one database share the limits', async () => {
    const user = await createUser(ctx);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? ctx : other).app.inject({ method: 'POST', url: '/api/auth/password-reset/request', remoteAddress: `192.0.2.${i + 1}`, payload: { email: user.email } })));
    expect(new Set(results.map((res) => res.statusCode))).toEqual(new Set([202]));
    expect(await mailsTo(ctx, user.email)).toHaveLength(3);
  });
});
