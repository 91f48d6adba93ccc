// An advisory as a member reads it, over HTTP on both databases: in the reader's language, the recommended action as
// text, the indicators as a list with hints where they touch the reader's registered ranges, one action confirming
// them all; not found for whoever cannot read it.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, signIn, useTestApp } from '../../../test/helpers/app.js';

describeEachDatabase('an advisory for people', (database) => {
  const ctx = useTestApp(database, { ANONYMITY_K: '3' });
  let member: ReturnType<typeof as>;
  let outsider: ReturnType<typeof as>;
  let coordinator: ReturnType<typeof as>;
  let memberOrg = '';
  let advisoryId = '';

  beforeAll(async () => {
    const victimOrg = await createOrg(ctx, { nameJa: '株式会社あおば物流', nameEn: 'Aoba Logistics' });
    memberOrg = await createOrg(ctx);
    const outsiderOrg = await createOrg(ctx);
    for (let i = 0; i < 4; i++) await createOrg(ctx);
    await ctx.db.insertInto('org_ip_ranges').values({ org_id: memberOrg, cidr: '198.51.100.0/24' }).execute();
    const reporter = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: victimOrg, role: 'member' }] })));
    member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: memberOrg, role: 'member' }] })));
    outsider = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: outsiderOrg, role: 'member' }] })));
    coordinator = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] })));

    const reportId = (await reporter({ method: 'POST', url: '/api/reports', payload: { orgId: victimOrg, text: '198.51.100.9 と evil-update.example からの通信がありました。', answers: { category: 'malware' } } })).json().id;
    expect((await reporter({ method: 'POST', url: `/api/reports/${reportId}/submit` })).statusCode).toBe(204);
    expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } })).statusCode).toBe(204);
    const review = (await coordinator({ method: 'GET', url: `/api/reports/${reportId}/redactions` })).json();
    await coordinator({ method: 'POST', url: `/api/reports/${reportId}/redactions`, payload: { version: review.version, decisions: review.redactions.map((r: { id: string }) => ({ id: r.id, decision: 'accepted' })) } });
    const published = await coordinator({ method: 'POST', url: `/api/reports/${reportId}/advisory`, payload: {
      title: { ja: '偽の更新サイトに注意', en: 'Beware of a fake update site' },
      summary: { ja: '運輸業の会員で不審な通信がありました。', en: 'A transport member saw suspicious traffic.' },
      courseOfAction: { ja: 'プロキシのログで evil-update.example への通信を探してください。', en: 'Search your proxy logs for evil-update.example.' },
      tlp: 'green', audience: { kind: 'community' },
      indicators: [{ kind: 'ipv4', value: '198.51.100.9' }, { kind: 'domain', value: 'evil-update.example' }],
      malware: [], vulnerabilities: [], attackPatterns: [],
    } });
    expect(published.statusCode).toBe(201);
    advisoryId = published.json().id;
  });

  it('reads in Japanese by default and in English on request, with the action as text and the indicators as values', async () => {
    const ja = (await member({ method: 'GET', url: `/api/advisories/${advisoryId}` })).json();
    expect(ja).toMatchObject({ title: '偽の更新サイトに注意', summary: '運輸業の会員で不審な通信がありました。', tlp: 'green' });
    expect(ja.actions).toEqual(['プロキシのログで evil-update.example への通信を探してください。']);
    expect(ja.indicators.flatMap((i: { observables: Array<{ value: string }> }) => i.observables.map((o) => o.value)).sort()).toEqual(['198.51.100.9', 'evil-update.example']);
    const en = (await member({ method: 'GET', url: `/api/advisories/${advisoryId}`, headers: { 'accept-language': 'en' } })).json();
    expect(en).toMatchObject({ title: 'Beware of a fake update site', actions: ['Search your proxy logs for evil-update.example.'] });
    expect(JSON.stringify(en)).not.toMatch(/あおば|Aoba/);
  });

  it('says where an indicator touches my registered IP range, and only for my organisation', async () => {
    const mine = (await member({ method: 'GET', url: `/api/advisories/${advisoryId}` })).json();
    const ip = mine.indicators.find((i: { observables: Array<{ value: string }> }) => i.observables[0]?.value === '198.51.100.9');
    expect(ip.concerns).toEqual([{ orgId: memberOrg, kind: 'ip_range', registered: '198.51.100.0/24' }]);
    const theirs = (await outsider({ method: 'GET', url: `/api/advisories/${advisoryId}` })).json();
    expect(theirs.indicators.every((i: { concerns: unknown[] }) => i.concerns.length === 0)).toBe(true);
  });

  it('confirms every indicator in one action; counts stay hidden below k for members', async () => {
    const res = await member({ method: 'POST', url: `/api/advisories/${advisoryId}/sightings`, payload: {} });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.indicators).toHaveLength(2);
    for (const i of after.indicators) {
      expect(i.sightings.mine.map((m: { orgId: string }) => m.orgId)).toEqual([memberOrg]);
      expect(i.sightings.count).toBeNull();
      expect(i.sightings.fewerThan).toBe(3);
    }
    // Once more: still one sighting per indicator for my organisation.
    const again = (await member({ method: 'POST', url: `/api/advisories/${advisoryId}/sightings`, payload: {} })).json();
    for (const i of again.indicators) expect(i.sightings.mine).toHaveLength(1);
    const seen = (await coordinator({ method: 'GET', url: `/api/advisories/${advisoryId}` })).json();
    expect(seen.indicators.map((i: { sightings: { count: number } }) => i.sightings.count)).toEqual([1, 1]);
  });

  it('is not found for an unknown advisory, for a member naming an organisation not theirs, and refuses unknown fields', async () => {
    expect((await member({ method: 'GET', url: '/api/advisories/no-such-advisory' })).statusCode).toBe(404);
    expect((await member({ method: 'POST', url: '/api/advisories/no-such-advisory/sightings', payload: {} })).statusCode).toBe(404);
    const foreign = await outsider({ method: 'POST', url: `/api/advisories/${advisoryId}/sightings`, payload: { orgId: memberOrg } });
    expect(foreign.statusCode).toBe(404);
    expect((await member({ method: 'POST', url: `/api/advisories/${advisoryId}/sightings`, payload: { everything: true } })).statusCode).toBe(400);
  });
});
