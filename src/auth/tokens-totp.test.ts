import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session, type TestContext } from '../../test/helpers/app.js';
import { replaceRoles, upsertMembership } from '../modules/users/users.repository.js';
import { sha256Hex } from './crypto.js';
import { resolveApiToken, resolveSession } from './session.service.js';
import { totpCode } from './totp.js';

async function createToken(ctx: TestContext, session: Session, scopes: string[], expiresInDays = 30) {
  const res = await as(ctx, session)({ method: 'POST', url: '/api/account/tokens', payload: { name: 'siem', scopes, expiresInDays } });
  expect(res.statusCode).toBe(201);
  return res.json<{ token: string; item: { id: string } }>();
}
const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

describeEachDatabase('API tokens', (database) => {
  const ctx = useTestApp(database);

  it('shows a token once, stores only its hash, and accepts it as Bearer and as Basic', async () => {
    const user = await createUser(ctx);
    const { token, item } = await createToken(ctx, await signIn(ctx, user), ['read']);
    const row = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const bearer = await ctx.app.inject({ method: 'GET', url: '/api/account', headers: { authorization: `Bearer ${token}` } });
    expect(bearer.json().email).toBe(user.email);
    const viaBasic = await ctx.app.inject({ method: 'GET', url: '/api/account', headers: { authorization: basic(user.email.toUpperCase(), token) } });
    expect(viaBasic.statusCode).toBe(200);
    const listed = await as(ctx, await signIn(ctx, user))({ method: 'GET', url: '/api/account/tokens' });
    expect(JSON.stringify(listed.json())).not.toContain(token);
  });

  it('gives a token and a session every role and every membership of their user (one joined query)', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const { token } = await createToken(ctx, session, ['read']);
    const [orgA, orgB] = [await createOrg(ctx), await createOrg(ctx)];
    await replaceRoles(ctx.db, user.id, ['auditor', 'responder']);
    const now = new Date().toISOString();
    await upsertMembership(ctx.db, { user_id: user.id, org_id: orgA, role: 'member', created_at: now });
    await upsertMembership(ctx.db, { user_id: user.id, org_id: orgB, role: 'org_admin', created_at: now });
    const viaToken = await resolveApiToken(ctx.db, { config: ctx.config }, token, null);
    const viaSession = (await resolveSession(ctx.db, { config: ctx.config }, session.cookie.slice('anshin_session='.length)))?.actor;
    for (const actor of [viaToken, viaSession]) {
      expect([...(actor?.platformRoles ?? [])].sort()).toEqual(['auditor', 'responder']);
      expect(new Map(actor?.orgRoles)).toEqual(new Map([[orgA, 'member'], [orgB, 'org_admin']]));
    }
    expect(viaToken?.scopes).toEqual(new Set(['read']));
  });

  it('answers a bad token with 401 and WWW-Authenticate, also for the wrong user name', async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    const { token } = await createToken(ctx, await signIn(ctx, user), ['read']);
    for (const authorization of [`Bearer ash_nonsense`, basic(other.email, token), 'Digest abc']) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/account', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Basic');
    }
  });

  it('enforces scopes, and keeps account security to browser sessions', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const read = await createToken(ctx, session, ['read']);
    const write = await createToken(ctx, session, ['write']);
    const patch = (token: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(errorCode(await patch(read.token))).toBe('insufficient_scope');
    expect((await patch(write.token)).statusCode).toBe(204);
    const tokens = await ctx.app.inject({ method: 'GET', url: '/api/account/tokens', headers: { authorization: `Bearer ${write.token}` } });
    expect(tokens.statusCode).toBe(404);
  });

  it('stops accepting revoked and expired tokens', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const revoked = await createToken(ctx, session, ['read']);
    expect((await as(ctx, session)({ method: 'DELETE', url: `/api/account/tokens/${revoked.item.id}` })).statusCode).toBe(204);
    const expired = await createToken(ctx, session, ['read']);
    await ctx.db.updateTable('api_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', expired.item.id).execute();
    for (const { token } of [revoked, expired]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/account', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(401);
    }
    const again = await as(ctx, session)({ method: 'DELETE', url: `/api/account/tokens/${revoked.item.id}` });
    expect(again.statusCode).toBe(404);
  });

  it('refuses out-of-range expiry and unknown scopes', async () => {
    const session = await signIn(ctx, await createUser(ctx));
    for (const payload of [{ name: 'x', scopes: ['read'], expiresInDays: 0 }, { name: 'x', scopes: ['admin'], expiresInDays: 5 }, { name: '', scopes: ['read'], expiresInDays: 5 }]) {
      const res = await as(ctx, session)({ method: 'POST', url: '/api/account/tokens', payload });
      expect(errorCode(res)).toBe('validation_failed');
    }
  });
});

describeEachDatabase('two-factor sign-in', (database) => {
  const ctx = useTestApp(database, { REQUIRE_TOTP_FOR: 'administrator' });

  let enrolledAt = 0;
  async function enrol(session: Session): Promise<string> {
    const setup = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/setup' });
    const { secret, otpauthUri } = setup.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const wrong = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/confirm', payload: { code: totpCode(secret, Date.now() - 10 * 60_000) } });
    expect(errorCode(wrong)).toBe('invalid_totp');
    enrolledAt = Date.now();
    const ok = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/confirm', payload: { code: totpCode(secret, enrolledAt) } });
    expect(ok.statusCode).toBe(204);
    return secret;
  }

  it('asks for the code after the password, and accepts only a current code', async () => {
    const user = await createUser(ctx);
    const secret = await enrol(await signIn(ctx, user));
    const noCode = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(errorCode(noCode)).toBe('totp_required');
    const stale = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, totpCode: totpCode(secret, Date.now() - 5 * 60_000) } });
    expect(errorCode(stale)).toBe('invalid_totp');
    const wrongPassword = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'not the password', totpCode: totpCode(secret, Date.now()) } });
    expect(errorCode(wrongPassword)).toBe('invalid_credentials');
    // The code that enabled two-factor is used up; the next step's code is accepted, once.
    const reused = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, totpCode: totpCode(secret, enrolledAt) } });
    expect(errorCode(reused)).toBe('invalid_totp');
    const next = totpCode(secret, enrolledAt + 30_000);
    await signIn(ctx, user, next);
    const replay = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, totpCode: next } });
    expect(errorCode(replay)).toBe('invalid_totp');
    const stored = await ctx.db.selectFrom('users').select('totp_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);
  });

  it('keeps an administrator without two-factor to the account pages until enrolled', async () => {
    const admin = await createUser(ctx, { roles: ['administrator'] });
    const session = await signIn(ctx, admin);
    const me = await as(ctx, session)({ method: 'GET', url: '/api/account' });
    expect(me.json().mfaEnrollmentRequired).toBe(true);
    expect(errorCode(await as(ctx, session)({ method: 'GET', url: '/api/audit' }))).toBe('mfa_enrollment_required');
    await enrol(session);
    expect((await as(ctx, session)({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    const disable = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/disable', payload: { password: admin.password } });
    expect(errorCode(disable)).toBe('mfa_enrollment_required');
  });

  it('lets a member turn two-factor off with the password', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    await enrol(session);
    const wrong = await as(ctx, session)({ method: 'POST', url: '/api/account/totp/disable', payload: { password: 'not the password' } });
    expect(errorCode(wrong)).toBe('invalid_credentials');
    expect((await as(ctx, session)({ method: 'POST', url: '/api/account/totp/disable', payload: { password: user.password } })).statusCode).toBe(204);
    await signIn(ctx, user);
  });
});
