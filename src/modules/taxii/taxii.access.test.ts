// Who may read and write which collection over TAXII, for every role; TLP placement per audience.
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { createOrg, useTestApp } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ROOT, statusOf, taxii, taxiiCaller, type TLP, type TaxiiCaller } from '../../../test/helpers/taxii.js';
import { createSharingGroup, removeSharingGroupMember } from './sharing-groups.service.js';
import { addObjects } from './store.service.js';

const ROLES = ['anonymous', 'memberA', 'orgAdminA', 'memberB', 'suspendedMember', 'coordinator', 'administrator', 'auditor', 'responder'] as const;
type Role = (typeof ROLES)[number];
type Tlp = keyof typeof TLP | null;
const COLLECTIONS = ['community', 'public', 'group', 'feedA', 'inboxA', 'feedB', 'inboxB'] as const;
type Collection = (typeof COLLECTIONS)[number];

// Status codes per role, in COLLECTIONS order.
const READ: Record<Role, number[]> = {
  anonymous: [401, 401, 401, 401, 401, 401, 401],
  memberA: [200, 200, 404, 200, 200, 404, 404],
  orgAdminA: [200, 200, 404, 200, 200, 404, 404],
  memberB: [200, 200, 200, 404, 404, 200, 200],
  suspendedMember: [404, 200, 404, 404, 404, 404, 404],
  coordinator: [200, 200, 200, 200, 200, 200, 200],
  administrator: [200, 200, 404, 404, 404, 404, 404],
  auditor: [200, 200, 404, 404, 404, 404, 404],
  responder: [200, 200, 404, 404, 404, 404, 404],
};
const WRITE: Record<Role, number[]> = {
  anonymous: [401, 401, 401, 401, 401, 401, 401],
  memberA: [403, 403, 404, 403, 202, 404, 404],
  orgAdminA: [403, 403, 404, 403, 202, 404, 404],
  memberB: [403, 403, 403, 404, 404, 403, 202],
  suspendedMember: [404, 403, 404, 404, 404, 404, 404],
  coordinator: [202, 202, 202, 202, 403, 202, 403],
  administrator: [403, 403, 404, 404, 404, 404, 404],
  auditor: [403, 403, 404, 404, 404, 404, 404],
  responder: [403, 403, 404, 404, 404, 404, 404],
};
// Deleting needs both permissions: neither is a 404, one of them a 403.
const DELETE: Record<Role, number[]> = {
  anonymous: [401, 401, 401, 401, 401, 401, 401],
  memberA: [403, 403, 404, 403, 200, 404, 404],
  orgAdminA: [403, 403, 404, 403, 200, 404, 404],
  memberB: [403, 403, 403, 404, 404, 403, 200],
  suspendedMember: [404, 403, 404, 404, 404, 404, 404],
  coordinator: [200, 200, 200, 200, 403, 200, 403],
  administrator: [403, 403, 404, 404, 404, 404, 404],
  auditor: [403, 403, 404, 404, 404, 404, 404],
  responder: [403, 403, 404, 404, 404, 404, 404],
};

describeEachDatabase('TAXII access by role', (database) => {
  const ctx = useTestApp(database);
  const callers = {} as Record<Role, TaxiiCaller | null>;
  const collections = {} as Record<Collection, string>;
  const store = { request: systemContext('en'), defaultTlp: 'amber' as const };

  beforeAll(async () => {
    const orgA = await createOrg(ctx, { nameEn: 'Org A' });
    const orgB = await createOrg(ctx, { nameEn: 'Org B' });
    const suspended = await createOrg(ctx, { nameEn: 'Suspended', status: 'suspended' });
    callers.anonymous = null;
    callers.memberA = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    callers.orgAdminA = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'org_admin' }] });
    callers.memberB = await taxiiCaller(ctx, { orgs: [{ orgId: orgB, role: 'member' }] });
    callers.suspendedMember = await taxiiCaller(ctx, { orgs: [{ orgId: suspended, role: 'member' }] });
    for (const role of ['coordinator', 'administrator', 'auditor', 'responder'] as const) callers[role] = await taxiiCaller(ctx, { roles: [role] });
    const ids = await collectionIds(ctx, [orgA, orgB]);
    const group = await createSharingGroup(ctx.db, systemContextWithAdmin(), { name: 'Hospitals', orgIds: [orgB] });
    Object.assign(collections, {
      community: ids.community, public: ids.public, group: group.collectionId,
      feedA: ids.feed[orgA], inboxA: ids.inbox[orgA], feedB: ids.feed[orgB], inboxB: ids.inbox[orgB],
    });
  });

  // Creating a group needs a coordinator or an administrator; the operator acts as one here.
  function systemContextWithAdmin() {
    return { ...systemContext('en'), actor: { kind: 'user' as const, userId: 'op', email: 'op@example.org', locale: 'en' as const, platformRoles: new Set(['administrator' as const]), orgRoles: new Map(), activeOrgIds: new Set<string>(), via: 'session' as const, scopes: new Set(['read' as const, 'write' as const]), sessionId: null, mfaEnrollmentRequired: false } };
  }

  const seed = async (collection: Collection) => {
    const object = indicator({ tlp: 'clear' });
    expect((await addObjects(ctx.db, store, collections[collection], [object])).status.success_count).toBe(1);
    return object;
  };

  it('reads collections, objects, manifests and the collection resource as the rules say', async () => {
    for (const role of ROLES) {
      const got: number[] = [];
      for (const name of COLLECTIONS) {
        const codes = await Promise.all(['', 'objects/', 'manifest/'].map(async (path) =>
          (await taxii(ctx, callers[role])({ method: 'GET', url: `${ROOT}/collections/${collections[name]}/${path}` })).statusCode));
        expect(new Set(codes).size, `${role} ${name} ${codes.join(',')}`).toBe(1);
        got.push(codes[0] as number);
      }
      expect([role, got]).toEqual([role, READ[role]]);
    }
  });

  it('lists exactly the collections a caller can read or write, with can_read and can_write', async () => {
    for (const role of ROLES.filter((r) => r !== 'anonymous')) {
      const res = await taxii(ctx, callers[role])({ method: 'GET', url: `${ROOT}/collections/` });
      const all = res.json<{ collections?: Array<{ id: string; can_read: boolean; can_write: boolean }> }>().collections ?? [];
      // Only coordinators also see the suspended organisation's feed and inbox.
      const listed = all.filter((c) => COLLECTIONS.some((n) => collections[n] === c.id));
      expect([role, all.length - listed.length]).toEqual([role, role === 'coordinator' ? 2 : 0]);
      const expected = COLLECTIONS.filter((_, i) => READ[role][i] === 200 || WRITE[role][i] === 202);
      expect([role, listed.map((c) => COLLECTIONS.find((n) => collections[n] === c.id))]).toEqual([role, expected]);
      for (const c of listed) {
        const i = COLLECTIONS.findIndex((n) => collections[n] === c.id);
        expect([role, c.can_read, c.can_write]).toEqual([role, READ[role][i] === 200, WRITE[role][i] === 202]);
      }
    }
    expect((await taxii(ctx, null)({ method: 'GET', url: `${ROOT}/collections/` })).statusCode).toBe(401);
  });

  it('applies a suspension or a change of sharing group from the next request on, match[id] reads too', async () => {
    const org = await createOrg(ctx, { nameEn: 'Soon suspended' });
    const member = await taxiiCaller(ctx, { orgs: [{ orgId: org, role: 'member' }] });
    const group = await createSharingGroup(ctx.db, systemContextWithAdmin(), { name: 'Changing', orgIds: [org] });
    const object = indicator({ tlp: 'clear' });
    for (const id of [collections.community, group.collectionId]) expect((await addObjects(ctx.db, store, id, [object])).status.success_count).toBe(1);
    const readAs = (caller: TaxiiCaller | null) => async (collectionId: string) =>
      (await taxii(ctx, caller)({ method: 'GET', url: `${ROOT}/collections/${collectionId}/objects/?match[id]=${object.id}` })).statusCode;
    const read = readAs(member);
    expect([await read(collections.community), await read(group.collectionId)]).toEqual([200, 200]);
    expect([await readAs(null)(collections.community), await readAs(null)(group.collectionId)]).toEqual([401, 401]);
    await ctx.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', org).execute();
    expect([await read(collections.community), await read(group.collectionId)]).toEqual([404, 404]);
    await ctx.db.updateTable('organisations').set({ status: 'active' }).where('id', '=', org).execute();
    await removeSharingGroupMember(ctx.db, systemContextWithAdmin(), group.id, org);
    expect([await read(collections.community), await read(group.collectionId)]).toEqual([200, 404]);
  });

  // Without a creator: the first organisation to name one would own it (identity-owners.test.ts), and the next refused.
  it('writes as the rules say', async () => {
    for (const role of ROLES) {
      const got: number[] = [];
      for (const name of COLLECTIONS) {
        const objects = [indicator({ tlp: 'clear', createdBy: null })];
        const res = await taxii(ctx, callers[role])({ method: 'POST', url: `${ROOT}/collections/${collections[name]}/objects/`, json: { objects } });
        got.push(res.statusCode);
        if (res.statusCode === 202) expect(statusOf(res).success_count).toBe(1);
      }
      expect([role, got]).toEqual([role, WRITE[role]]);
    }
  });

  it('deletes as the rules say', async () => {
    for (const role of ROLES) {
      const got: number[] = [];
      for (const name of COLLECTIONS) {
        const object = await seed(name);
        got.push((await taxii(ctx, callers[role])({ method: 'DELETE', url: `${ROOT}/collections/${collections[name]}/objects/${object.id}/` })).statusCode);
      }
      expect([role, got]).toEqual([role, DELETE[role]]);
    }
  });

  it('keeps inboxes and feeds to their organisation: another member finds nothing, a coordinator everything', async () => {
    const secret = indicator({ tlp: 'amber', createdBy: null });
    const sent = await taxii(ctx, callers.memberB)({ method: 'POST', url: `${ROOT}/collections/${collections.inboxB}/objects/`, json: { objects: [secret] } });
    expect(statusOf(sent).success_count).toBe(1);
    for (const url of [`objects/`, `objects/${secret.id}/`, `objects/${secret.id}/versions/`, 'manifest/', '']) {
      expect((await taxii(ctx, callers.memberA)({ method: 'GET', url: `${ROOT}/collections/${collections.inboxB}/${url}` })).statusCode).toBe(404);
      expect((await taxii(ctx, callers.coordinator)({ method: 'GET', url: `${ROOT}/collections/${collections.inboxB}/${url}` })).statusCode).toBe(200);
    }
    const community = await taxii(ctx, callers.memberA)({ method: 'GET', url: `${ROOT}/collections/${collections.community}/objects/?match[id]=${secret.id}` });
    expect(community.json()).toEqual({ more: false });
  });

  it('places objects by TLP: RED nowhere, AMBER only in feeds and inboxes, GREEN never public, unmarked as AMBER', async () => {
    const placed = async (tlp: Tlp, name: Collection) => {
      const caller = name === 'inboxA' ? callers.memberA : callers.coordinator;
      const res = await taxii(ctx, caller)({ method: 'POST', url: `${ROOT}/collections/${collections[name]}/objects/`, json: { objects: [indicator({ tlp })] } });
      return statusOf(res).success_count === 1;
    };
    const table: Array<[Tlp, Collection[]]> = [
      ['clear', ['community', 'public', 'group', 'feedA', 'inboxA']],
      ['white1', ['community', 'public', 'group', 'feedA', 'inboxA']],
      ['green', ['community', 'group', 'feedA', 'inboxA']],
      ['amber', ['feedA', 'inboxA']],
      ['amberStrict', ['feedA', 'inboxA']],
      [null, ['feedA', 'inboxA']],
      ['red', []],
    ];
    for (const [tlp, allowed] of table) {
      const got = [];
      for (const name of ['community', 'public', 'group', 'feedA', 'inboxA'] as const) if (await placed(tlp, name)) got.push(name);
      expect([tlp, got]).toEqual([tlp, allowed]);
    }
  });

  it('refuses writes with a read-only token and shows can_write false', async () => {
    const reader = await taxiiCaller(ctx, { roles: ['coordinator'], scopes: ['read'] });
    const res = await taxii(ctx, reader)({ method: 'POST', url: `${ROOT}/collections/${collections.community}/objects/`, json: { objects: [] } });
    expect(res.statusCode).toBe(403);
    expect(res.json().http_status).toBe('403');
    const resource = await taxii(ctx, reader)({ method: 'GET', url: `${ROOT}/collections/${collections.community}/` });
    expect(resource.json()).toMatchObject({ can_read: true, can_write: false });
  });

  it('shows a status to whoever made the request and to coordinators, and to nobody else', async () => {
    const res = await taxii(ctx, callers.memberA)({ method: 'POST', url: `${ROOT}/collections/${collections.inboxA}/objects/`, json: { objects: [indicator({ tlp: 'amber' })] } });
    const url = `${ROOT}/status/${statusOf(res).id}/`;
    const codes = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await taxii(ctx, callers[role])({ method: 'GET', url })).statusCode])));
    expect(codes).toEqual({
      anonymous: 401, memberA: 200, orgAdminA: 404, memberB: 404, suspendedMember: 404, coordinator: 200, administrator: 404, auditor: 404, responder: 404,
    });
  });
});

describeEachDatabase('TAXII with PUBLIC_TAXII=true', (database) => {
  const ctx = useTestApp(database, { PUBLIC_TAXII: 'true' });

  it('lets anyone read the public collection without signing in, and nothing else', async () => {
    const ids = await collectionIds(ctx);
    const object = indicator({ tlp: 'clear' });
    await addObjects(ctx.db, { request: systemContext(), defaultTlp: 'amber' }, ids.public, [object]);
    const anonymous = taxii(ctx, null);
    expect((await anonymous({ method: 'GET', url: '/taxii2/' })).statusCode).toBe(200);
    expect((await anonymous({ method: 'GET', url: `${ROOT}/` })).statusCode).toBe(200);
    const list = await anonymous({ method: 'GET', url: `${ROOT}/collections/` });
    expect(list.json<{ collections: Array<{ id: string; can_read: boolean; can_write: boolean }> }>().collections)
      .toEqual([expect.objectContaining({ id: ids.public, can_read: true, can_write: false })]);
    const objects = await anonymous({ method: 'GET', url: `${ROOT}/collections/${ids.public}/objects/` });
    expect(objects.json<{ objects: Array<{ id: string }> }>().objects.map((o) => o.id)).toEqual([object.id]);
    const community = await anonymous({ method: 'GET', url: `${ROOT}/collections/${ids.community}/objects/` });
    expect(community.statusCode).toBe(401);
    expect(community.headers['www-authenticate']).toMatch(/^Basic /);
    expect((await anonymous({ method: 'POST', url: `${ROOT}/collections/${ids.public}/objects/`, json: { objects: [] } })).statusCode).toBe(401);
  });
});
