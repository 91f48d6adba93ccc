import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createUser, errorCode, PASSWORD, sessionCookie, signIn, useTestApp } from '../../test/helpers/app.js';
import { ensureSetupLink } from './links.service.js';

describeEachDatabase('sign-in', (database) => {
  const ctx = useTestApp(database, { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_IP_PER_MINUTE: '1000' });

  it('signs in with the right password and shows who I am', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const session = await signIn(ctx, user);
    const res = await as(ctx, session)({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ authenticated: true, setupRequired: false, user: { email: user.email, platformRoles: ['coordinator'] } });
  });

  it('sets an httpOnly, SameSite=Strict session cookie and stores only its hash', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    const cookie = res.cookies.find((c) => c.name === 'anshin_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const stored = await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
    expect(stored).toHaveLength(1);
  });

  it('refuses a wrong password with a translated message and sets no cookie', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload: { email: user.email, password: 'wrong password!' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The e-mail address or password is not correct.' } });
    expect(res.cookies).toHaveLength(0);
    const ja = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password!' } });
    expect(ja.json().error.message).toContain('パスワード');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'whatever-it-is' } });
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('invalid_credentials');
  });

  it('locks an account after repeated failures, also against the right password, and audits it', async () => {
    const user = await createUser(ctx);
    for (let i = 0; i < 3; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password!' } });
      expect(errorCode(res)).toBe('invalid_credentials');
    }
    const locked = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe('account_locked');
    const failures = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', user.id).where('action', '=', 'auth.login_failed').execute();
    expect(failures).toHaveLength(3);
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(ctx, { status: 'disabled' });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(errorCode(res)).toBe('invalid_credentials');
  });

  it('requires the CSRF token for changes made with a session', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const without = await ctx.app.inject({ method: 'PATCH', url: '/api/account', headers: { cookie: session.cookie }, payload: { locale: 'en' } });
    expect(errorCode(without)).toBe('csrf_failed');
    const wrong = await ctx.app.inject({ method: 'PATCH', url: '/api/account', headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: { locale: 'en' } });
    expect(errorCode(wrong)).toBe('csrf_failed');
    const withToken = await as(ctx, session)({ method: 'PATCH', url: '/api/account', payload: { locale: 'en' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().locale).toBe('en');
  });

  it('refuses a cross-site sign-in attempt by its Origin', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { email: user.email, password: user.password } });
    expect(errorCode(res)).toBe('csrf_failed');
  });

  it('signs out: the session no longer works', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    expect((await as(ctx, session)({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    const after = await as(ctx, session)({ method: 'GET', url: '/api/account' });
    expect(after.statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const user = await createUser(ctx);
    const other = await signIn(ctx, user);
    const current = await signIn(ctx, user);
    const res = await as(ctx, current)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: PASSWORD, newPassword: 'another long password' } });
    expect(res.statusCode).toBe(204);
    expect((await as(ctx, other)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    expect((await as(ctx, current)({ method: 'GET', url: '/api/account' })).statusCode).toBe(200);
    const weak = await as(ctx, current)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: 'another long password', newPassword: 'short' } });
    expect(errorCode(weak)).toBe('weak_password');
  });
});

describeEachDatabase('first administrator set-up', (database) => {
  const ctx = useTestApp(database);

  it('creates the first administrator once, with a single-use link', async () => {
    const before = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(before.json()).toMatchObject({ authenticated: false, setupRequired: true, publicPage: false });
    const url = await ensureSetupLink(ctx.db, ctx);
    const token = url?.split('#token=')[1] ?? '';
    expect((await ctx.app.inject({ method: 'GET', url: `/api/auth/links/${token}` })).json()).toEqual({ kind: 'setup', email: null });
    const payload = { token, email: 'Admin@Example.org', displayName: '管理者', password: 'a very long password', locale: 'ja' };
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/setup', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'admin@example.org', platformRoles: ['administrator'] });
    expect(sessionCookie(res)).toMatch(/^anshin_session=/);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...payload, email: 'second@example.org' } });
    expect(again.statusCode).toBe(410);
    expect(await ensureSetupLink(ctx.db, ctx)).toBeNull();
    const users = await ctx.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'admin@example.org' }]);
  });
});
