import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session, type TestContext } from '../../../test/helpers/app.js';
import { lockActiveRoleHolders, replaceRoles } from './users.repository.js';

const auditOf = (ctx: TestContext, targetId: string) =>
  ctx.db.selectFrom('audit_events').select(['action', 'details', 'actor_user_id']).where('target_id', '=', targetId).orderBy('id').execute();

const credentials = (user: { email: string; password: string }) => ({ email: user.email, password: user.password });

const tokenIn = (body: string): string => {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no link in ${body}`);
  return match[1];
};

describeEachDatabase('people: administrators manage users', (database) => {
  const ctx = useTestApp(database, { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_IP_PER_MINUTE: '1000' });
  let admin: Session;
  let adminId = '';

  beforeAll(async () => {
    const user = await createUser(ctx, { roles: ['administrator'] });
    adminId = user.id;
    admin = await signIn(ctx, user);
  });

  it('lists and searches people by e-mail or name, case-insensitively, with % taken literally', async () => {
    const hanako = await createUser(ctx, { email: 'Hanako.Search@example.org', roles: ['coordinator'] });
    await createUser(ctx, { email: 'other-search@example.org' });
    const byName = await as(ctx, admin)({ method: 'GET', url: '/api/users?q=HANAKO.SEARCH' });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items).toEqual([
      { id: hanako.id, email: 'Hanako.Search@example.org', displayName: 'Hanako.Search', locale: 'ja', status: 'active', platformRoles: ['coordinator'], createdAt: expect.any(String) },
    ]);
    const all = await as(ctx, admin)({ method: 'GET', url: '/api/users?q=search@' });
    expect(all.json().items).toHaveLength(2);
    expect((await as(ctx, admin)({ method: 'GET', url: '/api/users?q=%25' })).json().items).toHaveLength(0);
  });

  it('shows one person with memberships, two-factor and lockout; unlock clears the lockout and is audited', async () => {
    const orgId = await createOrg(ctx, { nameEn: 'Detail Org', nameJa: '詳細組織' });
    const user = await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] });
    for (let i = 0; i < 3; i += 1) await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password!' } });
    const locked = await as(ctx, admin)({ method: 'GET', url: `/api/users/${user.id}` });
    expect(locked.json()).toMatchObject({ id: user.id, totpEnabled: false, memberships: [{ orgId, orgNameJa: '詳細組織', orgNameEn: 'Detail Org', role: 'org_admin' }] });
    expect(Date.parse(locked.json().lockedUntil)).toBeGreaterThan(Date.now());
    expect(errorCode(await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials(user) }))).toBe('account_locked');

    expect((await as(ctx, admin)({ method: 'POST', url: `/api/users/${user.id}/unlock` })).statusCode).toBe(204);
    expect((await as(ctx, admin)({ method: 'GET', url: `/api/users/${user.id}` })).json().lockedUntil).toBeNull();
    await signIn(ctx, user);
    expect((await auditOf(ctx, user.id)).map((e) => e.action)).toContain('user.unlocked');
  });

  it('changes a name and platform roles, auditing each change with its before and after', async () => {
    const user = await createUser(ctx, { roles: ['responder'] });
    const res = await as(ctx, admin)({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { displayName: '新しい名前', platformRoles: ['coordinator', 'auditor'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '新しい名前', platformRoles: ['auditor', 'coordinator'], status: 'active', lockedUntil: null });
    const events = await auditOf(ctx, user.id);
    expect(events.map((e) => [e.action, JSON.parse(e.details), e.actor_user_id])).toEqual([
      ['user.updated', { changes: { displayName: { from: user.email.split('@')[0], to: '新しい名前' } } }, adminId],
      ['user.roles_changed', { from: ['responder'], to: ['auditor', 'coordinator'] }, adminId],
    ]);
    // Saving the same values again changes nothing and records nothing.
    await as(ctx, admin)({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { displayName: '新しい名前', platformRoles: ['coordinator', 'auditor'] } });
    expect(await auditOf(ctx, user.id)).toHaveLength(2);
  });

  it('disabling a user ends their session at once; enabling lets them sign in again', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user);
    expect((await as(ctx, session)({ method: 'GET', url: '/api/account' })).statusCode).toBe(200);

    const res = await as(ctx, admin)({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { status: 'disabled' } });
    expect(res.json().status).toBe('disabled');
    expect((await as(ctx, session)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    expect(await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    expect(errorCode(await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials(user) }))).toBe('invalid_credentials');

    await as(ctx, admin)({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { status: 'active' } });
    await signIn(ctx, user);
    expect((await auditOf(ctx, user.id)).map((e) => e.action)).toEqual(['auth.login', 'user.disabled', 'auth.login_failed', 'user.updated', 'auth.login']);
  });

  it('sends a password reset: the mail\'s link sets a new password, and the old one stops working', async () => {
    const user = await createUser(ctx, { locale: 'en' });
    expect((await as(ctx, admin)({ method: 'POST', url: `/api/users/${user.id}/password-reset` })).statusCode).toBe(202);
    const mail = await ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', user.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Reset your Anshin password');
    const password = 'a brand new long passphrase';
    const done = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token: tokenIn(mail.body), password } });
    expect(done.statusCode).toBe(204);
    expect(errorCode(await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials(user) }))).toBe('invalid_credentials');
    await signIn(ctx, { email: user.email, password });
  });

  it('answers 404 for someone who does not exist', async () => {
    const missing = '00000000-0000-0000-0000-000000000000';
    const requests = [
      { method: 'GET', url: `/api/users/${missing}` },
      { method: 'PATCH', url: `/api/users/${missing}`, payload: { displayName: 'x' } },
      { method: 'POST', url: `/api/users/${missing}/unlock` },
      { method: 'POST', url: `/api/users/${missing}/password-reset` },
    ] as const;
    for (const request of requests) expect(errorCode(await as(ctx, admin)(request))).toBe('not_found');
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const user = await createUser(ctx, { roles: ['responder'] });
    const url = `/api/users/${user.id}`;
    const bad = [
      { platformRoles: ['owner'] },
      { status: 'deleted' },
      { displayName: '   ' },
      { displayName: 'ok', email: 'new@example.org' },
      {},
    ];
    for (const payload of bad) {
      const res = await as(ctx, admin)({ method: 'PATCH', url, payload });
      expect({ payload, status: res.statusCode, code: errorCode(res) }).toEqual({ payload, status: 400, code: 'validation_failed' });
    }
    const malformed = await as(ctx, admin)({ method: 'PATCH', url, headers: { 'content-type': 'application/json' }, payload: '{"displayName": ' });
    expect(errorCode(malformed)).toBe('invalid_json');
    expect(errorCode(await as(ctx, admin)({ method: 'GET', url: `/api/users?q=${'x'.repeat(201)}` }))).toBe('validation_failed');
    expect((await as(ctx, admin)({ method: 'GET', url })).json()).toMatchObject({ displayName: user.email.split('@')[0], platformRoles: ['responder'] });
    expect(await auditOf(ctx, user.id)).toHaveLength(0);
  });
});

describeEachDatabase('people: the last administrator stays', (database) => {
  const ctx = useTestApp(database);

  it('refuses to demote or disable the last active administrator; a disabled administrator does not count', async () => {
    const first = await createUser(ctx, { roles: ['administrator', 'coordinator'] });
    await createUser(ctx, { roles: ['administrator'], status: 'disabled' });
    const session = await signIn(ctx, first);
    for (const payload of [{ platformRoles: ['coordinator'] }, { status: 'disabled' }, { status: 'disabled', platformRoles: [] }]) {
      const res = await as(ctx, session)({ method: 'PATCH', url: `/api/users/${first.id}`, payload });
      expect({ payload, status: res.statusCode, code: errorCode(res) }).toEqual({ payload, status: 409, code: 'last_administrator' });
    }
    const me = await as(ctx, session)({ method: 'GET', url: `/api/users/${first.id}` });
    expect(me.json()).toMatchObject({ status: 'active', platformRoles: ['administrator', 'coordinator'] });

    const second = await createUser(ctx, { roles: ['administrator'] });
    const demoted = await as(ctx, session)({ method: 'PATCH', url: `/api/users/${first.id}`, payload: { platformRoles: ['coordinator'] } });
    expect(demoted.statusCode).toBe(200);
    const secondSession = await signIn(ctx, second);
    const last = await as(ctx, secondSession)({ method: 'PATCH', url: `/api/users/${second.id}`, payload: { status: 'disabled' } });
    expect(errorCode(last)).toBe('last_administrator');
  });

  it('a demotion in flight is waited for: the last administrator cannot slip away between check and change', async () => {
    const a = await createUser(ctx, { roles: ['administrator'] });
    const b = await createUser(ctx, { roles: ['administrator'] });
    // Leave exactly a and b as the active administrators.
    await ctx.db.updateTable('users').set({ status: 'disabled' }).where('id', 'not in', [a.id, b.id]).execute();
    const sb = await signIn(ctx, b);
    let pending: Promise<LightMyRequestResponse> | undefined;
    // Another administrator's change, still uncommitted, that takes the administrator role from a.
    await ctx.db.transaction().execute(async (trx) => {
      await lockActiveRoleHolders(trx, 'administrator');
      pending = as(ctx, sb)({ method: 'PATCH', url: `/api/users/${b.id}`, payload: { platformRoles: [] } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await replaceRoles(trx, a.id, []);
    });
    const res = await pending;
    expect(res && errorCode(res)).toBe('last_administrator');
    const admins = await ctx.db
      .selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id').where('role', '=', 'administrator').where('status', '=', 'active').execute();
    expect(admins).toEqual([{ id: b.id }]);
  });
});
