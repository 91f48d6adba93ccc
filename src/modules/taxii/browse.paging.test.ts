// Keyset paging of the object search: newest first across collections, each object once on exactly one
// page, and a bounded amount of work per page however selective the filter.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { createGroup, indicator, ipv4 } from '../../../test/helpers/taxii.js';
import type { ObjectPage } from './browse.schema.js';
import { MAX_SCAN } from './browse.service.js';
import { addObjects } from './store.service.js';

describeEachDatabase('threat-intel browser: paging', (database) => {
  const ctx = useTestApp(database);
  let session: Session;
  const groups = {} as { one: string; two: string; big: string };
  const expected: string[] = [];
  const store = (collectionId: string, objects: unknown[]) => addObjects(ctx.db, { request: systemContext('en'), defaultTlp: 'amber' }, collectionId, objects);
  const page = async (query: string) => {
    const res = await as(ctx, session)({ method: 'GET', url: `/api/intel/objects?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ObjectPage>();
  };
  async function all(query: string): Promise<{ items: ObjectPage['items']; pages: number }> {
    const items: ObjectPage['items'] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const next: ObjectPage = await page(`${query}${before ? `&before=${before}` : ''}`);
      items.push(...next.items);
      before = next.nextBefore;
      pages++;
    } while (before !== null && pages < 100);
    return { items, pages };
  }

  beforeAll(async () => {
    const org = await createOrg(ctx);
    session = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: org, role: 'member' }] }));
    groups.one = (await createGroup(ctx, 'One', [org])).collectionId;
    groups.two = (await createGroup(ctx, 'Two', [org])).collectionId;
    groups.big = (await createGroup(ctx, 'Big', [org])).collectionId;
    // Interleaved: three objects in both collections, added to each at a different time.
    const both = [0, 1, 2].map((i) => indicator({ tlp: 'green', name: `Both ${i}` }));
    for (let round = 0; round < 4; round++) {
      const one = [indicator({ tlp: 'green', name: `One ${round}a` }), indicator({ tlp: 'green', name: `One ${round}b` })];
      const two = [indicator({ tlp: 'clear', name: `Two ${round}` })];
      await store(groups.one, one);
      await store(groups.two, round < 3 ? [...two, both[round]] : two);
      if (round === 3) await store(groups.one, both);
      expected.push(...one.map((o) => o.id), ...two.map((o) => o.id));
    }
    expected.push(...both.map((o) => o.id));
  });

  describe('across collections', () => {
    it('walks every object exactly once, newest first, a few at a time', async () => {
      const { items, pages } = await all(`limit=3&collection=${groups.one}`);
      expect(pages).toBeGreaterThan(3);
      const both = await all('limit=3');
      const ids = both.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      const dates = both.items.map((i) => i.dateAdded);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(items.every((i) => i.collectionIds.includes(groups.one))).toBe(true);
    });

    it('an object held twice stands at its newest entry and names both collections', async () => {
      const { items } = await all('limit=2&q=both');
      expect(items.map((i) => i.name)).toEqual(['Both 2', 'Both 1', 'Both 0']);
      for (const item of items) expect(item.collectionIds.sort()).toEqual([groups.one, groups.two].sort());
      // In group two alone, each stands where group two got it.
      const inTwo = (await all(`limit=1&q=both&collection=${groups.two}`)).items;
      expect(inTwo.map((i) => i.name)).toEqual(['Both 2', 'Both 1', 'Both 0']);
      expect(inTwo.every((i, n) => n === 0 || i.dateAdded < (inTwo[n - 1] as { dateAdded: string }).dateAdded)).toBe(true);
    });

    it('pages of the same query with the same cursor are the same', async () => {
      const first = await page('limit=4');
      const again = await page('limit=4');
      expect(again).toEqual(first);
      const second = await page(`limit=4&before=${first.nextBefore}`);
      expect(second.items.map((i) => i.id).filter((id) => first.items.some((f) => f.id === id))).toEqual([]);
    });
  });

  describe('bounded work per page', () => {
    it('a selective search stops after examining a bounded number of entries and says where to go on', async () => {
      const needle = indicator({ tlp: 'green', name: 'Needle in the haystack' });
      await store(groups.big, [needle]);
      const hay = Array.from({ length: MAX_SCAN + 100 }, (_, i) => ipv4(`10.${Math.floor(i / 250)}.${i % 250}.1`, 'green'));
      for (let i = 0; i < hay.length; i += 2000) await store(groups.big, hay.slice(i, i + 2000));

      const first = await page(`collection=${groups.big}&q=needle`);
      expect(first).toMatchObject({ items: [], scanned: MAX_SCAN });
      expect(first.nextBefore).not.toBeNull();
      const second = await page(`collection=${groups.big}&q=needle&before=${first.nextBefore}`);
      expect(second.items.map((i) => i.id)).toEqual([needle.id]);
      expect(second.nextBefore).toBeNull();
      expect(second.scanned).toBe(101);
    });
  });
});
