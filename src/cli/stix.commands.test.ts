import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { createOrg, TEST_ENV, useTestApp } from '../../test/helpers/app.js';
import { collectionIds, indicator, ipv4, stixId } from '../../test/helpers/taxii.js';
import { registerStixCommands } from './stix.commands.js';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}

// Runs `anshin <args>` against the test database: what it printed, and the exit code it set.
async function anshin(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  process.exitCode = undefined;
  try {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerStixCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    vi.mocked(process.stdout.write).mockRestore();
    vi.mocked(process.stderr.write).mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

const bundle = (objects: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects, ...extra });

interface Bundle {
  type: string;
  id: string;
  objects: Array<{ id: string; type: string; modified?: string }>;
}

describeEachDatabase('CLI: stix import and export', (database) => {
  const ctx = useTestApp(database);
  const savedEnv = { ...process.env };
  let dir = '';
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    Object.assign(process.env, TEST_ENV, { DATABASE_URL: ctx.config.databaseUrl });
    dir = mkdtempSync(join(tmpdir(), 'anshin-stix-cli-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    process.env = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  });

  it('import stores the valid objects in batches and reports every failure with its place in the bundle', async () => {
    const good = [indicator(), ipv4('198.51.100.7', 'green'), indicator({ tlp: 'clear' }), ipv4('198.51.100.8')];
    const red = indicator({ tlp: 'red' });
    const invalid = { type: 'indicator', spec_version: '2.1', id: stixId('indicator') }; // no created, pattern…
    const stix20 = { ...indicator(), spec_version: '2.0' };
    const noId = { type: 'ipv4-addr', value: '198.51.100.9' };
    const path = file('mixed.json', bundle([good[0], red, good[1], invalid, good[2], stix20, noId, good[3]]));

    const run = await anshin('stix', 'import', '--collection', 'community', '--batch-size', '2', path);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^8 objects read: 4 added, 0 duplicates, 4 failed/);
    expect(run.stdout).toContain(`${red.id} 2026-01-01T00:00:00.000Z: TLP:RED objects are never placed in a collection.`);
    expect(run.stdout).toContain(`${invalid.id}`);
    expect(run.stdout).toContain(`${stix20.id} 2026-01-01T00:00:00.000Z: spec_version 2.0 is not supported`);
    expect(run.stdout).toContain('$.objects[6]'); // the object without an id, by its position in the file
    expect(run.stderr).toMatch(/2 objects read: 1 added, 0 duplicates, 1 failed \(\d+ objects\/s\)\n/); // progress per batch

    const { community } = await collectionIds(ctx);
    const stored = await ctx.db.selectFrom('taxii_entries as e').innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
      .innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
      .select('o.stix_id').where('c.id', '=', community).execute();
    expect(stored.map((r) => r.stix_id).sort()).toEqual(good.map((o) => o.id).sort());
    const audit = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'taxii.objects_added').where('target_id', '=', community).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((row) => row.actor_user_id === null)).toBe(true); // the operator, not a user

    const again = await anshin('stix', 'import', '--collection', community, '--quiet', path);
    expect(again.stdout).toMatch(/^8 objects read: 0 added, 4 duplicates, 4 failed/);
    expect(again.stderr).toBe('');
  });

  it('import reads standard input with "-" and exits 0 when everything is stored', async () => {
    const objects = [indicator({ tlp: 'clear' }), ipv4('192.0.2.77')];
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(bundle(objects))]) as unknown as typeof process.stdin);
    const run = await anshin('stix', 'import', '--collection', 'public', '-');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^2 objects read: 2 added, 0 duplicates, 0 failed/);
  });

  it('recheck-tlp corrects the TLP of objects stored before granular markings counted, and removes misplaced copies', async () => {
    const org = await createOrg(ctx, { nameEn: 'Recheck' });
    const { community, feed } = await collectionIds(ctx, [org]);
    const object = indicator({ tlp: 'green' });
    for (const collection of [community, feed[org] as string]) {
      expect((await anshin('stix', 'import', '--collection', collection, '--quiet', file('green.json', bundle([object])))).exitCode).toBe(0);
    }
    // As stored by a version before the fix: the description was marked AMBER, and the object kept TLP:GREEN.
    const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
    const json = JSON.stringify({ ...object, description: 'internal', granular_markings: [{ marking_ref: amber, selectors: ['description'] }] });
    await ctx.db.updateTable('stix_objects').set({ json }).where('stix_id', '=', object.id).execute();
    const held = async () => (await ctx.db.selectFrom('taxii_entries as e').innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
      .innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key').select(['c.id', 'o.tlp']).where('o.stix_id', '=', object.id).execute());

    const listed = await anshin('stix', 'recheck-tlp');
    expect(listed.exitCode).toBe(1);
    expect(listed.stdout).toContain(`misplaced: ${object.id} ${object.modified} is TLP:AMBER in collection ${community} (community)`);
    expect(listed.stdout).toMatch(/1 stored versions with granular markings, 1 TLP corrected, 1 misplaced copies, 0 removed/);
    expect((await held()).map((h) => h.id).sort()).toEqual([community, feed[org]].sort());

    const removed = await anshin('stix', 'recheck-tlp', '--remove');
    expect(removed.exitCode).toBe(0);
    expect(removed.stdout).toMatch(/0 TLP corrected, 1 misplaced copies, 1 removed/);
    expect(await held()).toEqual([{ id: feed[org], tlp: 'amber' }]); // the organisation's own feed may hold AMBER
    const ledger = await ctx.db.selectFrom('ledger_entries').select('leaf').where('type', '=', 'object_deleted').execute();
    expect(ledger.some((e) => e.leaf.includes(object.id))).toBe(true);

    expect((await anshin('stix', 'recheck-tlp')).stdout).toMatch(/0 misplaced copies, 0 removed/);
  });

  it('import refuses an unknown collection and stops at a malformed part, keeping the batches before it', async () => {
    const path = file('one.json', bundle([indicator()]));
    await expect(anshin('stix', 'import', '--collection', 'no-such-alias', path)).rejects.toThrow('Not found.');
    await expect(anshin('stix', 'import', '--collection', randomUUID(), path)).rejects.toThrow('Not found.');

    const first = indicator();
    const broken = file('broken.json', `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[${JSON.stringify(first)},{"type": oops}]}`);
    await expect(anshin('stix', 'import', '--collection', 'community', '--batch-size', '1', broken)).rejects.toThrow(/invalid JSON \(at character \d+\)/);
    expect(await ctx.db.selectFrom('stix_objects').select('pk').where('stix_id', '=', first.id).executeTakeFirst()).toBeDefined();
  });

  it('import reports a bundle whose own properties are wrong', async () => {
    const path = file('not-a-bundle.json', JSON.stringify({ type: 'envelope', id: 'bundle--x', objects: [indicator()] }));
    const run = await anshin('stix', 'import', '--collection', 'community', path);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^1 objects read: 1 added/);
    expect(run.stdout).toContain('bundle: $.type');
    expect(run.stdout).toContain('bundle: $.id');
  });

  it('export pages through the collection: every object once, latest versions by default, filters by type and date', async () => {
    const orgId = await createOrg(ctx);
    const target = (await collectionIds(ctx, [orgId])).feed[orgId] as string;
    const many = Array.from({ length: 1200 }, (_, i) => ipv4(`10.1.${i >> 8}.${i & 255}`, 'amber'));
    const versioned = indicator({ tlp: 'amber', created: '2026-02-01T00:00:00.000Z' });
    const newer = { ...versioned, modified: '2026-03-01T00:00:00.000Z', name: 'renamed' };
    expect((await anshin('stix', 'import', '--collection', target, '--quiet', file('many.json', bundle([versioned, ...many])))).exitCode).toBe(0);
    const between = (await ctx.db.selectFrom('taxii_collections').select('last_date_added').where('id', '=', target).executeTakeFirstOrThrow()).last_date_added as string;
    expect((await anshin('stix', 'import', '--collection', target, '--quiet', file('newer.json', bundle([newer])))).exitCode).toBe(0);

    const all = JSON.parse((await anshin('stix', 'export', '--collection', target)).stdout) as Bundle;
    expect(all.type).toBe('bundle');
    expect(all.id).toMatch(/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all.objects).toHaveLength(1201);
    expect(new Set(all.objects.map((o) => o.id)).size).toBe(1201);
    expect(all.objects.find((o) => o.id === versioned.id)?.modified).toBe('2026-03-01T00:00:00.000Z');
    expect(all.objects[all.objects.length - 1]?.id).toBe(versioned.id); // date_added order: the new version came last

    const versions = JSON.parse((await anshin('stix', 'export', '--collection', target, '--all-versions')).stdout) as Bundle;
    expect(versions.objects.filter((o) => o.id === versioned.id).map((o) => o.modified)).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);

    const indicators = JSON.parse((await anshin('stix', 'export', '--collection', target, '--type', 'indicator,malware')).stdout) as Bundle;
    expect(indicators.objects.map((o) => o.id)).toEqual([versioned.id]);
    const later = JSON.parse((await anshin('stix', 'export', '--collection', target, '--added-after', between)).stdout) as Bundle;
    expect(later.objects.map((o) => o.modified)).toEqual(['2026-03-01T00:00:00.000Z']);

    const out = join(dir, 'export.json');
    const toFile = await anshin('stix', 'export', '--collection', target, '-o', out);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toBe(`1201 objects written to ${out}\n`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Bundle).objects).toHaveLength(1201);
  });

  it('export of an empty selection is an empty bundle; bad filters are refused', async () => {
    const empty = JSON.parse((await anshin('stix', 'export', '--collection', 'community', '--type', 'x-nothing-here')).stdout) as Bundle;
    expect(empty.objects).toEqual([]);
    await expect(anshin('stix', 'export', '--collection', 'community', '--added-after', 'yesterday')).rejects.toThrow('added-after must be an RFC 3339');
    await expect(anshin('stix', 'export', '--collection', 'community', '--type', 'Bad Type')).rejects.toThrow('not a STIX type');
  });
});
