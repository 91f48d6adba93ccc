import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';

// Who may call each people route, and that everyone else gets "not found" (or 401 when signed out)
// without anything changing.
const WHO = ['administrator', 'coordinator', 'auditor', 'responder', 'member', 'orgAdmin', 'otherOrgAdmin', 'anonymous'] as const;
type Who = (typeof WHO)[number];

interface Case {
  name: string;
  allowed: Who[];
  status: number;
  request: () => Promise<InjectOptions>;
}

describeEachDatabase('people routes: who may', (database) => {
  const ctx = useTestApp(database);
  const sessions = {} as Record<Who, Session | null>;
  let orgA = '';
  let target = '';

  beforeAll(async () => {
    orgA = await createOrg(ctx);
    const orgB = await createOrg(ctx);
    target = (await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })).id;
    const users = {
      administrator: await createUser(ctx, { roles: ['administrator'] }),
      coordinator: await createUser(ctx, { roles: ['coordinator'] }),
      auditor: await createUser(ctx, { roles: ['auditor'] }),
      responder: await createUser(ctx, { roles: ['responder'] }),
      member: await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] }),
      orgAdmin: await createUser(ctx, { orgs: [{ orgId: orgA, role: 'org_admin' }] }),
      otherOrgAdmin: await createUser(ctx, { orgs: [{ orgId: orgB, role: 'org_admin' }] }),
    };
    for (const [who, user] of Object.entries(users)) sessions[who as Who] = await signIn(ctx, user);
    sessions.anonymous = null;
  });

  const newMemberOfA = async () => (await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })).id;
  const cases: Case[] = [
    { name: 'GET /api/users', allowed: ['administrator'], status: 200, request: async () => ({ method: 'GET', url: '/api/users' }) },
    { name: 'GET /api/users/:id', allowed: ['administrator'], status: 200, request: async () => ({ method: 'GET', url: `/api/users/${target}` }) },
    {
      name: 'PATCH /api/users/:id', allowed: ['administrator'], status: 200,
      request: async () => ({ method: 'PATCH', url: `/api/users/${target}`, payload: { displayName: `renamed ${randomUUID()}` } }),
    },
    { name: 'POST /api/users/:id/unlock', allowed: ['administrator'], status: 204, request: async () => ({ method: 'POST', url: `/api/users/${target}/unlock` }) },
    {
      name: 'POST /api/users/:id/password-reset', allowed: ['administrator'], status: 202,
      request: async () => ({ method: 'POST', url: `/api/users/${target}/password-reset` }),
    },
    {
      name: 'POST /api/invitations (into org A)', allowed: ['administrator', 'orgAdmin'], status: 201,
      request: async () => ({ method: 'POST', url: '/api/invitations', payload: { email: `new-${randomUUID()}@example.org`, locale: 'en', orgId: orgA } }),
    },
    {
      name: 'GET /api/orgs/:id/members', allowed: ['administrator', 'coordinator', 'orgAdmin'], status: 200,
      request: async () => ({ method: 'GET', url: `/api/orgs/${orgA}/members` }),
    },
    {
      name: 'PUT /api/orgs/:id/members/:userId', allowed: ['administrator', 'orgAdmin'], status: 200,
      request: async () => ({ method: 'PUT', url: `/api/orgs/${orgA}/members/${await newMemberOfA()}`, payload: { role: 'org_admin' } }),
    },
    {
      name: 'DELETE /api/orgs/:id/members/:userId', allowed: ['administrator', 'orgAdmin'], status: 204,
      request: async () => ({ method: 'DELETE', url: `/api/orgs/${orgA}/members/${await newMemberOfA()}` }),
    },
  ];

  const countRows = async (table: 'audit_events' | 'outbox' | 'one_time_links' | 'memberships') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  for (const c of cases) {
    it(`${c.name}: ${c.allowed.join(', ')} may; others get 404, anonymous 401, and nothing changes`, async () => {
      const before = await Promise.all([countRows('audit_events'), countRows('outbox'), countRows('one_time_links')]);
      for (const who of WHO.filter((w) => !c.allowed.includes(w))) {
        const res = await as(ctx, sessions[who])(await c.request());
        expect({ who, status: res.statusCode, code: errorCode(res) }).toEqual(
          who === 'anonymous' ? { who, status: 401, code: 'unauthenticated' } : { who, status: 404, code: 'not_found' },
        );
      }
      expect(await Promise.all([countRows('audit_events'), countRows('outbox'), countRows('one_time_links')])).toEqual(before);
      for (const who of c.allowed) {
        const res = await as(ctx, sessions[who])(await c.request());
        expect({ who, status: res.statusCode }).toEqual({ who, status: c.status });
      }
    });
  }

  it('an org admin may not invite with platform roles, without an organisation, or into another organisation', async () => {
    const invite = as(ctx, sessions.orgAdmin);
    const email = `x-${randomUUID()}@example.org`;
    const attempts = [
      { email, locale: 'ja', orgId: orgA, platformRoles: ['coordinator'] },
      { email, locale: 'ja' },
      { email, locale: 'ja', orgId: await createOrg(ctx) },
      { email, locale: 'ja', orgId: randomUUID() },
    ];
    for (const payload of attempts) {
      const res = await invite({ method: 'POST', url: '/api/invitations', payload });
      expect({ payload, status: res.statusCode, code: errorCode(res) }).toEqual({ payload, status: 404, code: 'not_found' });
    }
    expect(await ctx.db.selectFrom('outbox').select('id').where('recipient', '=', email).execute()).toHaveLength(0);
  });

  it('an org admin may change roles of their members but not add someone who is not a member', async () => {
    const outsider = await createUser(ctx);
    const before = await countRows('memberships');
    const res = await as(ctx, sessions.orgAdmin)({ method: 'PUT', url: `/api/orgs/${orgA}/members/${outsider.id}`, payload: { role: 'member' } });
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
    expect(await countRows('memberships')).toBe(before);
  });

  it('a read-only API token of an administrator may read people but not change them', async () => {
    const created = await as(ctx, sessions.administrator)({ method: 'POST', url: '/api/account/tokens', payload: { name: 'ro', scopes: ['read'], expiresInDays: 1 } });
    const headers = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    expect((await ctx.app.inject({ method: 'GET', url: `/api/users/${target}`, headers })).statusCode).toBe(200);
    const patch = await ctx.app.inject({ method: 'PATCH', url: `/api/users/${target}`, headers, payload: { status: 'disabled' } });
    expect(errorCode(patch)).toBe('insufficient_scope');
  });
});
