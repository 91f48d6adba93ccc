import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createUser, errorCode, signIn, useTestApp } from '../../test/helpers/app.js';

describeEachDatabase('sign-in', (database) => {
  const ctx = useTestApp(database);

  it('signs in with the right password and shows who I am', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const session = await signIn(ctx, user);
    const res = await as(ctx, session)({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ authenticated: true, user: { email: user.email, platformRoles: ['coordinator'] } });
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

  it('requires the CSRF token for changes made with a session', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    const without = await ctx.app.inject({ method: 'PATCH', url: '/api/account', headers: { cookie: session.cookie }, payload: { locale: 'en' } });
    expect(errorCode(without)).toBe('csrf_failed');
    const withToken = await as(ctx, session)({ method: 'PATCH', url: '/api/account', payload: { locale: 'en' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().locale).toBe('en');
  });
});

