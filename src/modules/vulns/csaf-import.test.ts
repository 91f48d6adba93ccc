import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { as, createOrg, createUser, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { importFeedFileAsOperator } from './feeds-import.service.js';
import type { FindingView } from './findings.service.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const FORTINET = join(TESTDATA, 'csaf-fortinet-FG-IR-24-015.json');
const JVN = join(TESTDATA, 'csaf-jvn-qnap.json');
const scratch = mkdtempSync(join(tmpdir(), 'anshin-csaf-'));

describeEachDatabase('CSAF advisories: import and matching', (database) => {
  const ctx = useTestApp(database);
  let orgId = '';
  const s = {} as Record<'ja' | 'en', Session>;
  const list = async (who: Session) => (await as(ctx, who)({ method: 'GET', url: `/api/orgs/${orgId}/findings` })).json<{ findings: FindingView[]; checkVersion: FindingView[] }>();

  beforeAll(async () => {
    orgId = await createOrg(ctx);
    s.ja = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'member' }], locale: 'ja' }));
    s.en = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'member' }], locale: 'en' }));
  });

  it('imports vendor and JVN advisories once, the product tree flattened with ranges, versions and relationships', async () => {
    expect(await importFeedFileAsOperator(ctx.db, FORTINET)).toMatchObject({ kind: 'csaf', outcome: 'imported', added: 1 });
    expect(await importFeedFileAsOperator(ctx.db, JVN)).toMatchObject({ kind: 'csaf', added: 1 });
    expect(await importFeedFileAsOperator(ctx.db, FORTINET)).toMatchObject({ added: 0, unchanged: 1, reasons: { same_release_date: 1 } });
    const products = await ctx.db.selectFrom('vuln_csaf_products').select(['product_id', 'status', 'version_range', 'vendor_key', 'product_key'])
      .where('advisory_id', '=', 'https://www.fortiguard.com|FG-IR-24-015').orderBy('product_id').execute();
    expect(products).toEqual([
      { product_id: 'CSAFPID-0001', status: 'known_affected', version_range: 'vers:generic/>=7.4.0|<=7.4.2', vendor_key: 'fortinet', product_key: 'fortios' },
      { product_id: 'CSAFPID-0002', status: 'known_affected', version_range: 'vers:generic/>=7.2.0|<=7.2.6', vendor_key: 'fortinet', product_key: 'fortios' },
      { product_id: 'CSAFPID-0003', status: 'fixed', version_range: 'vers:generic/7.2.7', vendor_key: 'fortinet', product_key: 'fortios' },
      { product_id: 'CSAFPID-0004', status: 'fixed', version_range: 'vers:generic/7.4.3', vendor_key: 'fortinet', product_key: 'fortios' },
      { product_id: 'CSAFPID-0005', status: 'known_affected', version_range: 'vers:generic/>=7.2.0|<=7.2.6', vendor_key: 'fortinet', product_key: 'fortios' },
    ]);
    const doc = JSON.parse(readFileSync(FORTINET, 'utf8'));
    const older = join(scratch, 'older.json');
    writeFileSync(older, JSON.stringify({ ...doc, document: { ...doc.document, tracking: { ...doc.document.tracking, current_release_date: '2024-02-08T16:00:00.000Z' } } }));
    expect(await importFeedFileAsOperator(ctx.db, older)).toMatchObject({ skipped: 1, reasons: { older_than_stored: 1 } });
    doc.document.tracking.current_release_date = '2024-03-01T00:00:00.000Z';
    doc.vulnerabilities[0].product_status.known_affected.push('CSAFPID-0404');
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    expect((await importFeedFileAsOperator(ctx.db, bad)).message).toBe('$.vulnerabilities[0].product_status.known_affected[3]: product "CSAFPID-0404" is not in the product tree');
  });

  it('matches assets by the advisories\' products and statuses, with the JVN text for Japanese readers', async () => {
    for (const version of ['7.2.4', '7.2.7', '7.4.3']) {
      const res = await as(ctx, s.ja)({ method: 'POST', url: `/api/orgs/${orgId}/assets`, payload: { category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version } });
      expect(res.statusCode).toBe(201);
    }
    await as(ctx, s.ja)({ method: 'POST', url: `/api/orgs/${orgId}/assets`, payload: { category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.2.2533' } });
    const ja = await list(s.ja);
    expect(ja.findings.map((f) => [f.cveId, f.asset.version, f.why.source, f.why.range]).sort()).toEqual([
      ['CVE-2024-21762', '7.2.4', 'csaf', 'vers:generic/>=7.2.0|<=7.2.6'],
      ['CVE-2024-21899', '5.1.2.2533', 'csaf', 'vers:generic/>=5.1.0|<5.1.3.2578'],
    ]);
    const qnap = ja.findings.find((f) => f.cveId === 'CVE-2024-21899');
    expect(qnap).toMatchObject({ fixedHint: '5.1.3.2578', descriptionLanguage: 'ja', cvss: { score: 9.8, vector: null }, priority: 98 });
    expect(qnap?.description).toMatch(/^QNAP Systems が提供する QTS には/);
    expect((await list(s.en)).findings.find((f) => f.cveId === 'CVE-2024-21762')).toMatchObject({ descriptionLanguage: 'en', description: expect.stringMatching(/^A out-of-bounds write/) });
  });
});
