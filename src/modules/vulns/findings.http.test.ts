import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { createMailer } from '../mail/mail.service.js';
import { importFeedFileAsOperator } from './feeds-import.service.js';
import type { FindingView } from './findings.service.js';
import { matchAllAsOperator } from './matcher.service.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'anshin-findings-'));
const FEEDS = ['nvd-sample.json', 'kev-sample.json', 'epss-sample.csv.gz', 'windows.json', 'fortios.json', 'csaf-jvn-qnap.json'];

const fortigate = {
  category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4', cpe: 'cpe:2.3:o:fortinet:fortios:7.2.4:*:*:*:*:*:*:*',
  internetFacing: true, exposedAddress: 'vpn.example.jp', shareWithDesk: true,
};
const qnap = { category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.0.2348' };
const wordpress = { category: 'web_cms', vendor: 'WordPress', product: 'WordPress', version: '6.2', internetFacing: true };
const windows = { category: 'pc_os', vendor: 'Microsoft', product: 'Windows 10 22H2', version: '10.0.19045.4651' };

type Listing = { findings: FindingView[]; checkVersion: FindingView[] };

describeEachDatabase('vulnerability findings', (database) => {
  const ctx = useTestApp(database);
  let orgA = '';
  let orgB = '';
  const s = {} as Record<'member' | 'english' | 'coordinator' | 'other', Session>;
  const emails: Record<string, string> = {};
  const rematch = () => matchAllAsOperator(ctx.db, { config: ctx.config, mailer: createMailer(null, 'x', { warn: () => {} }) });
  const list = async (who: Session = s.member, lang = 'ja') =>
    (await as(ctx, who)({ method: 'GET', url: `/api/orgs/${orgA}/findings`, headers: { 'accept-language': lang } })).json<Listing>();
  const byCve = (l: Listing, cve: string) => l.findings.find((f) => f.cveId === cve);
  const outbox = async () => ctx.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).orderBy('created_at').execute();

  beforeAll(async () => {
    for (const file of FEEDS) expect((await importFeedFileAsOperator(ctx.db, join(TESTDATA, file))).outcome).toBe('imported');
    orgA = await createOrg(ctx, { nameEn: 'Org A' });
    orgB = await createOrg(ctx, { nameEn: 'Org B' });
    await ctx.db.insertInto('org_domains').values({ org_id: orgA, domain: 'example.jp' }).execute();
    const member = await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }], locale: 'ja' });
    const english = await createUser(ctx, { orgs: [{ orgId: orgA, role: 'org_admin' }], locale: 'en' });
    Object.assign(emails, { member: member.email, english: english.email });
    s.member = await signIn(ctx, member);
    s.english = await signIn(ctx, english);
    s.other = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
  });

  it('matches a new asset at once: KEV first, why it matched, the fix, and mails the members about the exploited ones', async () => {
    const res = await as(ctx, s.member)({ method: 'POST', url: `/api/orgs/${orgA}/assets`, payload: fortigate });
    expect(res.statusCode).toBe(201);
    for (const asset of [qnap, wordpress, windows, { ...wordpress, version: '6.4.3', product: 'wordpress' }]) {
      expect((await as(ctx, s.member)({ method: 'POST', url: `/api/orgs/${orgA}/assets`, payload: asset })).statusCode).toBe(201);
    }
    const l = await list();
    expect(l.findings.slice(0, 2).map((f) => f.cveId).sort()).toEqual(['CVE-2023-27997', 'CVE-2024-21762']);
    const forti = byCve(l, 'CVE-2024-21762');
    expect(forti).toMatchObject({
      kind: 'vuln', status: 'open', fixedHint: '7.2.7', advisoryUrl: 'https://fortiguard.com/psirt/FG-IR-24-015',
      cvss: { score: 9.8, version: '3.1', severity: 'CRITICAL' }, kev: { dateAdded: '2024-02-09', dueDate: '2024-02-16', ransomware: false },
      epss: { score: 0.96417, percentile: 0.99652 }, why: { source: 'nvd', criterion: 'cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*', range: '>=7.2.0 <7.2.7', detail: 'matched' },
      asset: { vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4', internetFacing: true },
      descriptionLanguage: 'en',
    });
    expect(byCve(l, 'CVE-2024-21899')).toMatchObject({ descriptionLanguage: 'ja', fixedHint: '5.1.3.2578', kev: null });
    expect(byCve(l, 'CVE-2024-21899')?.description).toMatch(/^QNAP Systems が提供する QTS には/); // from the JVN advisory
    expect(byCve(await list(s.english, 'en'), 'CVE-2024-21899')?.description).toMatch(/^An improper authentication/);
    expect(byCve(l, 'CVE-2023-2745')).toMatchObject({ why: { range: '>=6.2 <6.2.1' }, fixedHint: '6.2.1' });
    expect(l.findings.filter((f) => f.cveId === 'CVE-2023-2745')).toHaveLength(1); // 6.4.3 is outside every range
    // (Which release to move to depends on today's date: eol-match.test.ts checks it with a fixed one.)
    const eol = l.findings.filter((f) => f.kind === 'eol').map((f) => [f.eol?.product, f.eol?.cycle, f.eol?.state]);
    expect(eol.sort()).toEqual([['fortios', '7.2', 'passed'], ['windows', '10-22h2', 'passed']]);
    // Windows TCP/IP: NVD names x64, x86 and arm64; the asset does not say which: "check", never a finding.
    expect(l.checkVersion.map((f) => [f.cveId, f.why.detail])).toEqual([['CVE-2024-38063', 'asset_attribute_unspecified']]);
    expect(l.findings.map((f) => f.priority)).toEqual([...l.findings.map((f) => f.priority)].sort((a, b) => b - a));

    const mails = await outbox();
    expect(mails.map((m) => m.recipient).sort()).toEqual([emails.english, emails.member].sort());
    const ja = mails.find((m) => m.recipient === emails.member);
    expect(ja?.subject).toBe('Anshin: 攻撃に使われている脆弱性が登録機器に見つかりました（2 件）');
    expect(ja?.body).toContain('・CVE-2024-21762: Fortinet FortiOS 7.2.4\n  対策: 7.2.7 以降に更新する');
    expect(ja?.body).toContain(`/orgs/${orgA}/findings`); // the organisation's notices page
    expect(mails.find((m) => m.recipient === emails.english)?.body).toContain('- CVE-2023-27997: Fortinet FortiOS 7.2.4\n  What to do: update to 7.2.5 or later');
  });

  it('keeps what members marked through re-imports; a changed match re-opens only that finding', async () => {
    const forti = byCve(await list(), 'CVE-2024-21762') as FindingView;
    const older = byCve(await list(), 'CVE-2023-27997') as FindingView;
    const put = (id: string, body: object) => as(ctx, s.member)({ method: 'PUT', url: `/api/orgs/${orgA}/findings/${id}`, payload: body });
    expect(errorCode(await put(forti.id, { status: 'mitigated' }))).toBe('finding_note_required');
    expect((await put(forti.id, { status: 'patched', note: '7.2.7 に更新済み' })).json()).toMatchObject({ status: 'patched', note: '7.2.7 に更新済み' });
    expect((await put(older.id, { status: 'mitigated', note: 'SSL-VPN を無効化' })).statusCode).toBe(200);
    const check = (await list()).checkVersion[0] as FindingView;
    expect(errorCode(await put(check.id, { status: 'patched' }))).toBe('not_found');
    expect(errorCode(await as(ctx, s.other)({ method: 'PUT', url: `/api/orgs/${orgA}/findings/${forti.id}`, payload: { status: 'open' } }))).toBe('not_found');

    for (const file of FEEDS) await importFeedFileAsOperator(ctx.db, join(TESTDATA, file));
    expect(await rematch()).toMatchObject({ added: 0, reopened: 0, closed: 0, newKev: 0 });
    expect(byCve(await list(), 'CVE-2024-21762')?.status).toBe('patched');

    const doc = JSON.parse(readFileSync(join(TESTDATA, 'nvd-sample.json'), 'utf8'));
    doc.vulnerabilities[0].cve.lastModified = '2024-04-01T00:00:00.000';
    doc.vulnerabilities[0].cve.configurations[0].nodes[0].cpeMatch[4].versionEndExcluding = '7.2.8';
    const newer = join(scratch, 'nvd-newer.json');
    writeFileSync(newer, JSON.stringify(doc));
    expect(await importFeedFileAsOperator(ctx.db, newer)).toMatchObject({ updated: 1 });
    const mailsBefore = (await outbox()).length;
    expect(await rematch()).toMatchObject({ added: 0, reopened: 1, closed: 0, newKev: 0 });
    const after = await list();
    expect(byCve(after, 'CVE-2024-21762')).toMatchObject({ status: 'open', note: '', fixedHint: '7.2.8', why: { range: '>=7.2.0 <7.2.8' } });
    expect(byCve(after, 'CVE-2024-21762')?.reopenedAt).not.toBeNull();
    expect(byCve(after, 'CVE-2023-27997')?.status).toBe('mitigated');
    expect((await outbox()).length).toBe(mailsBefore); // still the same exploited finding: no second mail
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'details']).where('target_id', '=', forti.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['finding.status', 'finding.reopen']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ previousStatus: 'patched', previousNote: '7.2.7 に更新済み', reason: 'match_changed' });
  });

  it('closes findings an asset update no longer matches, and re-opens an accepted risk that becomes exploited', async () => {
    const assets = (await as(ctx, s.member)({ method: 'GET', url: `/api/orgs/${orgA}/assets` })).json<{ items: Array<{ id: string; product: string }> }>().items;
    const gate = assets.find((a) => a.product === 'FortiOS') as { id: string };
    expect((await as(ctx, s.member)({ method: 'PUT', url: `/api/orgs/${orgA}/assets/${gate.id}`, payload: { ...fortigate, version: '7.2.9', cpe: null } })).statusCode).toBe(200);
    const l = await list();
    expect(byCve(l, 'CVE-2024-21762')).toBeUndefined();
    expect(l.findings.some((f) => f.eol?.cycle === '7.2')).toBe(true);

    const nas = byCve(l, 'CVE-2024-21899') as FindingView;
    await as(ctx, s.member)({ method: 'PUT', url: `/api/orgs/${orgA}/findings/${nas.id}`, payload: { status: 'accepted_risk', note: '社内のみ' } });
    const kev = JSON.parse(readFileSync(join(TESTDATA, 'kev-sample.json'), 'utf8'));
    kev.vulnerabilities.push({ ...kev.vulnerabilities[1], cveID: 'CVE-2024-21899', vendorProject: 'QNAP', product: 'QTS', dateAdded: '2024-09-01', dueDate: '2024-09-22' });
    const kevFile = join(scratch, 'kev-more.json');
    writeFileSync(kevFile, JSON.stringify(kev));
    await importFeedFileAsOperator(ctx.db, kevFile);
    const mailsBefore = (await outbox()).length;
    expect(await rematch()).toMatchObject({ reopened: 1, newKev: 1 });
    expect(byCve(await list(), 'CVE-2024-21899')).toMatchObject({ status: 'open', kev: { dateAdded: '2024-09-01' } });
    const mails = (await outbox()).slice(mailsBefore);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.body.includes('CVE-2024-21899') && !m.body.includes('CVE-2024-21762'))).toBe(true);
  });

  it('shows findings to the organisation\'s members only', async () => {
    for (const who of [s.other, s.coordinator]) {
      expect(errorCode(await as(ctx, who)({ method: 'GET', url: `/api/orgs/${orgA}/findings` }))).toBe('not_found');
    }
    expect((await list(s.english, 'en')).findings.length).toBeGreaterThan(0);
  });
});
