// The registry of identity owners (issue 17): the first organisation to store an identity, or an object naming one
// nobody owns, owns it; another organisation's objects that name it, or versions of it, are refused one by one.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useEmptyDatabase } from '../../../test/helpers/databases.js';
import { createOrg, useTestApp } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ROOT, statusOf, stixId, taxii, taxiiCaller, TLP, type TaxiiCaller } from '../../../test/helpers/taxii.js';
import type { RequestContext } from '../../auth/actor.js';
import type { OrgRole } from '../../auth/roles.js';
import type { Database } from '../../db/database.js';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { orgIdentityId } from '../stix/org-identity.js';
import { addObjects } from './store.service.js';

const CREATED = '2026-01-02T00:00:00.000Z';
const identity = (id: string, modified = CREATED, name = 'Vendor') =>
  ({ type: 'identity', spec_version: '2.1', id, created: CREATED, modified, name, identity_class: 'organization' });

const ownerOf = async (db: Database, id: string) =>
  (await db.selectFrom('stix_identity_owners').select('org_id').where('identity_id', '=', id).execute()).map((r) => r.org_id);

describeEachDatabase('STIX identities belong to the organisation that registered them', (database) => {
  const ctx = useTestApp(database);
  let orgA = '';
  let orgB = '';
  let memberA: TaxiiCaller;
  let memberB: TaxiiCaller;
  let coordinator: TaxiiCaller;
  let ids: Awaited<ReturnType<typeof collectionIds>>;
  const post = (caller: TaxiiCaller, collection: string, objects: unknown[]) =>
    taxii(ctx, caller)({ method: 'POST', url: `${ROOT}/collections/${collection}/objects/`, json: { objects } });
  const inboxOf = (caller: TaxiiCaller) => ids.inbox[caller === memberA ? orgA : orgB] as string;

  beforeAll(async () => {
    orgA = await createOrg(ctx);
    orgB = await createOrg(ctx);
    ids = await collectionIds(ctx, [orgA, orgB]);
    memberA = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    memberB = await taxiiCaller(ctx, { orgs: [{ orgId: orgB, role: 'member' }] });
    coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
  });

  it('gives an identity to the organisation that stores it first, and refuses only the other\'s objects naming it', async () => {
    const vendor = stixId('identity');
    const ofA = indicator({ createdBy: vendor, tlp: 'amber' });
    expect(statusOf(await post(memberA, ids.inbox[orgA] as string, [identity(vendor), ofA])).success_count).toBe(2);
    expect(await ownerOf(ctx.db, vendor)).toEqual([orgA]);

    const borrowed = indicator({ createdBy: vendor, tlp: 'amber' });
    const anonymous = indicator({ createdBy: null, tlp: 'amber' });
    const own = indicator({ createdBy: orgIdentityId(orgB), tlp: 'amber' });
    const status = statusOf(await post(memberB, ids.inbox[orgB] as string, [borrowed, anonymous, own]));
    expect(status.successes?.map((s) => s.id).sort()).toEqual([anonymous.id, own.id].sort());
    expect(status.failures?.map((f) => f.id)).toEqual([borrowed.id]);
    expect(status.failures?.[0]?.message).toMatch(/作成者として名乗ることはできません/);
    expect(status.failures?.[0]?.message).toContain(vendor);

    // Nor may B store a version of the identity itself, or a "newer version" of A's indicator under it.
    const rewritten = identity(vendor, '2026-03-01T00:00:00.000Z', 'Rewritten by B');
    const newerOfA = { ...ofA, modified: '2026-03-01T00:00:00.000Z', name: 'Rewritten by B' };
    expect(statusOf(await post(memberB, ids.inbox[orgB] as string, [rewritten, newerOfA])).failures?.map((f) => f.id).sort())
      .toEqual([vendor, ofA.id].sort());
    expect(await ownerOf(ctx.db, vendor)).toEqual([orgA]);

    // A still names it and versions it.
    const later = identity(vendor, '2026-04-01T00:00:00.000Z', 'Vendor, renamed');
    expect(statusOf(await post(memberA, ids.inbox[orgA] as string, [later, indicator({ createdBy: vendor, tlp: 'amber' })])).success_count).toBe(2);
    const names = await ctx.db.selectFrom('stix_objects').select('json').where('stix_id', '=', vendor).orderBy('version_key').execute();
    expect(names.map((n) => JSON.parse(n.json).name)).toEqual(['Vendor', 'Vendor, renamed']);
  });

  it('registers an identity that an object names as its creator, without the identity object', async () => {
    const source = stixId('identity');
    expect(statusOf(await post(memberB, ids.inbox[orgB] as string, [indicator({ createdBy: source, tlp: 'amber' })])).success_count).toBe(1);
    expect(await ownerOf(ctx.db, source)).toEqual([orgB]);
    expect(statusOf(await post(memberA, ids.inbox[orgA] as string, [indicator({ createdBy: source, tlp: 'amber' })])).failure_count).toBe(1);
  });

  it('refuses another organisation\'s own identity although that organisation never stored anything', async () => {
    const silent = await createOrg(ctx);
    const res = statusOf(await post(memberA, ids.inbox[orgA] as string, [indicator({ createdBy: orgIdentityId(silent), tlp: 'amber' })]));
    expect(res.failure_count).toBe(1);
    expect(await ownerOf(ctx.db, orgIdentityId(silent))).toEqual([silent]);
  });

  it('lets the desk name any identity and registers none of them', async () => {
    const vendor = stixId('identity');
    expect(statusOf(await post(coordinator, ids.community, [{ ...identity(vendor), object_marking_refs: [TLP.green] }, indicator({ createdBy: vendor })])).success_count).toBe(2);
    expect(await ownerOf(ctx.db, vendor)).toEqual([]);
    expect(statusOf(await post(memberA, ids.inbox[orgA] as string, [indicator({ createdBy: vendor, tlp: 'amber' })])).success_count).toBe(1);
    expect(await ownerOf(ctx.db, vendor)).toEqual([orgA]);
  });

  it('in a shared collection, registers for the writer\'s organisation only when it has exactly one', async () => {
    const asMemberOf = (...orgIds: string[]): RequestContext => ({
      requestId: null, ip: null, locale: 'en',
      actor: {
        kind: 'user', userId: randomUUID(), email: 'writer@example.org', locale: 'en', platformRoles: new Set(),
        orgRoles: new Map(orgIds.map((id): [string, OrgRole] => [id, 'member'])), activeOrgIds: new Set(orgIds), via: 'session',
        scopes: new Set(['read', 'write']), sessionId: null, mfaEnrollmentRequired: false,
      },
    });
    const one = stixId('identity');
    const two = stixId('identity');
    // The store checks no permissions (its callers do): written directly, as a member could through a shared collection.
    await addObjects(ctx.db, { request: asMemberOf(orgA), defaultTlp: 'green' }, ids.community, [indicator({ createdBy: one })]);
    await addObjects(ctx.db, { request: asMemberOf(orgA, orgB), defaultTlp: 'green' }, ids.community, [indicator({ createdBy: two })]);
    expect(await ownerOf(ctx.db, one)).toEqual([orgA]);
    expect(await ownerOf(ctx.db, two)).toEqual([]);
  });

  it('gives a new identity that two organisations store at the same moment to exactly one of them', async () => {
    const contested = stixId('identity');
    const callers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? memberA : memberB));
    const results = await Promise.all(callers.map((caller) =>
      post(caller, inboxOf(caller), [identity(contested), indicator({ createdBy: contested, tlp: 'amber' })])));
    const owners = await ownerOf(ctx.db, contested);
    expect(owners).toHaveLength(1);
    const winner = owners[0] === orgA ? memberA : memberB;
    expect(owners[0]).toBe(winner === memberA ? orgA : orgB);
    results.forEach((res, i) => {
      const status = statusOf(res);
      expect([status.success_count, status.failure_count]).toEqual(callers[i] === winner ? [2, 0] : [0, 2]);
    });
    const loser = winner === memberA ? memberB : memberA;
    expect(statusOf(await post(loser, inboxOf(loser), [indicator({ createdBy: contested, tlp: 'amber' })])).failure_count).toBe(1);
    expect(statusOf(await post(winner, inboxOf(winner), [indicator({ createdBy: contested, tlp: 'amber' })])).success_count).toBe(1);
  });
});

describeEachDatabase('the identity owners migration', (database) => {
  const scratch = useEmptyDatabase(database);

  it('gives every existing organisation its own identity, and goes back down', async () => {
    const { db } = scratch;
    await migrateTo(db, '2026-12-07-0017-correlation-current');
    const at = '2026-12-01T00:00:00.000Z';
    const org = { name_ja: '組織', name_en: 'Org', sector: 'E', size_band: '1-20', prefecture: '13', status: 'active', aliases: '[]', contacts: '[]', created_at: at, updated_at: at };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (db as unknown as Kysely<any>).insertInto('organisations').values([{ id: 'o1', ...org }, { id: 'o2', ...org }]).execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom('stix_identity_owners').select(['identity_id', 'org_id']).orderBy('org_id').execute();
    expect(rows).toEqual([{ identity_id: orgIdentityId('o1'), org_id: 'o1' }, { identity_id: orgIdentityId('o2'), org_id: 'o2' }]);
    await migrateTo(db, '2026-12-07-0017-correlation-current');
    expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain('stix_identity_owners');
  });
});
