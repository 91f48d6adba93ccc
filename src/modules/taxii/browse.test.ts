// The threat-intel browser over HTTP: who sees which objects (list, detail, graph, export), the
// filters, and the collections list with who can read each one.
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, createGroup, DESK_IDENTITY, indicator, ipv4, stixId, TLP } from '../../../test/helpers/taxii.js';
import type { IntelCollectionList, ObjectDetail, ObjectPage } from './browse.schema.js';
import { addObjects } from './store.service.js';

const malware = (name: string, tlp: keyof typeof TLP = 'green') => ({
  type: 'malware', spec_version: '2.1', id: stixId('malware'), created: '2026-02-01T00:00:00.000Z', modified: '2026-02-01T00:00:00.000Z',
  created_by_ref: DESK_IDENTITY, name, is_family: true, object_marking_refs: [TLP[tlp]],
});

const relationship = (source: string, kind: string, target: string, tlp: keyof typeof TLP = 'green') => ({
  type: 'relationship', spec_version: '2.1', id: stixId('relationship'), created: '2026-02-02T00:00:00.000Z', modified: '2026-02-02T00:00:00.000Z',
  created_by_ref: DESK_IDENTITY, relationship_type: kind, source_ref: source, target_ref: target, object_marking_refs: [TLP[tlp]],
});

const sighting = (of: string, tlp: keyof typeof TLP = 'green') => ({
  type: 'sighting', spec_version: '2.1', id: stixId('sighting'), created: '2026-02-03T00:00:00.000Z', modified: '2026-02-03T00:00:00.000Z',
  created_by_ref: DESK_IDENTITY, sighting_of_ref: of, count: 3, object_marking_refs: [TLP[tlp]],
});

describeEachDatabase('threat-intel browser', (database) => {
  const ctx = useTestApp(database);
  const sessions = {} as Record<'memberA' | 'memberB' | 'coordinator' | 'auditor', Session>;
  const ids = {} as { community: string; public: string; feedA: string; feedB: string; inboxA: string; inboxB: string; groupA: string; orgA: string; orgB: string };
  // The objects of the story: what org A's member may and may not see.
  const shared = indicator({ tlp: 'green', name: 'Scanner of VPN gateways' });
  const family = malware('Emotet-like loader');
  const uses = relationship(shared.id, 'indicates', family.id);
  const seen = sighting(shared.id);
  const secretB = { ...indicator({ tlp: 'amber', name: 'Only for B' }), labels: ['hospital'] };
  const secretLink = relationship(secretB.id, 'related-to', shared.id, 'amber');
  const inboxB = indicator({ tlp: 'amber', name: 'Reported by B' });
  const inboxA = indicator({ tlp: 'amber', name: 'Reported by A' });
  const labelled = { ...indicator({ tlp: 'clear', name: 'Phishing page' }), labels: ['Phishing', 'webmail'] };
  const address = ipv4('203.0.113.66', 'clear');
  const twice = indicator({ tlp: 'green', name: 'Held twice, version 1', modified: '2026-01-01T00:00:00.000Z' });
  const twiceV2 = { ...twice, name: 'Held twice, version 2', modified: '2026-03-01T00:00:00.000Z' };

  const store = (collectionId: string, objects: unknown[]) => addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, collectionId, objects);
  const call = (who: keyof typeof sessions, options: InjectOptions) => as(ctx, sessions[who])(options);
  const list = async (who: keyof typeof sessions, query = '') => {
    const res = await call(who, { method: 'GET', url: `/api/intel/objects${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ObjectPage>();
  };
  const idsOf = (page: ObjectPage) => page.items.map((item) => item.id);

  beforeAll(async () => {
    ids.orgA = await createOrg(ctx, { nameEn: 'Sakura Hospital', nameJa: 'さくら病院' });
    ids.orgB = await createOrg(ctx, { nameEn: 'Kaede Clinic', nameJa: 'かえで診療所' });
    const c = await collectionIds(ctx, [ids.orgA, ids.orgB]);
    Object.assign(ids, { community: c.community, public: c.public, feedA: c.feed[ids.orgA], feedB: c.feed[ids.orgB], inboxA: c.inbox[ids.orgA], inboxB: c.inbox[ids.orgB] });
    ids.groupA = (await createGroup(ctx, 'Hospitals', [ids.orgA])).collectionId;
    const users = {
      memberA: await createUser(ctx, { orgs: [{ orgId: ids.orgA, role: 'member' }] }),
      memberB: await createUser(ctx, { orgs: [{ orgId: ids.orgB, role: 'member' }] }),
      coordinator: await createUser(ctx, { roles: ['coordinator'] }),
      auditor: await createUser(ctx, { roles: ['auditor'] }),
    };
    for (const [role, user] of Object.entries(users)) sessions[role as keyof typeof sessions] = await signIn(ctx, user);
    await store(ids.community, [shared, family, uses, seen, labelled, address, twice]);
    await store(ids.public, [labelled]);
    await store(ids.feedA, [twiceV2]);
    await store(ids.feedB, [secretB, secretLink]);
    await store(ids.inboxB, [inboxB]);
    await store(ids.inboxA, [inboxA]);
  });

  describe('visibility', () => {
    it('a member of org A never lists what only org B\'s feed or inbox holds; a coordinator does', async () => {
      const mine = idsOf(await list('memberA', '?limit=200'));
      expect(mine).toEqual(expect.arrayContaining([shared.id, family.id, uses.id, seen.id, labelled.id, address.id, twice.id, inboxA.id]));
      for (const hidden of [secretB.id, secretLink.id, inboxB.id]) expect(mine).not.toContain(hidden);
      const theirs = idsOf(await list('memberB', '?limit=200'));
      expect(theirs).toEqual(expect.arrayContaining([secretB.id, secretLink.id, inboxB.id]));
      expect(theirs).not.toContain(inboxA.id);
      const all = idsOf(await list('coordinator', '?limit=200'));
      expect(all).toEqual(expect.arrayContaining([secretB.id, secretLink.id, inboxB.id, inboxA.id, shared.id]));
    });

    it('searching for what only org B holds finds nothing for org A, however it is asked', async () => {
      expect(idsOf(await list('memberA', '?q=only%20for%20b'))).toEqual([]);
      expect(idsOf(await list('memberA', '?label=hospital'))).toEqual([]);
      expect(idsOf(await list('memberA', '?tlp=amber'))).toEqual([inboxA.id]);
      const res = await call('memberA', { method: 'GET', url: `/api/intel/objects?collection=${ids.feedB}` });
      expect([res.statusCode, errorCode(res)]).toEqual([404, 'not_found']);
      expect(idsOf(await list('coordinator', `?collection=${ids.feedB}`)).sort()).toEqual([secretB.id, secretLink.id].sort());
    });

    it('an object org A can read nowhere is not found; the coordinator and org B read it', async () => {
      for (const id of [secretB.id, secretLink.id, inboxB.id, 'indicator--not-an-id', stixId('indicator')]) {
        const res = await call('memberA', { method: 'GET', url: `/api/intel/objects/${id}` });
        expect([res.statusCode, errorCode(res)], id).toEqual([404, 'not_found']);
      }
      for (const who of ['coordinator', 'memberB'] as const) {
        const res = await call(who, { method: 'GET', url: `/api/intel/objects/${secretB.id}` });
        expect(res.statusCode, who).toBe(200);
        expect(res.json<ObjectDetail>().object).toEqual(secretB);
      }
    });

    it('the graph shows org A only the relationships and sightings it can read', async () => {
      const detail = (await call('memberA', { method: 'GET', url: `/api/intel/objects/${shared.id}` })).json<ObjectDetail>();
      expect(detail.related.edges.map((e) => [e.id, e.source, e.target, e.relationshipType]).sort()).toEqual([
        [uses.id, shared.id, family.id, 'indicates'],
        [seen.id, seen.id, shared.id, 'sighting-of'],
      ].sort());
      expect(detail.related.nodes.map((n) => n.id).sort()).toEqual([shared.id, family.id, seen.id].sort());
      expect(detail.related.nodes.find((n) => n.id === family.id)).toEqual({ id: family.id, type: 'malware', name: 'Emotet-like loader', readable: true });
      expect(detail.related.complete).toBe(true);
      expect(JSON.stringify(detail)).not.toContain(secretB.id);

      const full = (await call('coordinator', { method: 'GET', url: `/api/intel/objects/${shared.id}` })).json<ObjectDetail>();
      expect(full.related.edges.map((e) => e.id).sort()).toEqual([uses.id, seen.id, secretLink.id].sort());
      expect(full.related.nodes.find((n) => n.id === secretB.id)).toMatchObject({ name: 'Only for B', readable: true });
    });

    it('a relationship shows its two ends; an end the caller cannot read has no name', async () => {
      const own = (await call('memberB', { method: 'GET', url: `/api/intel/objects/${secretLink.id}` })).json<ObjectDetail>();
      expect(own.related.edges).toEqual([{ id: secretLink.id, source: secretB.id, target: shared.id, relationshipType: 'related-to' }]);
      const link = relationship(secretB.id, 'related-to', family.id);
      await store(ids.community, [link]);
      const seenByA = (await call('memberA', { method: 'GET', url: `/api/intel/objects/${link.id}` })).json<ObjectDetail>();
      expect(seenByA.related.nodes.find((n) => n.id === secretB.id)).toEqual({ id: secretB.id, type: 'indicator', name: null, readable: false });
    });

    it('export gives org A what it can read and refuses org B\'s feed', async () => {
      const denied = await call('memberA', { method: 'GET', url: `/api/intel/collections/${ids.feedB}/export` });
      expect([denied.statusCode, errorCode(denied)]).toEqual([404, 'not_found']);
      const community = await call('memberA', { method: 'GET', url: `/api/intel/collections/${ids.community}/export` });
      expect(community.statusCode).toBe(200);
      const readable = community.json<{ objects: Array<{ id: string }> }>().objects.map((o) => o.id);
      expect(readable).toContain(shared.id);
      for (const hidden of [secretB.id, secretLink.id, inboxB.id]) expect(readable).not.toContain(hidden);
      const feed = await call('coordinator', { method: 'GET', url: `/api/intel/collections/${ids.feedB}/export` });
      const bundle = feed.json<{ type: string; objects: Array<{ id: string }> }>();
      expect(bundle.objects.map((o) => o.id).sort()).toEqual([secretB.id, secretLink.id].sort());
    });

    it('an object in several collections is listed once, with its newest version and every collection', async () => {
      const page = await list('memberA', '?limit=200');
      const found = page.items.filter((item) => item.id === twice.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ name: 'Held twice, version 2', modified: '2026-03-01T00:00:00.000Z', tlp: 'green' });
      expect(found[0]?.collectionIds.sort()).toEqual([ids.community, ids.feedA].sort());
      const detail = (await call('memberA', { method: 'GET', url: `/api/intel/objects/${twice.id}` })).json<ObjectDetail>();
      expect(detail.versions.map((v) => v.modified)).toEqual(['2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
      expect(detail.collections.map((c) => c.id).sort()).toEqual([ids.community, ids.feedA].sort());
      // Org B reads only the community's copy: version 1.
      const theirs = (await list('memberB', '?limit=200')).items.find((item) => item.id === twice.id);
      expect(theirs).toMatchObject({ name: 'Held twice, version 1', collectionIds: [ids.community] });
    });
  });

  describe('filters', () => {
    it('by type, text, label, TLP and collection', async () => {
      expect(idsOf(await list('memberA', '?type=malware'))).toEqual([family.id]);
      expect(idsOf(await list('memberA', '?q=EMOTET'))).toEqual([family.id]);
      expect(idsOf(await list('memberA', '?q=203.0.113'))).toEqual([address.id]);
      expect(idsOf(await list('memberA', `?q=${encodeURIComponent("ipv4-addr:value = '198.51")}&type=indicator`))).toEqual(expect.arrayContaining([shared.id, inboxA.id]));
      expect(idsOf(await list('memberA', '?label=phishing'))).toEqual([labelled.id]);
      expect(idsOf(await list('memberA', '?label=phish'))).toEqual([]);
      expect(idsOf(await list('memberA', '?tlp=clear')).sort()).toEqual([labelled.id, address.id].sort());
      expect(idsOf(await list('memberA', `?collection=${ids.public}`))).toEqual([labelled.id]);
      // property names are not searched, only the name, value and pattern texts
      expect(idsOf(await list('memberA', '?q=pattern_type'))).toEqual([]);
      expect(idsOf(await list('memberA', '?q=%25'))).toEqual([]);
    });

    it('by the date added, both ends inclusive', async () => {
      const all = (await list('memberA', '?limit=200')).items;
      const middle = all[Math.floor(all.length / 2)] as ObjectPage['items'][number];
      const from = (await list('memberA', `?limit=200&addedFrom=${middle.dateAdded}`)).items;
      expect(from.every((i) => i.dateAdded >= middle.dateAdded)).toBe(true);
      expect(from.map((i) => i.id)).toContain(middle.id);
      const to = (await list('memberA', `?limit=200&addedTo=${middle.dateAdded}`)).items;
      expect(to.every((i) => i.dateAdded <= middle.dateAdded)).toBe(true);
      expect(to.map((i) => i.id)).toContain(middle.id);
      // Together they cover everything (an object added to two collections may stand on both sides).
      expect(new Set([...from, ...to].map((i) => i.id))).toEqual(new Set(all.map((i) => i.id)));
      expect((await list('memberA', '?addedTo=2000-01-01')).items).toEqual([]);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect((await list('memberA', `?limit=200&addedFrom=${yesterday}`)).items.length).toBe(all.length);
    });

    it('refuses malformed filters', async () => {
      for (const query of ['?tlp=purple', '?type=Bad%20Type', '?limit=0', '?limit=201', '?addedFrom=yesterday', '?before=bm9wZQ', '?addedTo=2026-02-30', '?unknown=1']) {
        const res = await call('memberA', { method: 'GET', url: `/api/intel/objects${query}` });
        expect(res.statusCode, query).toBe(400);
      }
    });
  });

  describe('collections', () => {
    it('lists what a member can read or write, with who reads each collection and its object count', async () => {
      const { items, maxImportBytes } = (await call('memberA', { method: 'GET', url: '/api/intel/collections' })).json<IntelCollectionList>();
      expect(maxImportBytes).toBe(ctx.config.taxiiMaxContentLength);
      expect(items.map((c) => c.id)).toEqual([ids.community, ids.public, ids.groupA, ids.feedA, ids.inboxA]);
      const byId = new Map(items.map((c) => [c.id, c]));
      expect(byId.get(ids.community)).toMatchObject({ kind: 'community', canRead: true, canWrite: false, readers: { kind: 'community' }, objectCountCapped: false });
      expect(byId.get(ids.public)).toMatchObject({ kind: 'public', objectCount: 1, readers: { kind: 'signed_in' } });
      expect(byId.get(ids.groupA)).toMatchObject({
        kind: 'group', groupName: 'Hospitals', objectCount: 0,
        readers: { kind: 'group', groupName: 'Hospitals', orgs: [{ id: ids.orgA, nameJa: 'さくら病院', nameEn: 'Sakura Hospital' }] },
      });
      expect(byId.get(ids.feedA)).toMatchObject({ kind: 'feed', objectCount: 1, org: { id: ids.orgA, nameEn: 'Sakura Hospital' }, readers: { kind: 'org' } });
      expect(byId.get(ids.inboxA)).toMatchObject({ kind: 'inbox', canRead: true, canWrite: true });
    });

    it('a coordinator sees every collection and writes all but the inboxes', async () => {
      const { items } = (await call('coordinator', { method: 'GET', url: '/api/intel/collections' })).json<IntelCollectionList>();
      expect(items.map((c) => c.id)).toEqual(expect.arrayContaining([ids.feedB, ids.inboxB, ids.groupA]));
      expect(items.filter((c) => c.kind === 'inbox').every((c) => c.canRead && !c.canWrite)).toBe(true);
      expect(items.filter((c) => c.kind !== 'inbox').every((c) => c.canRead && c.canWrite)).toBe(true);
      expect(items.find((c) => c.id === ids.feedB)?.objectCount).toBe(2);
    });

    it('an auditor reads the community and the public collections only', async () => {
      const { items } = (await call('auditor', { method: 'GET', url: '/api/intel/collections' })).json<IntelCollectionList>();
      expect(items.map((c) => c.kind)).toEqual(['community', 'public']);
      expect(idsOf(await list('auditor', '?limit=200'))).not.toContain(inboxA.id);
    });
  });
});
