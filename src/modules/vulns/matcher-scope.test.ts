// After NVD or KEV files, only the assets the changed CVEs can concern are matched again, and the findings are those a
// full re-match gives: an unchanged asset is not read, a changed range closes its finding, a new KEV entry re-ranks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { createOrg, useTestApp } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { insertAsset } from './assets.repository.js';
import { importFeedFileAsOperator } from './feeds-import.service.js';
import { matchAllAsOperator, matchChangedAsOperator } from './matcher.service.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'anshin-scope-'));

describeEachDatabase('matching only what a feed changed', (database) => {
  const ctx = useTestApp(database);
  const deps = () => ({ config: ctx.config, mailer: { flush: async () => {} } });
  let orgId = '';
  const active = async () => (await ctx.db.selectFrom('vuln_findings').select(['ref', 'kev']).where('org_id', '=', orgId).where('active', '=', 1)
    .where('outcome', '=', 'affected').execute()).map((f) => `${f.ref}${f.kev ? ' KEV' : ''}`).sort();

  beforeAll(async () => {
    orgId = await createOrg(ctx);
    const now = new Date().toISOString();
    const asset = (id: string, vendor: string, product: string, version: string, cpe: string) => insertAsset(ctx.db, {
      id, org_id: orgId, category: 'other', vendor, product, version, cpe, purl: null, internet_facing: 0, exposed_address: null, owner: '', notes: '',
      share_with_desk: 0, created_by: null, updated_by: null, created_at: now, updated_at: now,
    });
    await asset('a-forti', 'Fortinet', 'FortiOS', '7.2.4', 'cpe:2.3:o:fortinet:fortios:7.2.4:*:*:*:*:*:*:*');
    await asset('a-wp', 'WordPress', 'WordPress', '6.2', 'cpe:2.3:a:wordpress:wordpress:6.2:*:*:*:*:*:*:*');
    expect((await importFeedFileAsOperator(ctx.db, join(TESTDATA, 'nvd-sample.json'))).outcome).toBe('imported');
    await matchAllAsOperator(ctx.db, deps());
  });

  it('re-reads only the WordPress site when its CVE changes, and closes the finding the new range no longer covers', async () => {
    expect(await active()).toEqual(['CVE-2023-2745', 'CVE-2023-27997', 'CVE-2024-21762']);
    // CVE-2023-2745 again, modified later: the 6.2 range now ends before 6.2 (as if the first advisory had been wrong).
    const nvd = JSON.parse(readFileSync(join(TESTDATA, 'nvd-sample.json'), 'utf8'));
    const wp = nvd.vulnerabilities.find((v: { cve: { id: string } }) => v.cve.id === 'CVE-2023-2745');
    wp.cve.lastModified = '2030-01-01T00:00:00.000';
    for (const node of wp.cve.configurations[0].nodes) for (const m of node.cpeMatch) if (m.versionStartIncluding === '6.2') m.versionStartIncluding = '6.2.0.1';
    const file = join(scratch, 'nvd-changed.json');
    writeFileSync(file, JSON.stringify({ ...nvd, vulnerabilities: [wp] }));
    const since = new Date().toISOString();
    expect((await importFeedFileAsOperator(ctx.db, file)).updated).toBe(1);
    const run = await matchChangedAsOperator(ctx.db, deps(), since);
    expect(run).toMatchObject({ assets: 1, closed: 1 });
    expect(await active()).toEqual(['CVE-2023-27997', 'CVE-2024-21762']);
    // A full re-match finds nothing more to do.
    expect(await matchAllAsOperator(ctx.db, deps())).toMatchObject({ added: 0, closed: 0, reopened: 0 });
  });

  it('re-ranks the FortiGate when a KEV file adds its CVE, without reading the other asset', async () => {
    const since = new Date().toISOString();
    expect((await importFeedFileAsOperator(ctx.db, join(TESTDATA, 'kev-sample.json'))).outcome).toBe('imported');
    const run = await matchChangedAsOperator(ctx.db, deps(), since);
    expect(run.assets).toBe(1);
    expect(run.newKev).toBeGreaterThan(0);
    expect(await active()).toContain('CVE-2024-21762 KEV');
    expect(await matchChangedAsOperator(ctx.db, deps(), new Date().toISOString())).toMatchObject({ assets: 0 });
  });
});
