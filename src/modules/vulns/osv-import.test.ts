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
const scratch = mkdtempSync(join(tmpdir(), 'anshin-osv-'));

describeEachDatabase('OSV records: import and matching by purl', (database) => {
  const ctx = useTestApp(database);
  let orgId = '';
  let member: Session;

  beforeAll(async () => {
    orgId = await createOrg(ctx);
    member = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'member' }], locale: 'en' }));
  });

  it('imports single records and lists of them, idempotently, newer replacing older', async () => {
    expect(await importFeedFileAsOperator(ctx.db, join(TESTDATA, 'osv-sample.json'))).toMatchObject({ kind: 'osv', outcome: 'imported', added: 2 });
    expect(await importFeedFileAsOperator(ctx.db, join(TESTDATA, 'GHSA-j8r2-6x86-q33q.json'))).toMatchObject({ kind: 'osv', added: 1 });
    expect(await importFeedFileAsOperator(ctx.db, join(TESTDATA, 'osv-sample.json'))).toMatchObject({ added: 0, unchanged: 2 });
    const rows = await ctx.db.selectFrom('vuln_osv_packages').selectAll().orderBy('osv_id').execute();
    expect(rows).toEqual([
      { osv_id: 'GHSA-c2qf-rxjj-qqgw', ecosystem: 'npm', name_key: 'semver' }, { osv_id: 'GHSA-j8r2-6x86-q33q', ecosystem: 'PyPI', name_key: 'requests' },
      { osv_id: 'MAL-2025-0001', ecosystem: 'npm', name_key: 'event-streamx' },
    ]);
    const record = JSON.parse(readFileSync(join(TESTDATA, 'GHSA-j8r2-6x86-q33q.json'), 'utf8'));
    const older = join(scratch, 'older.json');
    writeFileSync(older, JSON.stringify({ ...record, modified: '2023-01-01T00:00:00Z' }));
    expect(await importFeedFileAsOperator(ctx.db, older)).toMatchObject({ skipped: 1, reasons: { older_than_stored: 1 } });
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...record, modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'requests' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.3.0', fixed: '2.31.0' }] }] }] }));
    expect((await importFeedFileAsOperator(ctx.db, bad)).message).toBe('$.affected[0].ranges[0].events[0]: expected exactly one of introduced, fixed, last_affected, limit');
    expect((await ctx.db.selectFrom('vuln_osv_records').select('modified').where('id', '=', 'GHSA-j8r2-6x86-q33q').executeTakeFirstOrThrow()).modified).toBe('2024-09-13T17:20:48.000Z');
  });

  it('matches assets with a purl, names the subject by its CVE alias, and asks for a version when there is none', async () => {
    const add = (purl: string, product: string) => as(ctx, member)({
      method: 'POST', url: `/api/orgs/${orgId}/assets`, payload: { category: 'business_software', vendor: 'npm', product, purl },
    });
    for (const [purl, product] of [['pkg:npm/semver@7.5.1', 'semver'], ['pkg:npm/semver@7.5.2', 'semver (fixed)'], ['pkg:pypi/Requests@2.28.0', 'requests'],
      ['pkg:npm/event-streamx@1.0.1', 'event-streamx'], ['pkg:npm/semver', 'semver (unknown)']] as const) {
      expect((await add(purl, product)).statusCode).toBe(201);
    }
    const list = (await as(ctx, member)({ method: 'GET', url: `/api/orgs/${orgId}/findings` })).json<{ findings: FindingView[]; checkVersion: FindingView[] }>();
    expect(list.findings.map((f) => [f.cveId, f.asset.product, f.why.source, f.why.range, f.fixedHint]).sort()).toEqual([
      ['CVE-2022-25883', 'semver', 'osv', '>=7.0.0 <7.5.2', '7.5.2'],
      ['CVE-2023-32681', 'requests', 'osv', '>=2.3.0 <2.31.0', '2.31.0'],
      ['MAL-2025-0001', 'event-streamx', 'osv', expect.any(String), null],
    ]);
    expect(list.findings.find((f) => f.cveId === 'MAL-2025-0001')?.description).toBe('Malicious code in event-streamx (npm)');
    expect(list.checkVersion.map((f) => [f.cveId, f.asset.product, f.why.detail])).toEqual([['CVE-2022-25883', 'semver (unknown)', 'asset_version_unknown']]);
  });
});
