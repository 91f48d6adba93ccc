import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { createMailer } from '../mail/mail.service.js';
import { importFeedFileAsOperator } from './feeds-import.service.js';
import { matchAllAsOperator } from './matcher.service.js';
import { tallyOrgs } from './vulns-summary.service.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));

describe('tallyOrgs', () => {
  it('counts an organisation as resolved only when every one of its findings for the subject is', () => {
    const rows = [
      { subject: 'CVE-1', orgId: 'a', status: 'patched' }, { subject: 'CVE-1', orgId: 'a', status: 'open' },
      { subject: 'CVE-1', orgId: 'b', status: 'not_applicable' }, { subject: 'CVE-1', orgId: 'c', status: 'accepted_risk' },
      { subject: 'CVE-2', orgId: 'a', status: 'mitigated' },
    ];
    expect(Object.fromEntries(tallyOrgs(rows))).toEqual({ 'CVE-1': { affected: 2, resolved: 1 }, 'CVE-2': { affected: 1, resolved: 0 } });
  });
});

type Section = { id: string; count?: number; items: Array<{ label: string; detail?: string; href?: string }> };
type Summary = {
  k: number;
  cves: Array<{ cveId: string; kev: boolean; organisations: { count: number | null; lessThanK: boolean }; resolved: { count: number | null; lessThanK: boolean } }>;
  eolProducts: Array<{ product: string; organisations: { count: number | null; lessThanK: boolean } }>;
};

describeEachDatabase('vulnerabilities: home section and the desk\'s summary under k', (database) => {
  const ctx = useTestApp(database, { ANONYMITY_K: '3' });
  const orgs: string[] = [];
  const s = {} as Record<'ja' | 'en' | 'empty' | 'coordinator', Session>;
  const asset = async (orgId: string, fields: { vendor: string; product: string; version: string; category: string }) => {
    const now = new Date().toISOString();
    await ctx.db.insertInto('assets').values({
      id: randomUUID(), org_id: orgId, ...fields, cpe: null, purl: null, internet_facing: 1, exposed_address: null, owner: '', notes: '', share_with_desk: 0,
      created_by: null, updated_by: null, created_at: now, updated_at: now,
    }).execute();
  };
  const summary = async () => (await as(ctx, s.coordinator)({ method: 'GET', url: '/api/vulns/summary' })).json<Summary>();
  const home = async (who: Session) => (await as(ctx, who)({ method: 'GET', url: '/api/dashboards/member' })).json<{ sections: Section[] }>().sections.find((x) => x.id === 'vuln-findings');

  beforeAll(async () => {
    for (const file of ['nvd-sample.json', 'kev-sample.json', 'epss-sample.csv.gz', 'fortios.json']) await importFeedFileAsOperator(ctx.db, join(TESTDATA, file));
    for (let i = 0; i < 4; i++) orgs.push(await createOrg(ctx));
    for (const orgId of orgs.slice(0, 3)) await asset(orgId, { category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4' });
    await asset(orgs[0] as string, { category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.0.2348' });
    await matchAllAsOperator(ctx.db, { config: ctx.config, mailer: createMailer(null, 'x', { warn: () => {} }) });
    s.ja = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgs[0] as string, role: 'member' }], locale: 'ja' }));
    s.en = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgs[0] as string, role: 'member' }], locale: 'en' }));
    s.empty = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgs[3] as string, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
  });

  it('shows a member the most urgent open findings in plain words, exploited ones first', async () => {
    const ja = await home(s.ja) as Section;
    expect(ja.count).toBe(4); // two exploited FortiOS CVEs, QNAP, FortiOS 7.2 end of life
    expect(ja.items[0]?.label).toMatch(/^【攻撃に悪用されています】Fortinet FortiOS 7\.2\.4: CVE-202[34]-\d+$/);
    expect(ja.items[1]?.label).toMatch(/^【攻撃に悪用されています】/);
    expect(ja.items.map((i) => i.label)).toContain('Fortinet FortiOS 7.2.4: サポートが終了しています（2025-09-30）');
    expect(ja.items.find((i) => i.label.includes('CVE-2024-21762'))?.detail).toBe('7.2.7 以降に更新してください');
    expect(ja.items.every((i) => /^\/orgs\/[^/]+\/findings#finding-[^/]+$/.test(i.href ?? ''))).toBe(true); // its organisation's page, at the notice
    const en = await home(s.en) as Section;
    expect(en.items.find((i) => i.label.includes('CVE-2024-21899'))).toMatchObject({ label: 'QNAP QTS 5.1.0.2348: CVE-2024-21899 (severity 9.8)', detail: 'Update to 5.1.3.2578 or later' });
    expect((await home(s.empty))?.items).toEqual([{ label: '機器・ソフトウェアを登録すると、脆弱性やサポート終了をお知らせします', href: '/assets' }]);
  });

  it('gives the desk counts of organisations per CVE and end-of-life product, none below k', async () => {
    const first = await summary();
    expect(first.k).toBe(3);
    const forti = first.cves.find((c) => c.cveId === 'CVE-2024-21762');
    expect(forti).toMatchObject({ kev: true, organisations: { count: 3, lessThanK: false }, resolved: { count: null, lessThanK: true } });
    expect(first.cves.find((c) => c.cveId === 'CVE-2024-21899')).toMatchObject({ kev: false, organisations: { count: null, lessThanK: true } });
    expect(first.cves.slice(0, 2).every((c) => c.kev)).toBe(true);
    expect(first.eolProducts).toEqual([{ product: 'fortios', organisations: { count: 3, lessThanK: false }, resolved: { count: null, lessThanK: true } }]);

    const b = orgs[1] as string;
    await ctx.db.updateTable('vuln_findings').set({ status: 'patched' }).where('org_id', '=', b).where('ref', '=', 'CVE-2024-21762').execute();
    const after = (await summary()).cves.find((c) => c.cveId === 'CVE-2024-21762');
    expect(after).toMatchObject({ organisations: { count: null, lessThanK: true }, resolved: { count: null, lessThanK: true } });
    expect(JSON.stringify(await summary())).not.toMatch(new RegExp(orgs.join('|')));
    expect(errorCode(await as(ctx, s.ja)({ method: 'GET', url: '/api/vulns/summary' }))).toBe('not_found');
  });
});
