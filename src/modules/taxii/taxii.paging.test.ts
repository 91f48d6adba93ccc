// Paging and filtering over HTTP: exact keyset pages, next tokens, and the match[...] semantics of §3.4.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ipv4, ROOT, taxii, taxiiCaller, type TaxiiCaller } from '../../../test/helpers/taxii.js';

interface Envelope {
  more: boolean;
  next?: string;
  objects?: Array<{ id: string; type: string; modified?: string }>;
}

describeEachDatabase('TAXII paging and filtering', (database) => {
  const ctx = useTestApp(database);
  let coordinator: TaxiiCaller;
  let collection: string;
  let base: string;
  const added: string[] = []; // ids in the order they were added
  const versioned = indicator({ tlp: 'clear', modified: '2026-06-01T00:00:00.000Z' });
  const versions = ['2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z', '2026-06-03T00:00:00.000Z'];

  const get = async (query: string, path = 'objects/'): Promise<{ res: LightMyRequestResponse; body: Envelope }> => {
    const res = await taxii(ctx, coordinator)({ method: 'GET', url: `${base}${path}${query ? `?${query}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return { res, body: res.json<Envelope>() };
  };
  const idsOf = (body: Envelope) => (body.objects ?? []).map((o) => o.id);

  beforeAll(async () => {
    coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
    collection = (await collectionIds(ctx)).community;
    base = `${ROOT}/collections/${collection}/`;
    // 25 objects in several requests (indicators and SCOs), then two more versions of one of them.
    for (let batch = 0; batch < 5; batch++) {
      const objects = Array.from({ length: 5 }, (_, i) => (i === 4 ? ipv4(`198.51.100.${batch}`) : indicator({ tlp: 'green' })));
      if (batch === 0) objects[0] = versioned;
      const res = await taxii(ctx, coordinator)({ method: 'POST', url: `${base}objects/`, json: { objects } });
      expect(res.statusCode).toBe(202);
      added.push(...objects.map((o) => o.id));
    }
    for (const modified of versions.slice(1)) {
      await taxii(ctx, coordinator)({ method: 'POST', url: `${base}objects/`, json: { objects: [{ ...versioned, modified }] } });
    }
  });

  // The latest version of the versioned object was added last, so by date_added it comes last.
  const latestOrder = () => [...added.filter((id) => id !== versioned.id), versioned.id];

  it('pages by added_after with the Last header: no gaps, no duplicates, and `more` exact', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { res, body } = await get(`limit=7${after ? `&added_after=${after}` : ''}`);
      seen.push(...idsOf(body));
      expect(idsOf(body).length).toBeLessThanOrEqual(7);
      if (!body.more) break;
      after = res.headers['x-taxii-date-added-last'] as string;
    }
    expect(seen).toEqual(latestOrder());
    const { body: last } = await get('limit=1&added_after=2999-01-01T00:00:00Z');
    expect(last).toEqual({ more: false });
  });

  it('pages with next: the same sequence, `more` false on the last page, and a token bound to its filters', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const { body } = await get(`limit=10${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      seen.push(...idsOf(body));
      expect(body.more).toBe(body.next !== undefined);
      next = body.next;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toEqual(latestOrder());
    const { body } = await get('limit=5');
    const other = await taxii(ctx, coordinator)({ method: 'GET', url: `${base}objects/?match[type]=indicator&next=${encodeURIComponent(body.next as string)}` });
    expect(other.statusCode).toBe(400);
    const manifest = await taxii(ctx, coordinator)({ method: 'GET', url: `${base}manifest/?limit=50&next=${encodeURIComponent(body.next as string)}` });
    expect(manifest.json<Envelope>().objects?.map((o) => o.id)).toEqual(latestOrder().slice(5));
  });

  it('has a date-added header for the first and the last item of each page', async () => {
    const { res: page } = await get('limit=3', 'manifest/');
    const records = page.json<{ objects: Array<{ date_added: string }> }>().objects;
    expect(page.headers['x-taxii-date-added-first']).toBe(records[0]?.date_added);
    expect(page.headers['x-taxii-date-added-last']).toBe(records[2]?.date_added);
  });

  it('ORs values within a field and ANDs fields', async () => {
    const [a, b, c] = added.filter((id) => id.startsWith('indicator--') && id !== versioned.id);
    const either = await get(`match[id]=${a},${b}`);
    expect(idsOf(either.body).sort()).toEqual([a, b].sort());
    const sco = added.find((id) => id.startsWith('ipv4-addr--')) as string;
    const both = await get(`match[id]=${c},${sco}&match[type]=ipv4-addr`);
    expect(idsOf(both.body)).toEqual([sco]);
    const types = await get('match[type]=ipv4-addr,malware');
    expect(idsOf(types.body)).toHaveLength(5);
    expect((await get('match[spec_version]=2.1&match[type]=indicator')).body.objects).toHaveLength(20);
    expect((await get('match[spec_version]=2.0')).body).toEqual({ more: false });
  });

  it('returns the latest version by default, and first, all or exact versions on request', async () => {
    const modifiedOf = async (query: string) => ((await get(`match[id]=${versioned.id}${query}`)).body.objects ?? []).map((o) => o.modified);
    expect(await modifiedOf('')).toEqual([versions[2]]);
    expect(await modifiedOf('&match[version]=last')).toEqual([versions[2]]);
    expect(await modifiedOf('&match[version]=first')).toEqual([versions[0]]);
    expect(await modifiedOf('&match[version]=all')).toEqual(versions);
    expect(await modifiedOf('&match[version]=first,last')).toEqual([versions[0], versions[2]]);
    expect(await modifiedOf(`&match[version]=${versions[1]}`)).toEqual([versions[1]]);
    expect(await modifiedOf('&match[version]=2026-06-02T00:00:00Z')).toEqual([versions[1]]); // the same instant, written shorter
    const all = await get('match[version]=all');
    expect(idsOf(all.body)).toHaveLength(25 + 2);
  });

  it('filters one object\'s versions by version and pages them', async () => {
    const url = `objects/${versioned.id}/`;
    expect((await get('match[version]=all', url)).body.objects?.map((o) => o.modified)).toEqual(versions);
    const firstPage = await get('match[version]=all&limit=2', url);
    expect([firstPage.body.objects?.length, firstPage.body.more]).toEqual([2, true]);
    const rest = await get(`match[version]=all&limit=2&next=${encodeURIComponent(firstPage.body.next as string)}`, url);
    expect(rest.body.objects?.map((o) => o.modified)).toEqual([versions[2]]);
    expect(rest.body.more).toBe(false);
  });

  it('lists versions in date_added order, pages them and takes added_after', async () => {
    const all = await get('', `objects/${versioned.id}/versions/`);
    expect(all.res.json()).toEqual({ more: false, versions });
    const page = await get('limit=2', `objects/${versioned.id}/versions/`);
    expect(page.res.json()).toEqual({ more: true, versions: versions.slice(0, 2) });
    const after = await get(`added_after=${page.res.headers['x-taxii-date-added-last'] as string}`, `objects/${versioned.id}/versions/`);
    expect(after.res.json()).toEqual({ more: false, versions: versions.slice(2) });
  });

  it('deletes one version, then all of them', async () => {
    const object = indicator({ tlp: 'clear', modified: '2026-07-01T00:00:00.000Z' });
    const later = { ...object, modified: '2026-07-02T00:00:00.000Z' };
    await taxii(ctx, coordinator)({ method: 'POST', url: `${base}objects/`, json: { objects: [object, later] } });
    const one = await taxii(ctx, coordinator)({ method: 'DELETE', url: `${base}objects/${object.id}/?match[version]=${later.modified}` });
    expect(one.statusCode).toBe(200);
    expect((await get(`match[id]=${object.id}`)).body.objects?.map((o) => o.modified)).toEqual([object.modified]);
    expect((await get('', `objects/${object.id}/versions/`)).res.json()).toEqual({ more: false, versions: [object.modified] });
    expect((await taxii(ctx, coordinator)({ method: 'DELETE', url: `${base}objects/${object.id}/?match[type]=indicator` })).statusCode).toBe(400);
    expect((await taxii(ctx, coordinator)({ method: 'DELETE', url: `${base}objects/${object.id}/` })).statusCode).toBe(200);
    expect((await get(`match[id]=${object.id}&match[version]=all`)).body).toEqual({ more: false });
  });
});
