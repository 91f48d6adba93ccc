// Correlation end to end over HTTP on both databases: indexing what enters the store, lookups and links
// only as far as the caller can read, the over-correlation guard, the benign list and campaign candidates.
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, indicator, stixId, TLP } from '../../../test/helpers/taxii.js';
import { addObjects } from '../taxii/store.service.js';
import { drainIndex, indexObservables, indexStep } from './indexer.service.js';

const withPattern = (pattern: string, tlp: keyof typeof TLP = 'green', name = 'Indicator') => ({ ...indicator({ tlp, name }), pattern });
const sco = (type: string, value: string, tlp: keyof typeof TLP = 'green') => ({
  type, spec_version: '2.1', id: stixId(type), value, object_marking_refs: [TLP[tlp]],
});

describeEachDatabase('correlation', (database) => {
  const ctx = useTestApp(database, { CORRELATION_MAX_LINKS: '4' });
  const s = {} as Record<'memberA' | 'coordinator', Session>;
  const ids = {} as { community: string; feedB: string };
  const a = withPattern("[url:value = 'HXXP://Evil[.]Example:80/a/../login#x']", 'green', 'Phishing login A');
  const b = withPattern("[url:value = 'http://evil.example/login'] AND [ipv4-addr:value = '203.0.113.9']", 'green', 'Phishing login B');
  const c = withPattern("[ipv4-addr:value = '203.0.113.9']", 'green', 'Scanner C');
  const urlSco = sco('url', 'http://EVIL.example/login');
  const hiddenB = withPattern("[url:value = 'http://evil.example/login']", 'amber', 'Only for B');
  const noisy = [1, 2, 3, 4, 5].map((n) => withPattern("[ipv4-addr:value = '192.0.2.200']", 'green', `Noisy ${n}`));
  const benign = withPattern("[ipv4-addr:value = '8.8.8.8'] AND [domain-name:value = 'google.com']", 'green', 'Resolver');
  const get = (who: keyof typeof s, url: string) => as(ctx, s[who])({ method: 'GET', url } as InjectOptions);

  beforeAll(async () => {
    const orgA = await createOrg(ctx, { nameEn: 'A' });
    const orgB = await createOrg(ctx, { nameEn: 'B' });
    const found = await collectionIds(ctx, [orgA, orgB]);
    Object.assign(ids, { community: found.community, feedB: found.feed[orgB] });
    s.memberA = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    const store = { request: systemContext('en'), defaultTlp: 'amber' as const };
    await addObjects(ctx.db, store, ids.community, [a, b, c, urlSco, ...noisy, benign]);
    await addObjects(ctx.db, store, ids.feedB, [hiddenB]);
  });

  it('indexes step by step, one batch at a time, until nothing is waiting (the background indexer\'s way)', async () => {
    const totals = { entries: 0, occurrences: 0 };
    let steps = 0;
    while (await indexStep(ctx.db, totals, 3)) steps++;
    expect(totals.entries).toBe(11);
    expect(steps).toBeGreaterThanOrEqual(3); // 11 entries in batches of 3
    expect(await indexStep(ctx.db, totals, 3)).toBe(false);
    await ctx.db.deleteFrom('correlation_cursors').execute(); // start over for the next case
  });

  it('indexes every entry once, and again after a restart without counting twice', async () => {
    const first = await drainIndex(ctx.db, { batch: 3 });
    expect(first.entries).toBe(11);
    expect(await drainIndex(ctx.db)).toEqual({ entries: 0, occurrences: 0 });
    const before = await ctx.db.selectFrom('correlation_values').select(['type', 'value', 'source_count']).orderBy('value').execute();
    await ctx.db.deleteFrom('correlation_cursors').execute(); // as if the cursors had been lost
    expect(await drainIndex(ctx.db)).toEqual({ entries: 11, occurrences: 0 });
    expect(await ctx.db.selectFrom('correlation_values').select(['type', 'value', 'source_count']).orderBy('value').execute()).toEqual(before);
    expect(before).toContainEqual({ type: 'url', value: 'http://evil.example/login', source_count: 4 });
  });

  it('never indexes benign values', async () => {
    const res = await get('memberA', '/api/correlation/lookup?value=8.8.8.8');
    expect(res.json()).toEqual({ observable: { type: 'ipv4', value: '8.8.8.8' }, benign: true, objects: [] });
    const stored = await ctx.db.selectFrom('correlation_values').select('value').where('value', 'in', ['8.8.8.8', 'google.com']).execute();
    expect(stored).toEqual([]);
  });

  it('answers a lookup with the objects the caller can read, nothing about others', async () => {
    const res = await get('memberA', `/api/correlation/lookup?value=${encodeURIComponent('hxxp://evil[.]example/login')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ observable: unknown; objects: Array<{ id: string }>; sourceCount?: number }>();
    expect(body.observable).toEqual({ type: 'url', value: 'http://evil.example/login' });
    expect(body.objects.map((o) => o.id).sort()).toEqual([a.id, b.id, urlSco.id].sort());
    expect(body.sourceCount).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(hiddenB.id);
    const coordinator = (await get('coordinator', '/api/correlation/lookup?value=http://evil.example/login')).json<{ objects: unknown[]; sourceCount: number }>();
    expect(coordinator.objects).toHaveLength(4);
    expect(coordinator.sourceCount).toBe(4);
  });

  it('links an object to the readable objects that share its values', async () => {
    const res = await get('memberA', `/api/correlation/objects/${b.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ values: unknown[]; links: Array<{ id: string; shared: Array<{ value: string }> }> }>();
    expect(body.values).toEqual([{ type: 'ipv4', value: '203.0.113.9' }, { type: 'url', value: 'http://evil.example/login' }]);
    expect(body.links.map((l) => l.id).sort()).toEqual([a.id, c.id, urlSco.id].sort());
    expect(JSON.stringify(body)).not.toContain(hiddenB.id);
    expect((await get('memberA', `/api/correlation/objects/${hiddenB.id}`)).statusCode).toBe(404);
  });

  it('stops linking a value held by more than CORRELATION_MAX_LINKS sources and lists it for coordinators', async () => {
    const links = (await get('coordinator', `/api/correlation/objects/${noisy[0]?.id}`)).json<{ values: unknown[]; links: unknown[] }>();
    expect(links.links).toEqual([]);
    expect(links.values).toEqual([{ type: 'ipv4', value: '192.0.2.200', sourceCount: 5, overCorrelated: true }]);
    const listed = (await get('coordinator', '/api/correlation/over-correlated')).json<{ maxLinks: number; items: Array<{ value: string; sourceCount: number }> }>();
    expect(listed.maxLinks).toBe(4);
    expect(listed.items.map((i) => [i.value, i.sourceCount])).toContainEqual(['192.0.2.200', 5]);
    expect(listed.items.map((i) => i.value)).not.toContain('203.0.113.9');
    expect(errorCode(await get('memberA', '/api/correlation/over-correlated'))).toBe('not_found');
  });

  it('offers clusters over shared values to coordinators as campaign candidates', async () => {
    const res = await get('coordinator', '/api/correlation/campaigns');
    const body = res.json<{ complete: boolean; items: Array<{ size: number; members: Array<{ id: string }> }> }>();
    expect(body.complete).toBe(true);
    // a—b share the URL (with the amber one), b—c the IP; the URL object only joins them; the noisy value links nothing.
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.members.map((m) => m.id).sort()).toEqual([a.id, b.id, c.id, hiddenB.id].sort());
    expect(errorCode(await get('memberA', '/api/correlation/campaigns'))).toBe('not_found');
  });

  it('indexes report sources given by other features; only coordinators see them', async () => {
    await indexObservables(ctx.db, { kind: 'report', id: 'report-1' }, [{ type: 'ipv4', value: '203.0.113.9' }]);
    await indexObservables(ctx.db, { kind: 'report', id: 'report-1' }, [{ type: 'ipv4', value: '203.0.113.9' }]);
    const coordinator = (await get('coordinator', '/api/correlation/lookup?value=203.0.113.9')).json<{ objects: Array<{ kind: string; id: string }>; sourceCount: number }>();
    expect(coordinator.objects).toContainEqual({ kind: 'report', id: 'report-1', type: 'report', name: null });
    expect(coordinator.sourceCount).toBe(3);
    const member = (await get('memberA', '/api/correlation/lookup?value=203.0.113.9')).json<{ objects: Array<{ kind: string }> }>();
    expect(member.objects.map((o) => o.kind)).toEqual(['stix', 'stix']);
  });

  it('refuses values that name nothing, with a message in the caller\'s language', async () => {
    const res = await get('memberA', '/api/correlation/lookup?value=ransomware');
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('invalid_observable');
    expect(errorCode(await get('memberA', '/api/correlation/lookup?value=010.0.0.1&type=ipv4'))).toBe('invalid_observable');
    expect(errorCode(await get('memberA', '/api/correlation/lookup?value=x&type=ipv7'))).toBe('validation_failed');
  });
});
