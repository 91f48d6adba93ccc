import { beforeAll, describe, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type TestContext } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import type { OrgRole, PlatformRole } from '../../auth/roles.js';

const orgInput = (nameEn: string) => ({
  nameJa: `${nameEn} 株式会社`,
  nameEn,
  aliases: [],
  sector: 'jsic-e',
  sizeBand: '21-100',
  prefecture: '13',
  status: 'active',
  domains: [],
  ipRanges: [],
  contacts: [],
});

async function caller(ctx: TestContext, input: { roles?: PlatformRole[]; orgs?: Array<{ orgId: string; role: OrgRole }> }) {
  return as(ctx, await signIn(ctx, await createUser(ctx, input)));
}

async function auditActions(ctx: TestContext, orgId: string) {
  const rows = await ctx.db.selectFrom('audit_events').select(['action', 'details', 'actor_user_id']).where('org_id', '=', orgId).orderBy('id').execute();
  return rows.map((row) => ({ action: row.action, details: JSON.parse(row.details) as unknown, byUser: row.actor_user_id !== null }));
}

describeEachDatabase('organisations: who may do what', (database) => {
  const ctx = useTestApp(database);
  let own = '';
  let other = '';
  beforeAll(async () => {
    own = await createOrg(ctx, { nameEn: 'Own Org' });
    other = await createOrg(ctx, { nameEn: 'Other Org' });
  });

  describe('administrator', () => {
    it('creates, reads, updates (status too) and lists every organisation, with audit events', async () => {
      const admin = await caller(ctx, { roles: ['administrator'] });
      const created = await admin({ method: 'POST', url: '/api/orgs', payload: { ...orgInput('Admin Made'), domains: ['日本.jp'], ipRanges: ['2001:db8::/32'] } });
      expect(created.statusCode).toBe(201);
      const org = created.json();
      expect(org).toMatchObject({ nameEn: 'Admin Made', domains: ['xn--wgv71a.jp'], ipRanges: ['2001:db8::/32'], status: 'active' });
      expect(org.createdAt).toBe(org.updatedAt);

      expect((await admin({ method: 'GET', url: `/api/orgs/${org.id}` })).json()).toEqual(org);
      const updated = await admin({ method: 'PATCH', url: `/api/orgs/${org.id}`, payload: { nameEn: 'Admin Renamed', status: 'suspended' } });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ nameEn: 'Admin Renamed', status: 'suspended', domains: ['xn--wgv71a.jp'] });

      const ids = (await admin({ method: 'GET', url: '/api/orgs' })).json().items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([own, other, org.id]));
      expect(await auditActions(ctx, org.id)).toEqual([
        { action: 'org.created', details: { nameJa: 'Admin Made 株式会社', nameEn: 'Admin Made', status: 'active' }, byUser: true },
        { action: 'org.updated', details: { fields: ['nameEn'] }, byUser: true },
        { action: 'org.status_changed', details: { from: 'active', to: 'suspended' }, byUser: true },
      ]);
    });

    it('gets 404 for an organisation that does not exist', async () => {
      const admin = await caller(ctx, { roles: ['administrator'] });
      expect(errorCode(await admin({ method: 'GET', url: '/api/orgs/no-such-org' }))).toBe('not_found');
      expect(errorCode(await admin({ method: 'PATCH', url: '/api/orgs/no-such-org', payload: { nameEn: 'X' } }))).toBe('not_found');
    });
  });

  describe('org admin', () => {
    it('updates the own organisation, but not its status', async () => {
      const orgAdmin = await caller(ctx, { orgs: [{ orgId: own, role: 'org_admin' }] });
      const res = await orgAdmin({ method: 'PATCH', url: `/api/orgs/${own}`, payload: { aliases: ['OO'], ipRanges: ['192.0.2.7/24'] } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ aliases: ['OO'], ipRanges: ['192.0.2.0/24'], status: 'active' });

      const before = (await orgAdmin({ method: 'GET', url: `/api/orgs/${own}` })).json();
      const denied = await orgAdmin({ method: 'PATCH', url: `/api/orgs/${own}`, payload: { nameEn: 'Sneaky', status: 'suspended' } });
      expect(denied.statusCode).toBe(404);
      expect(errorCode(denied)).toBe('not_found');
      expect((await orgAdmin({ method: 'GET', url: `/api/orgs/${own}` })).json()).toEqual(before);
      // Sending the current status (as a form that sends everything does) is not a change.
      expect((await orgAdmin({ method: 'PATCH', url: `/api/orgs/${own}`, payload: { status: 'active', nameEn: 'Own Org' } })).statusCode).toBe(200);
    });

    it('cannot see, update or create other organisations', async () => {
      const orgAdmin = await caller(ctx, { orgs: [{ orgId: own, role: 'org_admin' }] });
      expect(errorCode(await orgAdmin({ method: 'GET', url: `/api/orgs/${other}` }))).toBe('not_found');
      expect(errorCode(await orgAdmin({ method: 'PATCH', url: `/api/orgs/${other}`, payload: { nameEn: 'Taken' } }))).toBe('not_found');
      expect(errorCode(await orgAdmin({ method: 'POST', url: '/api/orgs', payload: orgInput('Nope') }))).toBe('not_found');
    });
  });

  describe('member', () => {
    it('reads the own organisation only; others look exactly like missing ones', async () => {
      const member = await caller(ctx, { orgs: [{ orgId: own, role: 'member' }] });
      expect((await member({ method: 'GET', url: `/api/orgs/${own}` })).statusCode).toBe(200);
      const denied = await member({ method: 'GET', url: `/api/orgs/${other}` });
      const missing = await member({ method: 'GET', url: '/api/orgs/no-such-org' });
      expect(denied.statusCode).toBe(404);
      expect(denied.body).toBe(missing.body);
      const list = (await member({ method: 'GET', url: '/api/orgs' })).json();
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([own]);
      expect(Object.keys(list.items[0]).sort()).toEqual(['id', 'nameEn', 'nameJa', 'prefecture', 'sector', 'sizeBand', 'status']);
    });

    it('cannot update the own organisation', async () => {
      const member = await caller(ctx, { orgs: [{ orgId: own, role: 'member' }] });
      expect(errorCode(await member({ method: 'PATCH', url: `/api/orgs/${own}`, payload: { nameEn: 'Mine' } }))).toBe('not_found');
    });

    it('without any organisation sees an empty list', async () => {
      const loner = await caller(ctx, {});
      expect((await loner({ method: 'GET', url: '/api/orgs' })).json()).toEqual({ items: [] });
    });
  });

  describe.each(['coordinator', 'auditor'] as const)('%s', (role) => {
    it('reads and lists every organisation but cannot create or update', async () => {
      const reader = await caller(ctx, { roles: [role] });
      expect((await reader({ method: 'GET', url: `/api/orgs/${other}` })).statusCode).toBe(200);
      const ids = (await reader({ method: 'GET', url: '/api/orgs' })).json().items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([own, other]));
      expect(errorCode(await reader({ method: 'POST', url: '/api/orgs', payload: orgInput('Nope') }))).toBe('not_found');
      expect(errorCode(await reader({ method: 'PATCH', url: `/api/orgs/${other}`, payload: { nameEn: 'Nope' } }))).toBe('not_found');
      expect(errorCode(await reader({ method: 'PATCH', url: `/api/orgs/${other}`, payload: { status: 'suspended' } }))).toBe('not_found');
    });
  });

  it('refuses anonymous callers with 401 on every route', async () => {
    const anonymous = as(ctx, null);
    const requests = [
      { method: 'GET' as const, url: '/api/orgs' },
      { method: 'POST' as const, url: '/api/orgs', payload: orgInput('Anon') },
      { method: 'GET' as const, url: `/api/orgs/${own}` },
      { method: 'PATCH' as const, url: `/api/orgs/${own}`, payload: { nameEn: 'Anon' } },
    ];
    for (const request of requests) {
      const res = await anonymous(request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(401);
      expect(errorCode(res)).toBe('unauthenticated');
    }
  });
});
