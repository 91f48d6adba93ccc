import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCli, useCliDatabase } from '../../test/helpers/cli.js';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { connectDatabase } from '../db/connect.js';
import { registerFeedsCommands } from './feeds.commands.js';

const TESTDATA = fileURLToPath(new URL('../modules/vulns/testdata/', import.meta.url));

const anshin = (...args: string[]) => runCli(registerFeedsCommands, ['feeds', ...args]);

describeEachDatabase('anshin feeds', (database) => {
  const cli = useCliDatabase(database);

  it('imports every file, says what was added, and on a second run what was unchanged and why', async () => {
    const files = ['nvd-sample.json', 'kev-sample.json', 'epss-sample.csv.gz', 'windows.json'].map((f) => join(TESTDATA, f));
    const first = await anshin('import', ...files);
    expect(first).toContain('nvd-sample.json: nvd: 5 added, 0 updated, 0 unchanged, 0 skipped');
    expect(first).toContain('kev-sample.json: kev: 2 added');
    expect(first).toContain('epss-sample.csv.gz: epss: 5 added');
    expect(first).toContain('windows.json: eol: 5 added');
    expect(first).toContain('matched 0 assets of 0 organisations: 0 new findings');
    const second = await anshin('import', ...files);
    expect(second).toContain('nvd-sample.json: nvd: 0 added, 0 updated, 5 unchanged, 0 skipped\n  5 same lastModified as stored');
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('reports a rejected file and goes on with the next, ending with a failure status', async () => {
    const out = await anshin('import', join(TESTDATA, 'missing.json'), join(TESTDATA, 'fortios.json'));
    expect(out).toMatch(/missing\.json: rejected \(unknown\), nothing stored: .*no such file/);
    expect(out).toContain('fortios.json: eol: 4 added');
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const db = connectDatabase(cli.url());
    try {
      expect((await db.selectFrom('vuln_eol_cycles').select('product').distinct().execute()).map((r) => r.product).sort()).toEqual(['fortios', 'windows']);
    } finally {
      await db.destroy();
    }
  });
});
