// Sharing groups over the REST API, and what they change for TAXII.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { indicator, ROOT, taxii, taxiiCaller, type TaxiiCaller } from '../../../test/helpers/taxii.js';

describeEachDatabase('sharing groups', (database) => {
  const ctx = useTestApp(database);
  let coordinator: Session;
  let memberA: Session;
  let orgA: string;
  let orgB: string;
  let taxiiA: TaxiiCaller;
  let taxiiCoordinator: TaxiiCaller;

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Alpha Hospital' });
    orgB = await createOrg(ctx, { nameEn: 'Beta Clinic' });
    coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    memberA = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] }));
    taxiiA = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    taxiiCoordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
  });

  const create = (body: unknown) => as(ctx, coordinator)({ method: 'POST', url: '/api/sharing-groups', payload: body as object });
  const collectionStatus = async (collectionId: string) =>
    (await taxii(ctx, taxiiA)({ method: 'GET', url: `${ROOT}/collections/${collectionId}/objects/` })).statusCode;

  it('creates a group with members and its own TAXII collection, and audits it', async () => {
    const res = await create({ name: '  Hospitals  ', description: 'Regional hospitals', orgIds: [orgB, orgA] });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group).toMatchObject({ name: 'Hospitals', description: 'Regional hospitals', collectionId: expect.any(String) });
    expect(group.members.map((m: { nameEn: string }) => m.nameEn)).toEqual(['Alpha Hospital', 'Beta Clinic']);
    const collection = await taxii(ctx, taxiiCoordinator)({ method: 'GET', url: `${ROOT}/collections/${group.collectionId}/` });
    expect(collection.json().title).toBe('Sharing group: Hospitals');
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', group.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['sharing_group.created']);
  });

  it('refuses bad input and unknown organisations', async () => {
    expect(errorCode(await create({ name: '' }))).toBe('validation_failed');
    expect(errorCode(await create({ name: 'x', extra: 1 }))).toBe('validation_failed');
    expect((await create({ name: 'x', orgIds: ['no-such-org'] })).statusCode).toBe(404);
  });

  it('shows members only the groups their organisations are in', async () => {
    const mine = (await create({ name: 'With A', orgIds: [orgA] })).json();
    const other = (await create({ name: 'Without A', orgIds: [orgB] })).json();
    const listed = (await as(ctx, memberA)({ method: 'GET', url: '/api/sharing-groups' })).json<{ items: Array<{ id: string }> }>().items.map((g) => g.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(other.id);
    expect((await as(ctx, memberA)({ method: 'GET', url: `/api/sharing-groups/${mine.id}` })).statusCode).toBe(200);
    expect((await as(ctx, memberA)({ method: 'GET', url: `/api/sharing-groups/${other.id}` })).statusCode).toBe(404);
    const all = (await as(ctx, coordinator)({ method: 'GET', url: '/api/sharing-groups' })).json<{ items: Array<{ id: string; memberCount: number }> }>().items;
    expect(all.find((g) => g.id === other.id)?.memberCount).toBe(1);
  });

  it('renames a group, and its collection with it', async () => {
    const group = (await create({ name: 'Old name' })).json();
    const res = await as(ctx, coordinator)({ method: 'PATCH', url: `/api/sharing-groups/${group.id}`, payload: { name: 'New name' } });
    expect(res.json().name).toBe('New name');
    const collection = await taxii(ctx, taxiiCoordinator)({ method: 'GET', url: `${ROOT}/collections/${group.collectionId}/` });
    expect(collection.json().title).toBe('Sharing group: New name');
    expect((await as(ctx, coordinator)({ method: 'PATCH', url: '/api/sharing-groups/nope', payload: { name: 'x' } })).statusCode).toBe(404);
  });

  it('opens the group collection to an organisation while it is a member, and closes it after', async () => {
    const group = (await create({ name: 'Changing' })).json();
    expect(await collectionStatus(group.collectionId)).toBe(404);
    const added = await as(ctx, coordinator)({ method: 'PUT', url: `/api/sharing-groups/${group.id}/members/${orgA}` });
    expect(added.json().members.map((m: { orgId: string }) => m.orgId)).toEqual([orgA]);
    expect((await as(ctx, coordinator)({ method: 'PUT', url: `/api/sharing-groups/${group.id}/members/${orgA}` })).statusCode).toBe(200);
    expect(await collectionStatus(group.collectionId)).toBe(200);
    expect((await as(ctx, coordinator)({ method: 'DELETE', url: `/api/sharing-groups/${group.id}/members/${orgA}` })).statusCode).toBe(204);
    expect(await collectionStatus(group.collectionId)).toBe(404);
    expect((await as(ctx, coordinator)({ method: 'DELETE', url: `/api/sharing-groups/${group.id}/members/${orgA}` })).statusCode).toBe(404);
  });

  it('deletes a group with its collection; objects only it held leave the store, shared ones stay', async () => {
    const group = (await create({ name: 'Short-lived', orgIds: [orgA] })).json();
    const only = indicator({ tlp: 'green' });
    const shared = indicator({ tlp: 'green' });
    const post = (collectionId: string, objects: unknown[]) =>
      taxii(ctx, taxiiCoordinator)({ method: 'POST', url: `${ROOT}/collections/${collectionId}/objects/`, json: { objects } });
    await post(group.collectionId, [only, shared]);
    const community = (await ctx.db.selectFrom('taxii_collections').select('id').where('audience', '=', 'community').executeTakeFirstOrThrow()).id;
    await post(community, [shared]);
    expect((await as(ctx, coordinator)({ method: 'DELETE', url: `/api/sharing-groups/${group.id}` })).statusCode).toBe(204);
    expect((await taxii(ctx, taxiiCoordinator)({ method: 'GET', url: `${ROOT}/collections/${group.collectionId}/` })).statusCode).toBe(404);
    const left = await ctx.db.selectFrom('stix_objects').select('stix_id').where('stix_id', 'in', [only.id, shared.id]).execute();
    expect(left.map((r) => r.stix_id)).toEqual([shared.id]);
    expect((await as(ctx, coordinator)({ method: 'GET', url: `/api/sharing-groups/${group.id}` })).statusCode).toBe(404);
  });
});
