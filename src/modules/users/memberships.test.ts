import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session, type TestContext } from '../../../test/helpers/app.js';
import { lockOrgAdmins, upsertMembership } from './users.repository.js';

const auditOf = async (ctx: TestContext, orgId: string) =>
  (await ctx.db.selectFrom('audit_events').select(['action', 'target_id', 'details']).where('org_id', '=', orgId).orderBy('id').execute())
    .map((e) => [e.action, e.target_id, JSON.parse(e.details)]);

describeEachDatabase('memberships', (database) => {
  const ctx = useTestApp(database);
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(ctx, await createUser(ctx, { roles: ['administrator'] }));
  });

  it('an administrator adds any existing user, changes the role and removes them, each audited with the organisation', async () => {
    const orgId = await createOrg(ctx);
    const user = await createUser(ctx, { email: `added-${randomUUID().slice(0, 8)}@example.org` });
    const url = `/api/orgs/${orgId}/members/${user.id}`;
    const added = await as(ctx, admin)({ method: 'PUT', url, payload: { role: 'member' } });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ userId: user.id, email: user.email, displayName: user.email.split('@')[0], role: 'member', createdAt: expect.any(String) });
    expect((await as(ctx, admin)({ method: 'PUT', url, payload: { role: 'org_admin' } })).json().role).toBe('org_admin');
    const list = await as(ctx, admin)({ method: 'GET', url: `/api/orgs/${orgId}/members` });
    expect(list.json().items).toEqual([{ ...added.json(), role: 'org_admin' }]);

    expect((await as(ctx, admin)({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await as(ctx, admin)({ method: 'GET', url: `/api/orgs/${orgId}/members` })).json().items).toEqual([]);
    expect(await auditOf(ctx, orgId)).toEqual([
      ['membership.added', user.id, { role: 'member' }],
      ['membership.role_changed', user.id, { from: 'member', to: 'org_admin' }],
      ['membership.removed', user.id, { role: 'org_admin' }],
    ]);
  });

  it('a missing organisation or user answers exactly like a denied one', async () => {
    const orgId = await createOrg(ctx);
    const otherOrg = await createOrg(ctx);
    const orgAdmin = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] }));
    const stranger = await createUser(ctx, { orgs: [{ orgId: otherOrg, role: 'member' }] });
    const missing = randomUUID();
    const answers: LightMyRequestResponse[] = [
      await as(ctx, orgAdmin)({ method: 'GET', url: `/api/orgs/${otherOrg}/members` }),
      await as(ctx, orgAdmin)({ method: 'GET', url: `/api/orgs/${missing}/members` }),
      await as(ctx, admin)({ method: 'GET', url: `/api/orgs/${missing}/members` }),
      await as(ctx, orgAdmin)({ method: 'PUT', url: `/api/orgs/${orgId}/members/${stranger.id}`, payload: { role: 'member' } }),
      await as(ctx, orgAdmin)({ method: 'PUT', url: `/api/orgs/${orgId}/members/${missing}`, payload: { role: 'member' } }),
      await as(ctx, admin)({ method: 'PUT', url: `/api/orgs/${orgId}/members/${missing}`, payload: { role: 'member' } }),
      await as(ctx, admin)({ method: 'PUT', url: `/api/orgs/${missing}/members/${stranger.id}`, payload: { role: 'member' } }),
      await as(ctx, orgAdmin)({ method: 'DELETE', url: `/api/orgs/${orgId}/members/${stranger.id}` }),
      await as(ctx, admin)({ method: 'DELETE', url: `/api/orgs/${orgId}/members/${missing}` }),
      await as(ctx, orgAdmin)({ method: 'DELETE', url: `/api/orgs/${otherOrg}/members/${stranger.id}` }),
    ];
    for (const res of answers) expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: answers[0]?.json() });
    expect(await auditOf(ctx, orgId)).toEqual([]);
    expect(await auditOf(ctx, otherOrg)).toEqual([]);
  });

  it('an org admin cannot remove or demote the organisation\'s last org admin; an administrator can', async () => {
    const orgId = await createOrg(ctx);
    const lead = await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] });
    const session = await signIn(ctx, lead);
    const url = `/api/orgs/${orgId}/members/${lead.id}`;
    for (const request of [{ method: 'DELETE', url }, { method: 'PUT', url, payload: { role: 'member' } }] as const) {
      const res = await as(ctx, session)(request);
      expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 409, code: 'last_org_admin' });
    }
    const deputy = await createUser(ctx, { orgs: [{ orgId, role: 'member' }] });
    expect((await as(ctx, session)({ method: 'PUT', url: `/api/orgs/${orgId}/members/${deputy.id}`, payload: { role: 'org_admin' } })).statusCode).toBe(200);
    expect((await as(ctx, session)({ method: 'DELETE', url })).statusCode).toBe(204);
    // Their next request no longer carries the organisation's admin role.
    expect((await as(ctx, session)({ method: 'GET', url: `/api/orgs/${orgId}/members` })).statusCode).toBe(404);

    expect((await as(ctx, admin)({ method: 'DELETE', url: `/api/orgs/${orgId}/members/${deputy.id}` })).statusCode).toBe(204);
  });

  it('a removal in flight is waited for: two org admins cannot remove each other at once', async () => {
    const orgId = await createOrg(ctx);
    const a = await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] });
    const b = await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] });
    const sb = await signIn(ctx, b);
    let pending: Promise<LightMyRequestResponse> | undefined;
    // a demotes b, uncommitted, while b tries to step down.
    await ctx.db.transaction().execute(async (trx) => {
      await lockOrgAdmins(trx, orgId);
      pending = as(ctx, sb)({ method: 'PUT', url: `/api/orgs/${orgId}/members/${b.id}`, payload: { role: 'member' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await upsertMembership(trx, { user_id: a.id, org_id: orgId, role: 'member', created_at: new Date().toISOString() });
    });
    const res = await pending;
    expect(res && errorCode(res)).toBe('last_org_admin');
    const admins = await ctx.db.selectFrom('memberships').select('user_id').where('org_id', '=', orgId).where('role', '=', 'org_admin').execute();
    expect(admins).toEqual([{ user_id: b.id }]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const orgId = await createOrg(ctx);
    const user = await createUser(ctx, { orgs: [{ orgId, role: 'member' }] });
    const url = `/api/orgs/${orgId}/members/${user.id}`;
    for (const payload of [{ role: 'owner' }, {}, { role: 'member', extra: 1 }]) {
      const res = await as(ctx, admin)({ method: 'PUT', url, payload });
      expect({ payload, status: res.statusCode, code: errorCode(res) }).toEqual({ payload, status: 400, code: 'validation_failed' });
    }
    const malformed = await as(ctx, admin)({ method: 'PUT', url, headers: { 'content-type': 'application/json' }, payload: '{"role"' });
    expect(errorCode(malformed)).toBe('invalid_json');
    expect((await as(ctx, admin)({ method: 'GET', url: `/api/orgs/${orgId}/members` })).json().items).toMatchObject([{ userId: user.id, role: 'member' }]);
    expect(await auditOf(ctx, orgId)).toEqual([]);
  });
});
