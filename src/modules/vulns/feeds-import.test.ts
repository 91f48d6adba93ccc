import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useEmptyDatabase } from '../../../test/helpers/databases.js';
import { migrateToLatest } from '../../db/migrate.js';
import { importFeedFileAsOperator } from './feeds-import.service.js';

export const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const fixture = (name: string) => join(TESTDATA, name);
const scratch = mkdtempSync(join(tmpdir(), 'anshin-feeds-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};
interface CveDoc {
  id: string;
  lastModified: string;
  descriptions: unknown[];
  configurations: Array<{ nodes: Array<{ cpeMatch: Array<{ criteria: string }> }> }>;
}
const nvd = () => JSON.parse(readFileSync(fixture('nvd-sample.json'), 'utf8')) as { vulnerabilities: Array<{ cve: CveDoc }> };

describeEachDatabase('feeds import', (database) => {
  const scope = useEmptyDatabase(database);
  beforeAll(async () => {
    await migrateToLatest(scope.db);
  });
  const counts = async () => ({
    cves: Number((await scope.db.selectFrom('vuln_cves').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    criteria: Number((await scope.db.selectFrom('vuln_cpe_criteria').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('loads NVD CVE JSON 2.0: descriptions, the NVD score before the CNA one, CWEs, the advisory, criteria split by vendor and product', async () => {
    const result = await importFeedFileAsOperator(scope.db, fixture('nvd-sample.json'));
    expect(result).toMatchObject({ kind: 'nvd', outcome: 'imported', added: 5, updated: 0, unchanged: 0, skipped: 0 });
    const cve = await scope.db.selectFrom('vuln_cves').selectAll().where('cve_id', '=', 'CVE-2024-21762').executeTakeFirstOrThrow();
    expect(cve).toMatchObject({
      published: '2024-02-09T09:15:08.087Z', last_modified: '2024-02-13T16:01:48.780Z', cvss3_score: 9.8, cvss3_severity: 'CRITICAL', cvss4_score: null,
      cwe: 'CWE-787', advisory_url: 'https://fortiguard.com/psirt/FG-IR-24-015', description_ja: null,
    });
    expect(cve.description_en).toMatch(/^A out-of-bounds write in Fortinet FortiOS/);
    const qnap = await scope.db.selectFrom('vuln_cves').selectAll().where('cve_id', '=', 'CVE-2024-21899').executeTakeFirstOrThrow();
    expect(qnap).toMatchObject({ cvss4_score: 9.3, cvss3_score: 9.8, description_ja: null });
    const criteria = await scope.db.selectFrom('vuln_cpe_criteria').selectAll().where('vendor', '=', 'fortinet').where('product', '=', 'fortios').orderBy('cve_id').orderBy('seq').execute();
    expect(criteria).toHaveLength(8);
    expect(criteria[0]).toMatchObject({ cve_id: 'CVE-2023-27997', part: 'o', version_start_including: '7.2.0', version_end_excluding: '7.2.5', vulnerable: 1 });
    const hardware = await scope.db.selectFrom('vuln_cpe_criteria').selectAll().where('product', '=', 'ts-453d').executeTakeFirstOrThrow();
    expect(hardware.vulnerable).toBe(0);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await counts();
    const result = await importFeedFileAsOperator(scope.db, fixture('nvd-sample.json'));
    expect(result).toMatchObject({ outcome: 'imported', added: 0, updated: 0, unchanged: 5, reasons: { same_last_modified: 5 } });
    expect(await counts()).toEqual(before);
  });

  it('replaces a CVE with a newer lastModified (and its criteria) and skips an older one', async () => {
    const doc = nvd();
    const fortios = doc.vulnerabilities[0]!.cve;
    fortios.lastModified = '2024-03-01T10:00:00.000';
    const node = fortios.configurations[0]!.nodes[0]!;
    node.cpeMatch = [node.cpeMatch[4]!];
    const wordpress = doc.vulnerabilities[3]!.cve;
    wordpress.lastModified = '2023-01-01T00:00:00.000';
    wordpress.descriptions = [{ lang: 'en', value: 'old text' }];
    const result = await importFeedFileAsOperator(scope.db, write('nvd-newer.json', JSON.stringify(doc)));
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 3, skipped: 1, reasons: { same_last_modified: 3, older_than_stored: 1 } });
    const rows = await scope.db.selectFrom('vuln_cpe_criteria').select('version_end_excluding').where('cve_id', '=', 'CVE-2024-21762').execute();
    expect(rows).toEqual([{ version_end_excluding: '7.2.7' }]);
    const wp = await scope.db.selectFrom('vuln_cves').select('description_en').where('cve_id', '=', 'CVE-2023-2745').executeTakeFirstOrThrow();
    expect(wp.description_en).toMatch(/^WordPress Core/);
  });

  it('rejects a malformed file whole, naming the JSON path, and stores nothing of it', async () => {
    const doc = nvd();
    doc.vulnerabilities[0]!.cve.id = 'CVE-2099-0001'; // a new record before the bad one: must not be stored either
    doc.vulnerabilities[2]!.cve.configurations[0]!.nodes[0]!.cpeMatch[1]!.criteria = 'cpe:2.3:o:qnap';
    const before = await counts();
    const result = await importFeedFileAsOperator(scope.db, write('nvd-bad.json.gz', gzipSync(JSON.stringify(doc))));
    expect(result).toMatchObject({ kind: 'nvd', outcome: 'rejected', added: 0 });
    expect(result.message).toBe('$.vulnerabilities[2].cve.configurations[0].nodes[0].cpeMatch[1].criteria: "cpe:2.3:o:qnap" is not a CPE 2.3 name');
    expect(await counts()).toEqual(before);

    const truncated = JSON.stringify(doc, null, 1).slice(0, 3000);
    const cut = await importFeedFileAsOperator(scope.db, write('nvd-cut.json', truncated));
    expect(cut).toMatchObject({ outcome: 'rejected' });
    expect(cut.message).toMatch(/^line \d+: the file ends too early$/);
    const missing = await importFeedFileAsOperator(scope.db, write('nvd-no-date.json', JSON.stringify({ format: 'NVD_CVE', vulnerabilities: [{ cve: { id: 'CVE-2024-1111', lastModified: '2024-01-01T00:00:00' } }] })));
    expect(missing.message).toBe('$.vulnerabilities[0].cve.published: expected a string');
    const gz = gzipSync(readFileSync(fixture('nvd-sample.json')));
    const damaged = await importFeedFileAsOperator(scope.db, write('nvd-damaged.json.gz', gz.subarray(0, gz.length - 200)));
    expect(damaged).toMatchObject({ kind: 'nvd', outcome: 'rejected', message: '$: the gzip data is damaged or cut short' });
    expect(await counts()).toEqual(before);
  });

  it('loads the KEV catalogue once; a changed entry is an update', async () => {
    expect(await importFeedFileAsOperator(scope.db, fixture('kev-sample.json'))).toMatchObject({ kind: 'kev', added: 2, updated: 0, unchanged: 0 });
    expect(await importFeedFileAsOperator(scope.db, fixture('kev-sample.json'))).toMatchObject({ added: 0, unchanged: 2, reasons: { same_content: 2 } });
    const kev = await scope.db.selectFrom('vuln_kev').selectAll().orderBy('cve_id').execute();
    expect(kev.map((k) => [k.cve_id, k.ransomware, k.date_added, k.due_date])).toEqual([
      ['CVE-2023-27997', 1, '2023-06-13', '2023-07-04'], ['CVE-2024-21762', 0, '2024-02-09', '2024-02-16'],
    ]);
    const doc = JSON.parse(readFileSync(fixture('kev-sample.json'), 'utf8'));
    doc.vulnerabilities[1].knownRansomwareCampaignUse = 'Known';
    expect(await importFeedFileAsOperator(scope.db, write('kev-2.json', JSON.stringify(doc)))).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    doc.vulnerabilities[1].dateAdded = '9 Feb 2024';
    const bad = await importFeedFileAsOperator(scope.db, write('kev-bad.json', JSON.stringify(doc)));
    expect(bad.message).toBe('$.vulnerabilities[1].dateAdded: "9 Feb 2024" is not a date (YYYY-MM-DD)');
  });

  it('loads EPSS CSV (gzip) with its #model line; an older day is skipped; a bad line is named', async () => {
    expect(await importFeedFileAsOperator(scope.db, fixture('epss-sample.csv.gz'))).toMatchObject({ kind: 'epss', added: 5 });
    expect(await importFeedFileAsOperator(scope.db, fixture('epss-sample.csv.gz'))).toMatchObject({ added: 0, unchanged: 5 });
    const row = await scope.db.selectFrom('vuln_epss').selectAll().where('cve_id', '=', 'CVE-2024-21762').executeTakeFirstOrThrow();
    expect(row).toEqual({ cve_id: 'CVE-2024-21762', score: 0.96417, percentile: 0.99652, score_date: '2024-08-20', model_version: 'v2023.03.01' });
    const older = write('old.csv', '#model_version:v2023.03.01,score_date:2024-01-01T00:00:00+0000\ncve,epss,percentile\nCVE-2024-21762,0.5,0.5\nCVE-2024-9999,0.1,0.2\n');
    expect(await importFeedFileAsOperator(scope.db, older)).toMatchObject({ added: 1, skipped: 1, reasons: { older_than_stored: 1 } });
    const bad = write('bad.csv', '#model_version:v2023.03.01,score_date:2024-09-01T00:00:00+0000\ncve,epss,percentile\nCVE-2024-21762,0.5,0.5\nCVE-2024-9999,1.5,0.2\n');
    expect((await importFeedFileAsOperator(scope.db, bad)).message).toBe('line 4 epss: expected a number from 0 to 1');
    expect((await scope.db.selectFrom('vuln_epss').select('score').where('cve_id', '=', 'CVE-2024-21762').executeTakeFirstOrThrow()).score).toBe(0.96417);
  });

  it('loads endoflife.date cycles, the product from the file name or --product', async () => {
    expect(await importFeedFileAsOperator(scope.db, fixture('windows.json'))).toMatchObject({ kind: 'eol', added: 5 });
    expect(await importFeedFileAsOperator(scope.db, fixture('fortios.json'))).toMatchObject({ added: 4 });
    expect(await importFeedFileAsOperator(scope.db, fixture('fortios.json'))).toMatchObject({ added: 0, unchanged: 4 });
    const cycles = await scope.db.selectFrom('vuln_eol_cycles').select(['cycle', 'eol_date', 'eol_flag', 'latest_version']).where('product', '=', 'fortios').orderBy('cycle').execute();
    expect(cycles[0]).toEqual({ cycle: '6.0', eol_date: null, eol_flag: 1, latest_version: '6.0.18' });
    expect(cycles[1]).toEqual({ cycle: '7.2', eol_date: '2025-09-30', eol_flag: 0, latest_version: '7.2.9' });
    const named = write('download.json', readFileSync(fixture('windows.json')));
    expect(await importFeedFileAsOperator(scope.db, named, { product: 'windows' })).toMatchObject({ added: 0, unchanged: 5 });
    expect((await importFeedFileAsOperator(scope.db, named, { product: 'Windows 10!' })).message).toMatch(/^--product: "Windows 10!" is not/);
    const twice = write('twice.json', '[{"cycle":"1","eol":false},{"cycle":"1","eol":true}]');
    expect((await importFeedFileAsOperator(scope.db, twice)).message).toBe('$[1].cycle: "1" appears twice');
  });

  it('refuses files it does not know and keeps a log of every import', async () => {
    expect((await importFeedFileAsOperator(scope.db, write('notes.txt', 'hello'))).message).toMatch(/^\$: not a feed this command knows/);
    expect((await importFeedFileAsOperator(scope.db, join(scratch, 'absent.json'))).message).toMatch(/no such file$/);
    const log = await scope.db.selectFrom('vuln_feed_imports').selectAll().execute();
    expect(log.length).toBeGreaterThan(10);
    expect(log.filter((l) => l.outcome === 'rejected').map((l) => l.kind)).toContain('unknown');
    expect(log.find((l) => l.file_name === 'nvd-sample.json' && l.added === 5)?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
