// Bundle import and export in the web UI's API: TAXII's write permission, a partly invalid bundle, the
// body limit, and a round trip (export, then import elsewhere, gives the same objects).
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, createGroup, DESK_IDENTITY, indicator, ipv4, stixId, TLP } from '../../../test/helpers/taxii.js';
import type { ImportStatus, ObjectPage } from './browse.schema.js';
import { addObjects } from './store.service.js';

type Bundle = { type: 'bundle'; id: string; objects: Array<Record<string, unknown>> };
const bundleOf = (objects: unknown[]) => ({ type: 'bundle', id: stixId('bundle'), objects });

const report = (name: string) => ({
  type: 'report', spec_version: '2.1', id: stixId('report'), created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z',
  created_by_ref: DESK_IDENTITY, name, published: '2026-03-01T00:00:00.000Z', object_refs: [DESK_IDENTITY], object_marking_refs: [TLP.green],
});

describeEachDatabase('threat-intel browser: import and export', (database) => {
  const ctx = useTestApp(database, { TAXII_MAX_CONTENT_LENGTH: '65536' });
  const sessions = {} as Record<'member' | 'coordinator', Session>;
  const ids = {} as { community: string; inbox: string; feed: string; group: string; empty: string };
  const call = (who: keyof typeof sessions, options: InjectOptions) => as(ctx, sessions[who])(options);
  const importInto = (who: keyof typeof sessions, collectionId: string, body: unknown, contentType = 'application/json') =>
    call(who, { method: 'POST', url: `/api/intel/collections/${collectionId}/import`, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType, 'accept-language': 'en' } });
  const exportOf = async (who: keyof typeof sessions, collectionId: string) => {
    const res = await call(who, { method: 'GET', url: `/api/intel/collections/${collectionId}/export` });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const entryCounts = async () => {
    const rows = await ctx.db.selectFrom('taxii_entries').select(['collection_key', 'object_pk', 'is_latest', 'is_first']).execute();
    return rows.map((r) => `${r.collection_key}|${r.object_pk}|${r.is_latest}|${r.is_first}`).sort();
  };

  beforeAll(async () => {
    const org = await createOrg(ctx, { nameEn: 'Sakura Hospital' });
    const c = await collectionIds(ctx, [org]);
    Object.assign(ids, { community: c.community, inbox: c.inbox[org], feed: c.feed[org] });
    ids.group = (await createGroup(ctx, 'Hospitals', [org])).collectionId;
    ids.empty = (await createGroup(ctx, 'Empty', [org])).collectionId;
    sessions.member = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: org, role: 'member' }] }));
    sessions.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
  });

  describe('import', () => {
    it('stores the valid objects of a partly invalid bundle, reports each failure, and changes nothing else', async () => {
      const existing = indicator({ tlp: 'green', name: 'Already here' });
      await addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, ids.community, [existing]);
      const before = await entryCounts();
      const good = [indicator({ tlp: 'green', name: 'Fresh indicator' }), report('Weekly summary')];
      const { pattern: _pattern, ...noPattern } = indicator({ tlp: 'green', name: 'Broken' });
      const otherVersion = { ...indicator(), spec_version: '2.2' };
      const red = indicator({ tlp: 'red', name: 'Never shared' });
      const bundle = bundleOf([good[0], noPattern, otherVersion, red, { ...existing, name: 'Same version, other content' }, 42, good[1]]);
      const res = await importInto('coordinator', ids.community, bundle);
      expect(res.statusCode, res.body).toBe(200);
      const status = res.json<ImportStatus>();
      expect(status).toMatchObject({ status: 'complete', total_count: 7, success_count: 2, failure_count: 5, pending_count: 0 });
      expect(status.successes?.map((s) => s.id).sort()).toEqual(good.map((o) => o.id).sort());
      const failures = new Map(status.failures?.map((f) => [f.id, f.message ?? '']));
      expect(failures.get(noPattern.id)).toMatch(/pattern/);
      expect(failures.get(otherVersion.id)).toMatch(/spec_version 2\.2/);
      expect(failures.get(red.id)).toMatch(/TLP:RED/);
      expect(failures.get(existing.id)).toMatch(/already stored/);
      expect(failures.has('$.objects[5]')).toBe(true);

      const after = await entryCounts();
      expect(after.filter((row) => !before.includes(row))).toHaveLength(2);
      expect(before.filter((row) => !after.includes(row))).toEqual([]);
      const listed = (await call('coordinator', { method: 'GET', url: `/api/intel/objects?collection=${ids.community}&q=already` })).json<ObjectPage>();
      expect(listed.items.map((i) => i.name)).toEqual(['Already here']);
    });

    it('takes application/stix+json, and answers in the caller\'s language', async () => {
      const res = await call('coordinator', {
        method: 'POST', url: `/api/intel/collections/${ids.community}/import`, payload: JSON.stringify(bundleOf([indicator({ tlp: 'red' })])),
        headers: { 'content-type': 'application/stix+json;version=2.1', 'accept-language': 'ja' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ImportStatus>().failures?.[0]?.message).toMatch(/TLP:RED のオブジェクト/);
    });

    it('places by granular TLP markings and refuses unknown marking definitions, as over TAXII (issue 17)', async () => {
      const partlyRed = { ...indicator({ tlp: 'green' }), description: 'RED text', granular_markings: [{ marking_ref: TLP.red, selectors: ['description'] }] };
      const unknown = stixId('marking-definition');
      const unknownMarked = { ...indicator({ tlp: 'green' }), object_marking_refs: [TLP.green, unknown] };
      const fine = indicator({ tlp: 'green' });
      const res = await importInto('coordinator', ids.community, bundleOf([partlyRed, unknownMarked, fine]));
      expect(res.statusCode, res.body).toBe(200);
      const status = res.json<ImportStatus>();
      expect(status.successes?.map((s) => s.id)).toEqual([fine.id]);
      expect(status.failures?.map((f) => [f.id, f.message])).toEqual([
        [partlyRed.id, 'TLP:RED objects are never placed in a collection.'],
        [unknownMarked.id, expect.stringContaining(unknown)],
      ]);
    });

    it('needs write permission on the collection, as over TAXII', async () => {
      const bundle = bundleOf([indicator({ tlp: 'amber' })]);
      const community = await importInto('member', ids.community, bundleOf([indicator({ tlp: 'green' })]));
      expect([community.statusCode, errorCode(community)]).toEqual([403, 'forbidden']);
      const inbox = await importInto('coordinator', ids.inbox, bundle);
      expect([inbox.statusCode, errorCode(inbox)]).toEqual([403, 'forbidden']);
      const own = await importInto('member', ids.inbox, bundle);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json<ImportStatus>().success_count).toBe(1);
      const unknown = await importInto('coordinator', '00000000-0000-4000-8000-000000000000', bundle);
      expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'not_found']);
    });

    it('refuses what is not a bundle, is not JSON, or is over the limit', async () => {
      const envelope = await importInto('coordinator', ids.community, { objects: [indicator({ tlp: 'green' })] });
      expect([envelope.statusCode, errorCode(envelope)]).toEqual([422, 'unprocessable']);
      const notList = await importInto('coordinator', ids.community, { type: 'bundle', id: stixId('bundle'), objects: {} });
      expect([notList.statusCode, errorCode(notList)]).toEqual([422, 'unprocessable']);
      const broken = await importInto('coordinator', ids.community, '{"type": "bundle", "objects": [', 'application/stix+json');
      expect([broken.statusCode, errorCode(broken)]).toEqual([400, 'invalid_json']);
      const big = bundleOf(Array.from({ length: 300 }, () => indicator({ tlp: 'green', name: 'x'.repeat(200) })));
      const tooBig = await importInto('coordinator', ids.community, big);
      expect([tooBig.statusCode, errorCode(tooBig)]).toEqual([413, 'payload_too_large']);
      const text = await importInto('coordinator', ids.community, 'hello', 'text/plain');
      expect(text.statusCode).toBe(415);
    });

    it('an empty bundle is a complete import of nothing', async () => {
      const res = await importInto('coordinator', ids.community, { type: 'bundle', id: stixId('bundle') });
      expect(res.json<ImportStatus>()).toMatchObject({ total_count: 0, success_count: 0, failure_count: 0 });
    });
  });

  describe('export', () => {
    it('is a bundle file download of the latest versions', async () => {
      const first = indicator({ tlp: 'green', name: 'Version one', modified: '2026-01-01T00:00:00.000Z' });
      const second = { ...first, name: 'Version two', modified: '2026-04-01T00:00:00.000Z' };
      await addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, ids.group, [first, ipv4('198.51.100.7')]);
      await addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, ids.group, [second]);
      const res = await exportOf('member', ids.group);
      expect(res.headers['content-type']).toBe('application/stix+json;version=2.1');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="anshin-group-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json"$/);
      const bundle = res.json<Bundle>();
      expect(bundle.type).toBe('bundle');
      expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
      expect(bundle.objects.filter((o) => o.id === first.id)).toEqual([second]);
      expect(bundle.objects).toHaveLength(2);
    });

    it('of an empty collection is an empty bundle', async () => {
      expect((await exportOf('coordinator', ids.empty)).json<Bundle>().objects).toEqual([]);
    });

    it('round trip: exporting a collection and importing the file elsewhere gives the same objects', async () => {
      const exported = (await exportOf('coordinator', ids.community)).json<Bundle>();
      expect(exported.objects.length).toBeGreaterThan(2);
      const imported = await importInto('coordinator', ids.empty, exported, 'application/stix+json');
      expect(imported.json<ImportStatus>()).toMatchObject({ success_count: exported.objects.length, failure_count: 0 });
      const again = (await exportOf('coordinator', ids.empty)).json<Bundle>();
      const byId = (objects: Bundle['objects']) => [...objects].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(byId(again.objects)).toEqual(byId(exported.objects));
      // and the same again is all duplicates: nothing changes
      const repeat = await importInto('coordinator', ids.empty, again);
      expect(repeat.json<ImportStatus>()).toMatchObject({ success_count: exported.objects.length, failure_count: 0 });
      expect((await exportOf('coordinator', ids.empty)).json<Bundle>().objects).toHaveLength(exported.objects.length);
    });
  });
});
