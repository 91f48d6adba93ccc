// The store under addObjects and deleteObjectVersions, on both databases.
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { createOrg, useTestApp } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ipv4, stixId, TLP } from '../../../test/helpers/taxii.js';
import { findCollection } from './collections.repository.js';
import { idKey } from './id-key.js';
import { findStoredVersions, mergeRecentIds } from './store.repository.js';
import { addObjects, addObjectsWithin, deleteObjectVersions, lockStore } from './store.service.js';
import { formatMicros } from './timestamps.js';

const store = { request: systemContext('en'), defaultTlp: 'amber' as const };
const DATE_ADDED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describeEachDatabase('STIX store', (database) => {
  const ctx = useTestApp(database);
  let ids: Awaited<ReturnType<typeof collectionIds>>;
  let orgA: string;

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Org A' });
    ids = await collectionIds(ctx, [orgA]);
  });

  const entriesOf = async (collectionId: string) =>
    (await ctx.db.selectFrom('taxii_entries as e').innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
      .innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
      .select(['e.date_added', 'o.stix_id', 'o.version', 'e.is_latest', 'e.is_first', 'o.pk'])
      .where('c.id', '=', collectionId).orderBy('e.date_added').execute()).map((e) => ({ ...e, date_added: formatMicros(e.date_added) }));
  const snapshot = async () => ({
    objects: await ctx.db.selectFrom('stix_objects').selectAll().orderBy('pk').execute(),
    entries: await ctx.db.selectFrom('taxii_entries').selectAll().orderBy('collection_key').orderBy('date_added').execute(),
  });

  it('stores valid objects with unique, strictly increasing microsecond date_added, across many chunks', async () => {
    const objects = Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? indicator({ tlp: 'green' }) : ipv4(`198.51.100.${i % 250}`)));
    const first = await addObjects(ctx.db, store, ids.community, objects.slice(0, 3700));
    const second = await addObjects(ctx.db, store, ids.community, objects.slice(3700));
    expect([first.status.success_count, second.status.success_count, first.status.failure_count + second.status.failure_count]).toEqual([3700, 300, 0]);
    expect([first.added, second.added]).toEqual([3700, 300]);
    const dates = (await entriesOf(ids.community)).map((e) => e.date_added);
    expect(dates).toHaveLength(4000);
    expect(dates.every((d) => DATE_ADDED.test(d))).toBe(true);
    expect(dates.every((d, i) => i === 0 || d > (dates[i - 1] as string))).toBe(true);
    const row = await findCollection(ctx.db, ids.community);
    expect(row?.last_date_added).toBe(dates[dates.length - 1]);
  });

  it('keeps date_added unique and increasing when requests to one collection run at the same time', async () => {
    const before = (await entriesOf(ids.feed[orgA] as string)).length;
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 150 }, () => indicator({ tlp: 'amber' })));
    const statuses = await Promise.all(batches.map((objects) => addObjects(ctx.db, store, ids.feed[orgA] as string, objects)));
    expect(statuses.map((s) => s.added)).toEqual(batches.map(() => 150));
    expect(statuses.map((s) => s.status.success_count)).toEqual(batches.map(() => 150));
    const dates = (await entriesOf(ids.feed[orgA] as string)).map((e) => e.date_added);
    expect(dates).toHaveLength(before + 900);
    expect(new Set(dates).size).toBe(dates.length);
    // Each request's entries are contiguous: a reader paging by date_added never sees one half-added.
    const requestOf = new Map(batches.flatMap((objects, i) => objects.map((o) => [o.id, i] as const)));
    const order = (await entriesOf(ids.feed[orgA] as string)).slice(before).map((e) => requestOf.get(e.stix_id));
    expect(order.filter((r, i) => i === 0 || r !== order[i - 1])).toHaveLength(6);
  });

  it('reports each failure, stores the valid objects and changes nothing already stored', async () => {
    const kept = indicator({ tlp: 'green', modified: '2026-02-01T00:00:00.000Z' });
    await addObjects(ctx.db, store, ids.community, [kept]);
    const before = await snapshot();
    const fresh = indicator({ tlp: 'clear' });
    const { status, added } = await addObjects(ctx.db, { ...store, request: systemContext('ja') }, ids.community, [
      { ...kept, name: 'rewritten' }, // same id and version, other content
      { ...kept, modified: '2026-01-15T00:00:00.000Z' }, // older than what is stored
      indicator({ tlp: 'red' }),
      indicator({ tlp: 'amber' }),
      indicator({ tlp: null }), // unmarked: AMBER by default
      { type: 'indicator', id: 'indicator--nope' },
      fresh,
    ]);
    expect(status).toMatchObject({ status: 'complete', total_count: 7, success_count: 1, failure_count: 6, pending_count: 0 });
    expect(added).toBe(1);
    expect(status.successes).toEqual([{ id: fresh.id, version: fresh.modified }]);
    expect(status.failures?.map((f) => f.message?.slice(0, 12))).toHaveLength(6);
    expect(status.failures?.every((f) => typeof f.message === 'string' && f.message.length > 5)).toBe(true);
    const after = await snapshot();
    expect(after.objects.slice(0, before.objects.length)).toEqual(before.objects);
    expect(after.entries.filter((e) => before.entries.some((b) => b.collection_key === e.collection_key && b.date_added === e.date_added))).toEqual(before.entries);
    expect(after.objects).toHaveLength(before.objects.length + 1);
  });

  it('counts a repeated envelope as successes and stores nothing twice', async () => {
    const objects = [indicator({ tlp: 'clear' }), indicator({ tlp: 'green' })];
    await addObjects(ctx.db, store, ids.community, objects);
    const before = await snapshot();
    const again = await addObjects(ctx.db, store, ids.community, [...objects].reverse().map((o) => Object.fromEntries(Object.entries(o).reverse())));
    expect([again.status.success_count, again.status.failure_count, again.added]).toEqual([2, 0, 0]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps one copy of an object placed in several collections', async () => {
    const object = indicator({ tlp: 'clear' });
    await addObjects(ctx.db, store, ids.community, [object]);
    await addObjects(ctx.db, store, ids.public, [object]);
    await addObjects(ctx.db, store, ids.feed[orgA] as string, [object]);
    const rows = await ctx.db.selectFrom('stix_objects').select('pk').where('stix_id', '=', object.id).execute();
    expect(rows).toHaveLength(1);
    const entries = await ctx.db.selectFrom('taxii_entries as e').innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
      .select('c.id').where('e.object_pk', '=', rows[0]?.pk as number).execute();
    expect(entries.map((e) => e.id).sort()).toEqual([ids.community, ids.public, ids.feed[orgA]].sort());
  });

  it('moves the latest and first markers as versions arrive, and keeps revocation final', async () => {
    const v1 = indicator({ tlp: 'green', modified: '2026-03-01T00:00:00.000Z' });
    const v2 = { ...v1, modified: '2026-03-02T00:00:00.000Z' };
    const v3 = { ...v1, modified: '2026-03-03T00:00:00.000Z', revoked: true };
    await addObjects(ctx.db, store, ids.community, [v1]);
    await addObjects(ctx.db, store, ids.community, [v2, v3]);
    const mine = (await entriesOf(ids.community)).filter((e) => e.stix_id === v1.id);
    expect(mine.map((e) => [e.version, e.is_first, e.is_latest])).toEqual([
      ['2026-03-01T00:00:00.000Z', 1, 0], ['2026-03-02T00:00:00.000Z', 0, 0], ['2026-03-03T00:00:00.000Z', 0, 1],
    ]);
    const { status: v4 } = await addObjects(ctx.db, store, ids.community, [{ ...v1, modified: '2026-03-04T00:00:00.000Z' }]);
    expect(v4.failures?.[0]?.message).toMatch(/revoked/);
    const { status: otherCreator } = await addObjects(ctx.db, store, ids.community, [{ ...indicator({ id: v1.id, tlp: 'green', createdBy: 'identity--0b3c9d2e-1f4a-4b5c-8d6e-7f8091a2b3c4' }), modified: '2026-03-05T00:00:00.000Z' }]);
    expect(otherCreator.failure_count).toBe(1);
  });

  it('fails an object of an unsupported STIX version on its own and stores the others (issue 17)', async () => {
    const good = indicator({ tlp: 'clear' });
    const old = { ...indicator({ tlp: 'clear' }), spec_version: '2.0' };
    const { status, added } = await addObjects(ctx.db, store, ids.community, [good, old]);
    expect([status.success_count, status.failure_count, added]).toEqual([1, 1, 1]);
    expect(status.failures).toEqual([{ id: old.id, version: old.modified, message: expect.stringMatching(/^spec_version 2\.0 is not supported \(only 2\.1\)/) }]);
    expect(await findStoredVersions(ctx.db, [good.id, old.id])).toMatchObject([{ stix_id: good.id }]);
  });

  it('places by the strictest TLP marking on any part, granular markings included, on every write path (issue 17)', async () => {
    const partly = (level: keyof typeof TLP, whole: keyof typeof TLP = 'green') => ({
      ...indicator({ tlp: whole }), description: `${level} text`, granular_markings: [{ marking_ref: TLP[level], selectors: ['description'] }],
    });
    const red = partly('red');
    const amber = partly('amber');
    const { status } = await addObjects(ctx.db, store, ids.community, [red, amber]);
    expect(status.failures?.map((f) => [f.id, f.message])).toEqual([
      [red.id, 'TLP:RED objects are never placed in a collection.'],
      [amber.id, 'TLP:AMBER objects may not be placed in the community collection.'],
    ]);
    const within = await ctx.db.transaction().execute(async (trx) => {
      await lockStore(trx);
      return addObjectsWithin(trx, store, ids.public, [partly('green', 'clear')]); // the publication's path
    });
    expect(within.status.failures?.[0]?.message).toBe('TLP:GREEN objects may not be placed in the public collection.');
    expect((await addObjects(ctx.db, store, ids.feed[orgA] as string, [amber])).added).toBe(1);
    const rows = await ctx.db.selectFrom('stix_objects').select(['stix_id', 'tlp']).where('stix_id', 'in', [red.id, amber.id]).execute();
    expect(rows).toEqual([{ stix_id: amber.id, tlp: 'amber' }]);
  });

  it('refuses per object a marking definition it does not know, and knows one stored before or sent with it (issue 17)', async () => {
    const statement = (id = stixId('marking-definition')) => ({
      type: 'marking-definition', spec_version: '2.1', id, created: '2026-01-01T00:00:00.000Z', definition_type: 'statement',
      definition: { statement: 'Copyright Example Corp' }, object_marking_refs: [TLP.green],
    });
    const unknown = stixId('marking-definition');
    const sentAlong = statement();
    const storedBefore = statement();
    await addObjects(ctx.db, store, ids.feed[orgA] as string, [storedBefore]); // another collection: the store knows it
    const markedBy = (ref: string) => ({ ...indicator({ tlp: 'green' }), object_marking_refs: [TLP.green, ref] });
    const partlyBy = (ref: string) => ({ ...indicator({ tlp: 'green' }), description: 'x', granular_markings: [{ marking_ref: ref, selectors: ['description'] }] });
    const objects = [markedBy(unknown), partlyBy(unknown), sentAlong, markedBy(sentAlong.id), partlyBy(storedBefore.id), indicator({ tlp: 'clear' })];
    const { status } = await addObjects(ctx.db, store, ids.community, objects);
    expect(status.failures?.map((f) => f.id)).toEqual([objects[0]?.id, objects[1]?.id]);
    expect(status.failures?.every((f) => f.message?.includes(unknown))).toBe(true);
    expect(status.successes?.map((s) => s.id)).toEqual(objects.slice(2).map((o) => o?.id));
    const tlps = await ctx.db.selectFrom('stix_objects').select(['stix_id', 'tlp']).where('stix_id', 'in', [objects[3]?.id as string, objects[4]?.id as string]).execute();
    expect(tlps.map((r) => r.tlp)).toEqual(['green', 'green']);
  });

  it('writes one audit row and one status resource per request, in the same transaction', async () => {
    const { status } = await addObjects(ctx.db, store, ids.public, [indicator({ tlp: 'clear' }), indicator({ tlp: 'green' })]);
    const audit = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'taxii.objects_added').orderBy('id', 'desc').executeTakeFirst();
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({ statusId: status.id, total: 2, success: 1, failure: 1, added: 1 });
    expect(audit?.target_id).toBe(ids.public);
    const row = await ctx.db.selectFrom('taxii_status').selectAll().where('id', '=', status.id).executeTakeFirst();
    expect(row?.total_count).toBe(2);
  });

  it('deletes versions from one collection, recomputes the markers and forgets versions nobody holds', async () => {
    const v1 = indicator({ tlp: 'clear', modified: '2026-04-01T00:00:00.000Z' });
    const v2 = { ...v1, modified: '2026-04-02T00:00:00.000Z' };
    await addObjects(ctx.db, store, ids.community, [v1, v2]);
    await addObjects(ctx.db, store, ids.public, [v1]);
    const community = (await findCollection(ctx.db, ids.community))!;
    const latestOnly = { versions: { all: false, first: false, last: true, keys: [] } };
    expect(await deleteObjectVersions(ctx.db, systemContext(), community, v1.id, latestOnly)).toBe(1);
    const left = (await entriesOf(ids.community)).filter((e) => e.stix_id === v1.id);
    expect(left.map((e) => [e.version, e.is_first, e.is_latest])).toEqual([['2026-04-01T00:00:00.000Z', 1, 1]]);
    const versions = await ctx.db.selectFrom('stix_objects').select('version').where('stix_id', '=', v1.id).execute();
    expect(versions.map((v) => v.version)).toEqual(['2026-04-01T00:00:00.000Z']);
    const all = { versions: { all: true, first: false, last: false, keys: [] } };
    expect(await deleteObjectVersions(ctx.db, systemContext(), community, v1.id, all)).toBe(1);
    expect(await ctx.db.selectFrom('stix_objects').select('pk').where('stix_id', '=', v1.id).execute()).toHaveLength(1); // public holds it
    await expect(deleteObjectVersions(ctx.db, systemContext(), community, v1.id, all)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('finds versions by id in both tiers of the id lookup, and forgets the ids of versions it removes', async () => {
    const idRows = async (pk: number) => ({
      recent: await ctx.db.selectFrom('stix_ids_recent').select('id_key').where('pk', '=', pk).execute(),
      main: await ctx.db.selectFrom('stix_ids').select('id_key').where('pk', '=', pk).execute(),
    });
    const older = indicator({ tlp: 'green', modified: '2026-05-01T00:00:00.000Z' });
    await addObjects(ctx.db, store, ids.community, [older]);
    const olderPk = (await entriesOf(ids.community)).find((e) => e.stix_id === older.id)!.pk;
    // SQLite writes new ids to the recent tier, PostgreSQL to the main one (store.repository.ts).
    const key = [{ id_key: idKey(older.id) }];
    expect(await idRows(olderPk)).toEqual(database.dialect === 'sqlite' ? { recent: key, main: [] } : { recent: [], main: key });
    await mergeRecentIds(ctx.db);
    expect(await idRows(olderPk)).toEqual({ recent: [], main: key });
    // A new version is planned against the one in the main tier: it becomes the latest, the older one stays first.
    const newer = { ...older, modified: '2026-05-02T00:00:00.000Z' };
    await addObjects(ctx.db, store, ids.community, [newer]);
    const entries = (await entriesOf(ids.community)).filter((e) => e.stix_id === older.id);
    expect(entries.map((e) => [e.version, e.is_first, e.is_latest])).toEqual([['2026-05-01T00:00:00.000Z', 1, 0], ['2026-05-02T00:00:00.000Z', 0, 1]]);
    expect((await findStoredVersions(ctx.db, [older.id])).map((v) => v.pk).sort()).toEqual(entries.map((e) => e.pk).sort());
    const community = (await findCollection(ctx.db, ids.community))!;
    await deleteObjectVersions(ctx.db, systemContext(), community, older.id, { versions: { all: true, first: false, last: false, keys: [] } });
    for (const e of entries) expect(await idRows(e.pk)).toEqual({ recent: [], main: [] });
    expect(await findStoredVersions(ctx.db, [older.id])).toEqual([]);
  });
});
