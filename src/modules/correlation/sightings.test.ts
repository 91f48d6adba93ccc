// "We saw this too" over HTTP on both databases: stored as a STIX sighting in the organisation's own
// feed, once per organisation (a second click is a new version), counted only as distinct organisations,
// "fewer than k" below ANONYMITY_K, and confidence that cannot reveal a hidden count.
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ipv4, ROOT, statusOf, taxii, taxiiCaller, TLP } from '../../../test/helpers/taxii.js';
import { drainIndex } from './indexer.service.js';
import { randomUUID } from 'node:crypto';
import { addObjects } from '../taxii/store.service.js';
import { orgIdentityId } from './sightings.service.js';

interface Standing {
  sightings: { count: number | null; fewerThan: number | null; k: number; mine: Array<{ orgId: string; count: number; firstSeen: string | null }>; byOrg?: unknown[] };
  confidence: { value: number; sightings: number; reliability: number };
}

describeEachDatabase('sightings', (database) => {
  const ctx = useTestApp(database, { ANONYMITY_K: '2' });
  const s = {} as Record<'memberA' | 'memberB' | 'coordinator' | 'twoOrgs', Session>;
  const ids = {} as { orgA: string; orgB: string; feedA: string; feedB: string };
  const shared = { ...indicator({ tlp: 'green', name: 'Shared', created: new Date(Date.now() - 86_400_000).toISOString() }), confidence: 50 };
  const onlyB = indicator({ tlp: 'amber', name: 'Only B' });
  const address = ipv4('198.51.100.50', 'green');
  const send = (who: keyof typeof s, options: InjectOptions) => as(ctx, s[who])(options);
  const sight = (who: keyof typeof s, payload: Record<string, unknown>) => send(who, { method: 'POST', url: '/api/sightings', payload });
  const standing = async (who: keyof typeof s) =>
    (await send(who, { method: 'GET', url: `/api/correlation/objects/${shared.id}` })).json<Standing>();

  beforeAll(async () => {
    ids.orgA = await createOrg(ctx, { nameEn: 'A' });
    ids.orgB = await createOrg(ctx, { nameEn: 'B' });
    const found = await collectionIds(ctx, [ids.orgA, ids.orgB]);
    ids.feedA = found.feed[ids.orgA] as string;
    ids.feedB = found.feed[ids.orgB] as string;
    s.memberA = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: ids.orgA, role: 'member' }] }));
    s.memberB = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: ids.orgB, role: 'member' }] }));
    s.twoOrgs = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: ids.orgA, role: 'member' }, { orgId: ids.orgB, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    const store = { request: systemContext('en'), defaultTlp: 'amber' as const };
    await addObjects(ctx.db, store, found.community, [shared, address]);
    await addObjects(ctx.db, store, ids.feedB, [onlyB]);
  });

  it('stores the first sighting as a STIX sighting in the organisation\'s feed and hides a count below k', async () => {
    const res = await sight('memberA', { indicatorId: shared.id, count: 3, firstSeen: '2026-11-30T10:00:00+09:00', lastSeen: '2026-12-01T00:00:00Z' });
    expect(res.statusCode).toBe(200);
    const body = res.json<Standing>();
    expect(body.sightings).toMatchObject({ count: null, fewerThan: 2, k: 2 });
    expect(body.sightings.mine).toMatchObject([{ orgId: ids.orgA, count: 3, firstSeen: '2026-11-30T01:00:00.000Z' }]);
    expect(body.sightings.byOrg).toBeUndefined();
    // Below k the confidence shown leaves the sighting out: the same as without it.
    expect(body.confidence).toMatchObject({ value: 50, sightings: 0, reliability: 50 });
    const inFeed = await ctx.db.selectFrom('taxii_entries as e').innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
      .innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
      .select(['o.json', 'o.tlp']).where('c.id', '=', ids.feedA).where('o.type', '=', 'sighting').execute();
    expect(inFeed).toHaveLength(1);
    expect(inFeed[0]?.tlp).toBe('amber');
    expect(JSON.parse(inFeed[0]?.json as string)).toMatchObject({
      type: 'sighting', spec_version: '2.1', sighting_of_ref: shared.id, where_sighted_refs: [orgIdentityId(ids.orgA)], count: 3,
      first_seen: '2026-11-30T01:00:00.000Z', last_seen: '2026-12-01T00:00:00.000Z',
    });
  });

  it('updates the organisation\'s sighting instead of adding another', async () => {
    const res = await sight('memberA', { indicatorId: shared.id, count: 7 });
    expect(res.json<Standing>().sightings.mine).toMatchObject([{ orgId: ids.orgA, count: 7, firstSeen: null }]);
    const rows = await ctx.db.selectFrom('correlation_sightings').selectAll().where('indicator_id', '=', shared.id).execute();
    expect(rows).toHaveLength(1);
    const versions = await ctx.db.selectFrom('stix_objects').select('version').where('stix_id', '=', rows[0]?.sighting_id as string).execute();
    expect(versions).toHaveLength(2);
  });

  it('keeps the sighting from other organisations: they see neither it nor who made it', async () => {
    const sightingId = (await ctx.db.selectFrom('correlation_sightings').select('sighting_id').executeTakeFirstOrThrow()).sighting_id;
    expect((await send('memberB', { method: 'GET', url: `/api/intel/objects/${sightingId}` })).statusCode).toBe(404);
    const seenByB = await standing('memberB');
    expect(seenByB.sightings).toEqual({ count: null, fewerThan: 2, k: 2, mine: [] });
    expect(JSON.stringify(seenByB)).not.toContain(ids.orgA);
  });

  it('shows the count of distinct organisations from k on, and coordinators everything', async () => {
    expect((await sight('memberB', { indicatorId: shared.id })).statusCode).toBe(200);
    const seenByA = await standing('memberA');
    expect(seenByA.sightings).toMatchObject({ count: 2, fewerThan: null });
    expect(seenByA.confidence.sightings).toBe(2);
    expect(seenByA.confidence.value).toBeGreaterThan(50);
    const coordinator = await standing('coordinator');
    expect(coordinator.sightings.count).toBe(2);
    expect(coordinator.sightings.byOrg).toHaveLength(2);
  });

  it('lets a member sight only indicators they can read, for an organisation of theirs', async () => {
    expect(errorCode(await sight('memberA', { indicatorId: onlyB.id }))).toBe('not_found');
    expect(errorCode(await sight('memberA', { indicatorId: shared.id, orgId: ids.orgB }))).toBe('not_found');
    expect(errorCode(await sight('coordinator', { indicatorId: shared.id }))).toBe('not_found');
    expect(errorCode(await sight('memberA', { indicatorId: address.id }))).toBe('not_found'); // not an indicator
    expect(errorCode(await sight('twoOrgs', { indicatorId: shared.id }))).toBe('invalid_sighting'); // which organisation?
    expect((await sight('twoOrgs', { indicatorId: shared.id, orgId: ids.orgB })).statusCode).toBe(200);
  });

  it('refuses bad times and counts with clear errors, storing nothing', async () => {
    const before = await ctx.db.selectFrom('stix_objects').select('pk').where('type', '=', 'sighting').execute();
    const cases = [
      { firstSeen: 'yesterday' },
      { firstSeen: '2026-12-01T00:00:00Z', lastSeen: '2026-11-01T00:00:00Z' },
      { lastSeen: '2999-01-01T00:00:00Z' },
    ];
    for (const extra of cases) {
      const res = await sight('memberA', { indicatorId: shared.id, ...extra });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('invalid_sighting');
    }
    expect(errorCode(await sight('memberA', { indicatorId: shared.id, count: 0 }))).toBe('validation_failed');
    expect(await ctx.db.selectFrom('stix_objects').select('pk').where('type', '=', 'sighting').execute()).toEqual(before);
  });

  it('keeps one sighting object per organisation when its members confirm at the same moment', async () => {
    const raced = indicator({ tlp: 'green', name: 'Raced' });
    await addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, (await collectionIds(ctx, [])).community, [raced]);
    const members = await Promise.all(Array.from({ length: 8 }, async () => as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: ids.orgB, role: 'member' }] })))));
    const results = await Promise.all(members.map((member, i) => member({ method: 'POST', url: '/api/sightings', payload: { indicatorId: raced.id, count: i + 1 } })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const rows = await ctx.db.selectFrom('correlation_sightings').select('sighting_id').where('indicator_id', '=', raced.id).execute();
    expect(rows).toHaveLength(1);
    const objects = await ctx.db.selectFrom('stix_objects').select('stix_id').distinct().where('type', '=', 'sighting').where('json', 'like', `%${raced.id}%`).execute();
    expect(objects.map((o) => o.stix_id)).toEqual([rows[0]?.sighting_id]);
  });

  it('counts a STIX sighting an organisation posts over TAXII to its inbox as its sighting, once the index has it', async () => {
    const orgC = await createOrg(ctx, { nameEn: 'C' });
    const client = await taxiiCaller(ctx, { orgs: [{ orgId: orgC, role: 'member' }] });
    const inbox = (await collectionIds(ctx, [orgC])).inbox[orgC] as string;
    const at = new Date().toISOString();
    const sighting = {
      type: 'sighting', spec_version: '2.1', id: `sighting--${randomUUID()}`, created: at, modified: at, sighting_of_ref: shared.id, count: 4,
      where_sighted_refs: [orgIdentityId(orgC)], created_by_ref: orgIdentityId(orgC), object_marking_refs: [TLP.amber],
    };
    const res = await taxii(ctx, client)({ method: 'POST', url: `${ROOT}/collections/${inbox}/objects/`, json: { objects: [sighting] } });
    expect(statusOf(res).success_count).toBe(1);
    await drainIndex(ctx.db);
    const row = await ctx.db.selectFrom('correlation_sightings').select(['sighting_id', 'count']).where('indicator_id', '=', shared.id).where('org_id', '=', orgC).executeTakeFirst();
    expect(row).toEqual({ sighting_id: sighting.id, count: 4 });
  });
});
