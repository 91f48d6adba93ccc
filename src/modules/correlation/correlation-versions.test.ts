// Issue 17: correlation shows a caller only the values (and links) of the object versions they can read. For each
// object only its newest version held by a collection the caller can read counts; a revoked one holds nothing.
// Versions in collections they cannot read (another organisation's feed or inbox) and superseded versions never leak.
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, indicator, stixId } from '../../../test/helpers/taxii.js';
import { addObjects } from '../taxii/store.service.js';
import { drainIndex } from './indexer.service.js';

const V1 = '2026-01-01T00:00:00.000Z';
const V2 = '2026-02-01T00:00:00.000Z';
const version = (id: string, modified: string, tlp: 'green' | 'amber', pattern: string, extra: { revoked?: boolean; name?: string } = {}) =>
  ({ ...indicator({ id, tlp, modified, created: V1, ...extra }), pattern });

interface Lookup { objects: Array<{ id: string }>; sourceCount?: number }
interface Links { values: Array<{ type: string; value: string }>; links: Array<{ id: string; shared: Array<{ value: string }> }> }

describeEachDatabase('correlation: only readable, current versions', (database) => {
  const ctx = useTestApp(database, { CORRELATION_MAX_LINKS: '10' });
  const s = {} as Record<'memberA' | 'memberB' | 'coordinator', Session>;
  const get = (who: keyof typeof s, url: string) => as(ctx, s[who])({ method: 'GET', url } as InjectOptions);
  const lookup = async (who: keyof typeof s, value: string) => {
    const res = await get(who, `/api/correlation/lookup?value=${encodeURIComponent(value)}`);
    expect(res.statusCode).toBe(200);
    return res.json<Lookup>();
  };
  const objectOf = async (who: keyof typeof s, id: string) => {
    const res = await get(who, `/api/correlation/objects/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json<Links>();
  };
  const ids = (found: { objects: Array<{ id: string }> } | { links: Array<{ id: string }> }) =>
    ('objects' in found ? found.objects : found.links).map((o) => o.id).sort();
  const valuesOf = (found: Links) => found.values.map((v) => v.value);

  // X: GREEN in the community, then a newer AMBER version with one more value in organisation B's feed.
  const x = stixId('indicator');
  const xGreen = version(x, V1, 'green', "[ipv4-addr:value = '198.51.100.10']", { name: 'X' });
  const xAmber = version(x, V2, 'amber', "[ipv4-addr:value = '198.51.100.10'] AND [domain-name:value = 'feed-only.example']", { name: 'X' });
  // Y (community) holds the value X gained in B's feed: a link between them would tell A about X's AMBER version.
  const y = version(stixId('indicator'), V1, 'green', "[domain-name:value = 'feed-only.example']", { name: 'Y' });
  // Z: GREEN in the community, then a newer AMBER version with one more value in organisation B's inbox.
  const z = stixId('indicator');
  const zGreen = version(z, V1, 'green', "[ipv4-addr:value = '198.51.100.20']", { name: 'Z' });
  const zAmber = version(z, V2, 'amber', "[ipv4-addr:value = '198.51.100.20'] AND [domain-name:value = 'inbox-only.example']", { name: 'Z' });
  const zPeer = version(stixId('indicator'), V1, 'green', "[domain-name:value = 'inbox-only.example']", { name: 'Z peer' });
  // W: a newer community version drops a value; R: revoked in its newer version. P holds the values they held.
  const w = stixId('indicator');
  const wOld = version(w, V1, 'green', "[domain-name:value = 'dropped.example'] AND [domain-name:value = 'kept.example']", { name: 'W' });
  const wNew = version(w, V2, 'green', "[domain-name:value = 'kept.example']", { name: 'W' });
  const r = stixId('indicator');
  const rLive = version(r, V1, 'green', "[domain-name:value = 'revoked.example']", { name: 'R' });
  const rRevoked = version(r, V2, 'green', "[domain-name:value = 'revoked.example']", { name: 'R', revoked: true });
  const p = version(stixId('indicator'), V1, 'green', "[domain-name:value = 'dropped.example'] AND [domain-name:value = 'revoked.example'] AND [domain-name:value = 'kept.example']", { name: 'P' });

  beforeAll(async () => {
    const orgA = await createOrg(ctx, { nameEn: 'A' });
    const orgB = await createOrg(ctx, { nameEn: 'B' });
    const found = await collectionIds(ctx, [orgA, orgB]);
    s.memberA = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] }));
    s.memberB = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    const store = { request: systemContext('en'), defaultTlp: 'amber' as const };
    const add = async (collection: string, objects: object[]) => {
      const { status } = await addObjects(ctx.db, store, collection, objects);
      expect(status.failures ?? []).toEqual([]);
    };
    await add(found.community, [xGreen, y, zGreen, zPeer, wOld, rLive, p]);
    await drainIndex(ctx.db); // the versions that are superseded below are indexed as current first
    await add(found.feed[orgB] as string, [xAmber]);
    await add(found.inbox[orgB] as string, [zAmber]);
    await add(found.community, [wNew, rRevoked]);
    await drainIndex(ctx.db);
  });

  it('does not show another organisation\'s member a value only a newer AMBER version in B\'s feed holds', async () => {
    expect(ids(await lookup('memberA', 'feed-only.example'))).toEqual([y.id]);
    const asA = await objectOf('memberA', x);
    expect(valuesOf(asA)).toEqual(['198.51.100.10']);
    expect(JSON.stringify(asA)).not.toContain('feed-only.example');
    expect(ids(await objectOf('memberA', y.id))).toEqual([]);
    // B's members read the AMBER version, and so do coordinators.
    expect(ids(await lookup('memberB', 'feed-only.example'))).toEqual([x, y.id].sort());
    expect(valuesOf(await objectOf('memberB', x))).toEqual(['feed-only.example', '198.51.100.10']); // by type, then value
    expect(ids(await objectOf('memberB', y.id))).toEqual([x]);
    expect(ids(await lookup('coordinator', 'feed-only.example'))).toEqual([x, y.id].sort());
  });

  it('does not show another organisation\'s member a value only a newer version in B\'s inbox holds', async () => {
    expect(ids(await lookup('memberA', 'inbox-only.example'))).toEqual([zPeer.id]);
    const asA = await objectOf('memberA', z);
    expect(valuesOf(asA)).toEqual(['198.51.100.20']);
    expect(JSON.stringify(asA)).not.toContain('inbox-only.example');
    expect(ids(await objectOf('memberA', zPeer.id))).toEqual([]);
    expect(ids(await lookup('memberB', 'inbox-only.example'))).toEqual([z, zPeer.id].sort());
    expect(ids(await objectOf('memberB', zPeer.id))).toEqual([z]);
  });

  it('stops linking the values of a superseded version', async () => {
    // Coordinators' counts (the over-correlation guard) hold only the sources holding a value now.
    expect((await lookup('coordinator', 'dropped.example')).sourceCount).toBe(1);
    expect((await lookup('coordinator', 'kept.example')).sourceCount).toBe(2);
    for (const who of ['memberA', 'coordinator'] as const) {
      expect(ids(await lookup(who, 'dropped.example'))).toEqual([p.id]);
      expect(ids(await lookup(who, 'kept.example'))).toEqual([p.id, w].sort());
      expect(valuesOf(await objectOf(who, w))).toEqual(['kept.example']);
      const links = await objectOf(who, p.id);
      expect(links.links.find((l) => l.id === w)?.shared.map((v) => v.value)).toEqual(['kept.example']);
    }
  });

  it('stops linking a revoked object', async () => {
    for (const who of ['memberA', 'memberB', 'coordinator'] as const) {
      expect(ids(await lookup(who, 'revoked.example'))).toEqual([p.id]);
      expect(await objectOf(who, r)).toMatchObject({ values: [], links: [] });
      expect(ids(await objectOf(who, p.id))).not.toContain(r);
    }
    expect((await lookup('coordinator', 'revoked.example')).sourceCount).toBe(1);
  });

  it('builds campaign candidates from current versions only', async () => {
    const res = await get('coordinator', '/api/correlation/campaigns');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: Array<{ size: number; members: Array<{ id: string }>; values: Array<{ value: string }> }> }>();
    // P and W share kept.example now; the values W and R held only in superseded or revoked versions join nothing.
    const withP = items.filter((c) => c.members.some((m) => m.id === p.id));
    expect(withP.map((c) => ({ size: c.size, members: c.members.map((m) => m.id).sort(), values: c.values.map((v) => v.value) })))
      .toEqual([{ size: 2, members: [p.id, w].sort(), values: ['kept.example'] }]);
    expect(items.flatMap((c) => c.members.map((m) => m.id))).not.toContain(r);
  });
});
