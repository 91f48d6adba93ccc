import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, signIn, useTestApp } from '../../test/helpers/app.js';
import { demoOrganisations, seedDemo } from './demo.js';

describe('demo community generator', () => {
  it('is deterministic for a seed and scales to a thousand organisations', () => {
    const a = demoOrganisations(1000, 7);
    expect(a).toHaveLength(1000);
    expect(demoOrganisations(1000, 7)).toEqual(a);
    expect(new Set(a.map((o) => o.input.domains[0])).size).toBe(1000);
    expect(new Set(a.map((o) => o.input.sector)).size).toBeGreaterThan(10);
  });
});

describeEachDatabase('demo community', (database) => {
  const ctx = useTestApp(database);

  it('creates sectors and sizes, users for every role, and sign-ins that work', async () => {
    const demo = await seedDemo(ctx.db, ctx);
    expect(demo).not.toBeNull();
    const orgs = await ctx.db.selectFrom('organisations').select(['sector', 'size_band']).execute();
    expect(orgs.length).toBeGreaterThanOrEqual(8);
    expect(new Set(orgs.map((o) => o.size_band)).size).toBeGreaterThanOrEqual(4);
    const roles = demo!.credentials.map((c) => c.role).join(' ');
    for (const role of ['administrator', 'coordinator', 'responder', 'auditor', 'org_admin', 'member']) expect(roles).toContain(role);
    for (const credential of demo!.credentials.slice(0, 4)) {
      const session = await signIn(ctx, credential);
      expect((await as(ctx, session)({ method: 'GET', url: '/api/account' })).json().email).toBe(credential.email);
    }
    expect(await seedDemo(ctx.db, ctx)).toBeNull();
  });

  it('makes the vendor\'s responder a vetted responder whom a coordinator can offer help requests', async () => {
    const responder = await ctx.db.selectFrom('aid_responders').innerJoin('users', 'users.id', 'aid_responders.user_id')
      .select(['users.email', 'aid_responders.vetting', 'aid_responders.available']).execute();
    expect(responder).toEqual([{ email: 'responder@demo.anshin.example', vetting: 'vetted', available: 1 }]);
  });

  it('gives members devices and software, and the hospital\'s exploited VPN appliance a notice at once', async () => {
    const findings = await ctx.db.selectFrom('vuln_findings').innerJoin('organisations', 'organisations.id', 'vuln_findings.org_id')
      .select(['organisations.name_en', 'vuln_findings.ref', 'vuln_findings.status', 'vuln_findings.outcome', 'vuln_findings.kev'])
      .where('vuln_findings.active', '=', 1).execute();
    const of = (org: string) => findings.filter((f) => f.name_en === org).map((f) => f.ref);
    expect(of('Sakura General Hospital')).toEqual(expect.arrayContaining(['CVE-2024-21762', 'CVE-2023-27997', 'CVE-2024-21899', 'CVE-2024-38063']));
    expect(of('Midori City Office')).toContain('CVE-2023-2745');
    expect(of('Yamada Precision Co., Ltd.')).not.toContain('CVE-2024-38063'); // its PCs carry the fixed build
    expect(findings.every((f) => f.status === 'open')).toBe(true);
    expect(findings.find((f) => f.ref === 'CVE-2024-21762')?.kev).toBe(1);
  });
});

describeEachDatabase('demo community over TAXII', (database) => {
  const ctx = useTestApp(database);

  it('gives a member and a coordinator working TAXII tokens, with objects where their TLP allows', async () => {
    const demo = (await seedDemo(ctx.db, ctx))!;
    expect(demo.taxiiTokens.map((t) => t.role)).toEqual(['coordinator+member', 'member']);
    expect(demo.stixObjects).toBe(10);
    const basic = (t: { email: string; token: string }) => `Basic ${Buffer.from(`${t.email}:${t.token}`).toString('base64')}`;
    const get = (t: { email: string; token: string }, url: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { accept: 'application/taxii+json;version=2.1', authorization: basic(t) } });
    const [coordinator, member] = demo.taxiiTokens as [typeof demo.taxiiTokens[0], typeof demo.taxiiTokens[0]];
    const collections = (await get(member, '/taxii2/community/collections/')).json<{ collections: Array<{ id: string; alias?: string; title: string }> }>().collections;
    const count = async (t: typeof member, id: string) =>
      ((await get(t, `/taxii2/community/collections/${id}/objects/`)).json<{ objects?: unknown[] }>().objects ?? []).length;
    const byAlias = (alias: string) => collections.find((c) => c.alias === alias)?.id as string;
    const feed = collections.find((c) => c.title.startsWith('Feed: Sakura'))?.id as string;
    expect([await count(member, byAlias('public')), await count(member, byAlias('community')), await count(member, feed)]).toEqual([3, 5, 2]);
    expect(await count(coordinator, feed)).toBe(2);
  });
});

describeEachDatabase('demo community in the ledger', (database) => {
  const ctx = useTestApp(database);

  it('logs its seeded objects as publications and its members\' sightings, so the ledger has a history', async () => {
    await seedDemo(ctx.db, ctx);
    const rows = await ctx.db.selectFrom('ledger_entries').select(['type', 'leaf']).orderBy('idx').execute();
    expect(rows.map((r) => r.type)).toEqual(['ledger_key_changed', 'publication', 'publication', 'publication', 'sighting', 'sighting', 'sighting']);
    const published = rows.slice(1, 4).flatMap((r) => (JSON.parse(r.leaf) as { objects: Array<{ tlp: string }> }).objects);
    expect(published).toHaveLength(10);
    expect(new Set(published.map((o) => o.tlp))).toEqual(new Set(['clear', 'green', 'amber']));
    const checkpoint = await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(checkpoint.body.split('\n')[1]).toBe('7');
    const sightings = await ctx.db.selectFrom('stix_objects').select('stix_id').where('type', '=', 'sighting').execute();
    expect(sightings).toHaveLength(3); // the city saw one indicator, the factory two

  });
});
