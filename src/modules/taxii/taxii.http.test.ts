// TAXII 2.1 over HTTP: resources, media types, headers and error resources.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { createOrg, useTestApp } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ROOT, statusOf, stixId, TAXII, taxii, TLP, taxiiCaller, type TaxiiCaller } from '../../../test/helpers/taxii.js';
import { deskIdentity } from '../sharing/desk-identity.js';
import { orgIdentityId } from '../stix/org-identity.js';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function expectTaxiiError(res: LightMyRequestResponse, status: number): void {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe(TAXII);
  const body = res.json<Record<string, unknown>>();
  expect(body.http_status).toBe(String(status));
  expect(typeof body.title).toBe('string');
  expect((body.title as string).length).toBeGreaterThan(3);
}

describeEachDatabase('TAXII 2.1 resources', (database) => {
  const ctx = useTestApp(database);
  let coordinator: TaxiiCaller;
  let community: string;
  const objects = (id = community) => `${ROOT}/collections/${id}/objects/`;

  beforeAll(async () => {
    coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
    community = (await collectionIds(ctx)).community;
  });

  it('serves discovery at /taxii2/ with absolute API root URLs', async () => {
    const res = await taxii(ctx, coordinator)({ method: 'GET', url: '/taxii2/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(TAXII);
    expect(res.json()).toMatchObject({
      title: expect.any(String),
      default: 'http://localhost:8080/taxii2/community/',
      api_roots: ['http://localhost:8080/taxii2/community/'],
    });
  });

  it('describes the API root with the 2.1 media type and max_content_length', async () => {
    const res = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ title: expect.any(String), description: expect.any(String), versions: [TAXII], max_content_length: 10 * 1024 * 1024 });
  });

  it('lists collections with ids, titles, permissions and media types, in a stable order', async () => {
    const first = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/` });
    const collections = first.json<{ collections: Array<Record<string, unknown>> }>().collections;
    expect(collections.slice(0, 2).map((c) => c.alias)).toEqual(['community', 'public']);
    for (const c of collections) {
      expect(c).toMatchObject({ id: expect.stringMatching(UUID4), title: expect.any(String), can_read: true, media_types: ['application/stix+json;version=2.1'] });
    }
    const again = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/` });
    expect(again.body).toBe(first.body);
    const one = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/${community}/` });
    expect(one.json()).toEqual(collections[0]);
  });

  it('adds objects and answers 202 with a status resource that can be fetched again', async () => {
    const valid = indicator({ tlp: 'green' });
    const res = await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [valid, indicator({ tlp: 'amber' })] } });
    expect(res.statusCode).toBe(202);
    expect(res.headers['content-type']).toBe(TAXII);
    const status = statusOf(res);
    expect(status).toMatchObject({ id: expect.stringMatching(UUID4), status: 'complete', total_count: 2, success_count: 1, failure_count: 1, pending_count: 0 });
    expect(status.successes).toEqual([{ id: valid.id, version: valid.modified }]);
    expect(status.failures?.[0]).toMatchObject({ id: expect.any(String), version: expect.any(String), message: expect.any(String) });
    expect(res.json()).not.toHaveProperty('pendings');
    const fetched = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/status/${status.id}/` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(res.json());
  });

  it('returns objects in an envelope with the date-added headers, and empty lists omitted', async () => {
    const res = await taxii(ctx, coordinator)({ method: 'GET', url: objects() });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ more: boolean; objects: Array<{ id: string }> }>();
    expect(body.more).toBe(false);
    expect(body.objects.length).toBeGreaterThan(0);
    expect(res.headers['x-taxii-date-added-first']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(res.headers['x-taxii-date-added-last']).toMatch(/\.\d{6}Z$/);
    const empty = await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}?added_after=2999-01-01T00:00:00Z` });
    expect(empty.json()).toEqual({ more: false });
  });

  it('returns manifests and versions of one object', async () => {
    const object = indicator({ tlp: 'clear', modified: '2026-05-01T00:00:00.000Z' });
    await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [object, { ...object, modified: '2026-05-02T00:00:00.000Z' }] } });
    const manifest = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/${community}/manifest/?match[id]=${object.id}` });
    expect(manifest.json()).toEqual({
      more: false,
      objects: [{ id: object.id, date_added: expect.any(String), version: '2026-05-02T00:00:00.000Z', media_type: 'application/stix+json;version=2.1' }],
    });
    expect(manifest.headers['x-taxii-date-added-first']).toBe(manifest.json<{ objects: Array<{ date_added: string }> }>().objects[0]?.date_added);
    const versions = await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${object.id}/versions/` });
    expect(versions.json()).toEqual({ more: false, versions: ['2026-05-01T00:00:00.000Z', '2026-05-02T00:00:00.000Z'] });
    expect(versions.headers['x-taxii-date-added-last']).toBeDefined();
    const one = await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${object.id}/` });
    expect(one.json<{ objects: Array<{ modified: string }> }>().objects.map((o) => o.modified)).toEqual(['2026-05-02T00:00:00.000Z']);
    expect(one.headers['x-taxii-date-added-first']).toBeDefined();
  });

  it('deletes an object: 200, then gone from the object, objects and manifest endpoints', async () => {
    const object = indicator({ tlp: 'clear' });
    await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [object] } });
    const del = await taxii(ctx, coordinator)({ method: 'DELETE', url: `${objects()}${object.id}/` });
    expect(del.statusCode).toBe(200);
    expect(del.headers['content-type']).toBe(TAXII);
    expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${object.id}/` }), 404);
    expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${object.id}/versions/` }), 404);
    expect((await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}?match[id]=${object.id}` })).json()).toEqual({ more: false });
    expect((await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/${community}/manifest/?match[id]=${object.id}` })).json()).toEqual({ more: false });
    expectTaxiiError(await taxii(ctx, coordinator)({ method: 'DELETE', url: `${objects()}${object.id}/` }), 404);
  });

  describe('TLP markings (issue 17)', () => {
    it('refuses a GREEN indicator with a granular TLP:RED description, and no other organisation reads the RED text', async () => {
      const orgB = await createOrg(ctx, { nameEn: 'Other member' });
      const reader = await taxiiCaller(ctx, { orgs: [{ orgId: orgB, role: 'member' }] });
      const partlyRed = { ...indicator({ tlp: 'green' }), description: 'RED: the victim is Example Bank', granular_markings: [{ marking_ref: TLP.red, selectors: ['description'] }] };
      const res = await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [partlyRed] }, headers: { 'accept-language': 'en' } });
      expect(statusOf(res)).toMatchObject({ success_count: 0, failure_count: 1, failures: [{ id: partlyRed.id, message: 'TLP:RED objects are never placed in a collection.' }] });
      const read = await taxii(ctx, reader)({ method: 'GET', url: objects() });
      expect(read.statusCode).toBe(200);
      expect(read.body).not.toContain('Example Bank');
      expect((await taxii(ctx, reader)({ method: 'GET', url: `${objects()}?match[id]=${partlyRed.id}` })).json()).toEqual({ more: false });
    });

    it('refuses per object a marking definition the server does not know, naming it, and accepts one sent along', async () => {
      const unknown = stixId('marking-definition');
      const statement = {
        type: 'marking-definition', spec_version: '2.1', id: stixId('marking-definition'), created: '2026-01-01T00:00:00.000Z',
        definition_type: 'statement', definition: { statement: 'Copyright Example Corp' }, object_marking_refs: [TLP.clear],
      };
      const unknownMarked = { ...indicator({ tlp: 'green' }), object_marking_refs: [TLP.green, unknown] };
      const statementMarked = { ...indicator({ tlp: 'green' }), object_marking_refs: [TLP.green, statement.id] };
      const res = await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [unknownMarked, statement, statementMarked] }, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(202);
      const status = statusOf(res);
      expect(status.successes?.map((o) => o.id)).toEqual([statement.id, statementMarked.id]);
      expect(status.failures).toEqual([{ id: unknownMarked.id, version: unknownMarked.modified, message: expect.stringContaining(unknown) }]);
      expect(status.failures?.[0]?.message).toMatch(/marking definition/);
    });
  });

  describe('media types', () => {
    it('answers 406 to an Accept without a TAXII 2.1 media type, on every endpoint', async () => {
      for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html']) {
        for (const url of ['/taxii2/', `${ROOT}/`, `${ROOT}/collections/`, objects()]) {
          expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url, headers: { accept } }), 406);
        }
      }
    });

    it('never answers 406 for the media types it serves', async () => {
      for (const accept of [TAXII, 'application/taxii+json', 'application/taxii+json; version=2.1', '*/*']) {
        expect((await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/`, headers: { accept } })).statusCode).toBe(200);
      }
    });

    it('answers 415 to a body that is not declared as a TAXII envelope, and never for one that is', async () => {
      for (const type of ['application/json', 'application/taxii+json;version=2.0', 'text/plain', 'application/stix+json;version=2.1']) {
        expectTaxiiError(await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [] }, headers: { 'content-type': type } }), 415);
      }
      for (const type of [TAXII, 'application/taxii+json', 'application/taxii+json; version=2.1; charset=utf-8']) {
        expect((await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [] }, headers: { 'content-type': type } })).statusCode).toBe(202);
      }
    });
  });

  describe('bad input', () => {
    it('answers 400 to bad filters', async () => {
      for (const query of [
        'limit=0', 'limit=-5', 'limit=abc', 'added_after=yesterday', 'match[colour]=red', 'match[type]=indicator&match[type]=malware',
        'match[version]=all,last', 'match[id]=bogus', 'next=not-a-token',
      ]) {
        expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}?${query}` }), 400);
      }
      expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/collections/${community}/manifest/?limit=0` }), 400);
    });

    it('answers 400 to a body that is not JSON and 422 to JSON that is not an envelope', async () => {
      const post = (payload: string) => ctx.app.inject({ method: 'POST', url: objects(), payload, headers: { accept: TAXII, 'content-type': TAXII, authorization: coordinator.authorization } });
      expectTaxiiError(await post('{"objects": ['), 400);
      for (const payload of ['[]', '"objects"', '{}', '{"objects": {}}', JSON.stringify({ type: 'bundle', id: 'bundle--2a25c3c8-5d88-4ae9-862a-cc3396442317', objects: [] })]) {
        expectTaxiiError(await post(payload), 422);
      }
    });

    it('fails an object of an unsupported STIX version on its own and stores the rest of the envelope (issue 17)', async () => {
      const good = indicator({ tlp: 'clear' });
      const old = { ...indicator({ tlp: 'clear' }), spec_version: '2.0' };
      const res = await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [good, old] }, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(202);
      expect(statusOf(res)).toMatchObject({ total_count: 2, success_count: 1, failure_count: 1, successes: [{ id: good.id }] });
      expect(statusOf(res).failures).toEqual([{ id: old.id, version: old.modified, message: expect.stringMatching(/^spec_version 2\.0 is not supported \(only 2\.1\)/) }]);
      expect((await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${good.id}/` })).statusCode).toBe(200);
      expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}${old.id}/` }), 404);
    });

    it('refuses a leap second in created, valid_from or any timestamp, with the reason (issue 17)', async () => {
      const leap = '2026-06-30T23:59:60Z';
      const inCreated = { ...indicator({ tlp: 'clear' }), created: '2026-06-30T23:59:60.000Z', valid_from: '2026-07-01T00:00:00Z', modified: '2026-07-01T00:00:00.000Z' };
      const inValidFrom = { ...indicator({ tlp: 'clear' }), valid_from: leap };
      const inValidUntil = { ...indicator({ tlp: 'clear' }), valid_until: leap };
      const inModified = { ...indicator({ tlp: 'clear' }), modified: '2026-06-30T23:59:60.000Z' };
      const res = await taxii(ctx, coordinator)({ method: 'POST', url: objects(), json: { objects: [inCreated, inValidFrom, inValidUntil, inModified] }, headers: { 'accept-language': 'en' } });
      const status = statusOf(res);
      expect([status.success_count, status.failure_count]).toEqual([0, 4]);
      const because = new Map(status.failures?.map((f) => [f.id, f.message ?? '']));
      expect(because.get(inCreated.id)).toMatch(/\$\.created: .*leap second/i);
      expect(because.get(inValidFrom.id)).toMatch(/\$\.valid_from: .*leap second/i);
      expect(because.get(inValidUntil.id)).toMatch(/\$\.valid_until: .*leap second/i);
      expect(because.get(inModified.id)).toMatch(/\$\.modified: .*leap second/i);
      const stored = await taxii(ctx, coordinator)({ method: 'GET', url: `${objects()}?match[id]=${[inCreated, inValidFrom, inValidUntil, inModified].map((o) => o.id).join(',')}` });
      expect(stored.json()).toEqual({ more: false });
    });

    it('answers unknown paths and collections with TAXII 404s, and explains errors in the caller\'s language', async () => {
      for (const url of [`${ROOT}/nope/`, `${ROOT}/collections/00000000-0000-4000-8000-000000000000/`, `${ROOT}/collections/x/objects/`, `${ROOT}/status/unknown/`]) {
        expectTaxiiError(await taxii(ctx, coordinator)({ method: 'GET', url }), 404);
      }
      const en = await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/nope/`, headers: { 'accept-language': 'en' } });
      expect(en.json().title).toBe('Not found.');
      expectTaxiiError(await taxii(ctx, coordinator)({ method: 'PUT', url: objects(), json: {} }), 404);
    });

    it('answers 401 with WWW-Authenticate: Basic to bad credentials, as a TAXII error', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: `${ROOT}/collections/`, headers: { accept: TAXII, authorization: `Basic ${Buffer.from('x@example.org:nope').toString('base64')}` } });
      expectTaxiiError(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    });
  });
});

describeEachDatabase('TAXII max_content_length', (database) => {
  // The general body limit is smaller than the TAXII one: TAXII bodies are bounded by max_content_length only.
  const ctx = useTestApp(database, { BODY_LIMIT_BYTES: '2048', TAXII_MAX_CONTENT_LENGTH: '65536' });

  it('advertises the limit, accepts bodies up to it and answers 413 only above it', async () => {
    const coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
    const { community } = await collectionIds(ctx);
    const url = `${ROOT}/collections/${community}/objects/`;
    expect((await taxii(ctx, coordinator)({ method: 'GET', url: `${ROOT}/` })).json().max_content_length).toBe(65536);
    const post = (size: number) => {
      const base = JSON.stringify({ objects: [indicator({ tlp: 'clear' })], pad: '' });
      return ctx.app.inject({
        method: 'POST', url, payload: base.replace('"pad":""', `"pad":"${'x'.repeat(size - base.length)}"`),
        headers: { accept: TAXII, 'content-type': TAXII, authorization: coordinator.authorization },
      });
    };
    expect((await post(20_000)).statusCode).toBe(202);
    expect((await post(65536)).statusCode).toBe(202);
    expectTaxiiError(await post(65537), 413);
  });
});

const TRUSTED = 'identity--0d7c9b1e-4f3a-4c2b-9e8d-7a6b5c4d3e2f';

describeEachDatabase('TAXII: an object names as its creator only an identity its writer may claim', (database) => {
  const ctx = useTestApp(database, { CONFIDENCE_RELIABILITY: `${TRUSTED}=90` });
  let member: TaxiiCaller;
  let coordinator: TaxiiCaller;
  let ids: Awaited<ReturnType<typeof collectionIds>>;
  let desk = '';
  let own = '';
  let other = '';
  const post = (caller: TaxiiCaller, collection: string, objects: unknown[]) =>
    taxii(ctx, caller)({ method: 'POST', url: `${ROOT}/collections/${collection}/objects/`, json: { objects } });

  beforeAll(async () => {
    const orgA = await createOrg(ctx);
    const orgB = await createOrg(ctx);
    ids = await collectionIds(ctx, [orgA, orgB]);
    member = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
    desk = (await deskIdentity(ctx.db, ctx.config)).id;
    own = orgIdentityId(orgA);
    other = orgIdentityId(orgB);
  });

  it('refuses, one by one, a member\'s objects that claim the desk\'s or another organisation\'s identity', async () => {
    const mine = indicator({ createdBy: own, tlp: 'amber' });
    const asDesk = indicator({ createdBy: desk, tlp: 'amber' });
    const asOther = indicator({ createdBy: other, tlp: 'amber' });
    const asTrusted = indicator({ createdBy: TRUSTED, tlp: 'amber' }); // a source the operator gave a reliability
    const anonymous = indicator({ createdBy: null, tlp: 'amber' });
    const forgedDesk = { type: 'identity', spec_version: '2.1', id: desk, created: '2026-01-02T00:00:00.000Z', modified: '2026-01-02T00:00:00.000Z', name: 'Not the desk' };
    const res = await post(member, ids.inbox[Object.keys(ids.inbox)[0] as string] as string, [mine, asDesk, asOther, asTrusted, anonymous, forgedDesk]);
    const status = statusOf(res);
    expect(status.successes?.map((s) => s.id).sort()).toEqual([mine.id, anonymous.id].sort());
    expect(status.failures?.map((f) => f.id).sort()).toEqual([asDesk.id, asOther.id, asTrusted.id, desk].sort());
    for (const failure of status.failures ?? []) expect(failure.message).toMatch(/作成者として名乗ることはできません/);
  });

  it('lets the desk store under its own identity, and a member not make a "newer version" of the desk\'s indicator', async () => {
    const deskIndicator = indicator({ createdBy: desk, tlp: 'green' });
    expect(statusOf(await post(coordinator, ids.community, [deskIndicator])).success_count).toBe(1);
    const newer = { ...deskIndicator, modified: '2026-06-01T00:00:00.000Z', name: 'Rewritten by a member' };
    const res = statusOf(await post(member, ids.inbox[Object.keys(ids.inbox)[0] as string] as string, [newer]));
    expect(res.failure_count).toBe(1);
    const stored = await ctx.db.selectFrom('stix_objects').select('json').where('stix_id', '=', deskIndicator.id).execute();
    expect(stored.map((s) => JSON.parse(s.json).name)).toEqual([deskIndicator.name]);
  });
});
