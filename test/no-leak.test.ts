// The promise of publication: once an advisory is out, nothing another member can reach — any GET
// route of the API with any id we know of, any TAXII collection, object, version or manifest —
// contains a redacted string or the victim's identity.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/databases.js';
import { as, createOrg, createUser, signIn, useTestApp, type Session } from './helpers/app.js';
import { TAXII } from './helpers/taxii.js';

const VICTIM = { nameJa: '株式会社さくら精機', nameEn: 'Sakura Seiki', alias: 'さくら精機', domain: 'sakura-seiki.example.jp' };
const SECRETS = ['田中', '佐藤', '03-1234-5678'];
const TEXT = `${VICTIM.nameJa}の田中が 03-1234-5678 から連絡を受け、${VICTIM.domain} のサーバから 203.0.113.77 への通信を確認。${VICTIM.nameEn} の佐藤も確認。`;

describeEachDatabase('no leak after publication', (database) => {
  const ctx = useTestApp(database);
  const ids = new Set<string>();
  const collections = new Set<string>();
  const stixIds = new Set<string>();
  let readers: Session[] = [];
  let victimReader: Session;
  let reportId: string;

  beforeAll(async () => {
    const victimOrg = await createOrg(ctx, { nameJa: VICTIM.nameJa, nameEn: VICTIM.nameEn });
    await ctx.db.updateTable('organisations').set({ aliases: JSON.stringify([VICTIM.alias]) }).where('id', '=', victimOrg).execute();
    await ctx.db.insertInto('org_domains').values({ org_id: victimOrg, domain: VICTIM.domain }).execute();
    const otherOrg = await createOrg(ctx);
    for (let i = 0; i < 4; i++) ids.add(await createOrg(ctx));
    const reporter = victimReader = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: victimOrg, role: 'member' }] }));
    const coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    readers = [
      await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: otherOrg, role: 'member' }] })),
      await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: otherOrg, role: 'org_admin' }] })),
    ];
    const report = reportId = (await as(ctx, reporter)({ method: 'POST', url: '/api/reports', payload: { orgId: victimOrg, text: TEXT } })).json<{ id: string }>().id;
    await as(ctx, reporter)({ method: 'POST', url: `/api/reports/${report}/submit` });
    await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${report}/state`, payload: { state: 'triage' } });
    const review = (await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${report}/redactions` })).json<{ version: number; redactions: Array<{ id: string }> }>();
    const sato = TEXT.indexOf('佐藤');
    await as(ctx, coordinator)({
      method: 'POST', url: `/api/reports/${report}/redactions`,
      payload: { version: review.version, decisions: review.redactions.map((r) => ({ id: r.id, decision: 'accepted' })), additions: [{ start: sato, end: sato + 2, label: 'PERSON' }] },
    });
    const published = await as(ctx, coordinator)({
      method: 'POST', url: `/api/reports/${report}/advisory`,
      payload: {
        title: { ja: '製造業でのランサムウェア', en: 'Ransomware at a manufacturer' }, summary: { ja: '会員企業で被害。203.0.113.77 に注意。', en: 'A member was hit. Watch 203.0.113.77.' },
        tlp: 'green', audience: { kind: 'community' }, indicators: [{ kind: 'ipv4', value: '203.0.113.77' }], malware: ['LockBit'], vulnerabilities: [], attackPatterns: [],
      },
    });
    expect(published.statusCode).toBe(201);
    for (const id of [victimOrg, otherOrg, report, ...Object.values(published.json<Record<string, unknown>>()).filter((v): v is string => typeof v === 'string')]) ids.add(id);
    const rows = await ctx.db.selectFrom('stix_objects').select('stix_id').execute();
    for (const r of rows) stixIds.add(r.stix_id);
    for (const c of await ctx.db.selectFrom('taxii_collections').select('id').execute()) collections.add(c.id);
    for (const u of await ctx.db.selectFrom('users').select('id').execute()) ids.add(u.id);
  });

  const forbidden = [...SECRETS, VICTIM.nameJa, VICTIM.nameEn, VICTIM.alias, VICTIM.domain];
  const leaksIn = (body: string) => forbidden.filter((f) => body.toLowerCase().includes(f.toLowerCase()));

  it('would notice a leak: the victim\'s own members do see the strings', async () => {
    const res = await as(ctx, victimReader)({ method: 'GET', url: `/api/reports/${reportId}` });
    expect(leaksIn(res.body)).toEqual(expect.arrayContaining(['田中', VICTIM.nameJa]));
  });

  it('has published something the readers can see', async () => {
    const res = await as(ctx, readers[0] ?? null)({ method: 'GET', url: '/api/notifications' });
    expect(res.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('leaks nothing through any GET route of the API, for any id, to members of other organisations', async () => {
    const routes = ctx.app.routeAccessTable.filter((r) => r.method === 'GET' && !r.url.includes('*'));
    let requests = 0;
    for (const session of readers) {
      for (const route of routes) {
        const params = route.url.match(/:\w+/g) ?? [];
        // Each parameter gets every id of its kind (and, for a plain :id, every id we know).
        const candidates = (param: string) => (/collection/i.test(param) ? collections : /object/i.test(param) ? stixIds : new Set([...ids, ...stixIds, ...collections]));
        const urls = params.reduce<string[]>((acc, param) => acc.flatMap((u) => [...candidates(param)].map((id) => u.replace(param, encodeURIComponent(id)))), [route.url]);
        for (const url of urls) {
          const res = await as(ctx, session)({ method: 'GET', url, headers: url.startsWith('/taxii2') ? { accept: TAXII } : {} });
          requests++;
          expect(leaksIn(res.body), `${url} → ${res.statusCode}`).toEqual([]);
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
  }, 300_000);
});
