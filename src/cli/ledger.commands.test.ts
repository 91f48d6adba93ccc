import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createUser, signIn, TEST_ENV, useTestApp } from '../../test/helpers/app.js';
import { issueToken } from '../auth/account.service.js';
import { systemContext } from '../auth/actor.js';
import { dialectOfDb } from '../db/dialect.js';
import { insertCheckpoint, insertKey } from '../modules/ledger/ledger.repository.js';
import { appendLedgerEvents, nodeSource } from '../modules/ledger/ledger.service.js';
import { rootHash } from '../modules/ledger/merkle.js';
import { checkpointText, generateSigningKey, signNote, verifierKey } from '../modules/ledger/signed-note.js';
import { newWitnessKey } from '../modules/ledger/witness.js';
import { registerLedgerCommands } from './ledger.commands.js';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}

// Runs `anshin <args>`: what it printed, and the exit code it set.
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
    registerLedgerCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    vi.mocked(process.stdout.write).mockRestore();
    vi.mocked(process.stderr.write).mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

const sighting = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'sighting' as const, actor: null, object: `indicator--${i}`, count: i + 1 }));

describeEachDatabase('CLI: ledger verify, verify-receipt and audit', (database) => {
  const ctx = useTestApp(database);
  const savedEnv = { ...process.env };
  let dir = '';
  let url = '';
  let key = '';
  let state = '';
  const append = (n: number) => ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sighting(n)));
  const verify = (...extra: string[]) => anshin('ledger', 'verify', '--url', url, '--key', key, '--state', state, ...extra);
  const dropTrigger = async (table: string) => {
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    await sql.raw(postgres ? `drop trigger ${table}_append_only on ${table}` : `drop trigger ${table}_no_update`).execute(ctx.db);
  };

  beforeAll(async () => {
    Object.assign(process.env, TEST_ENV, { DATABASE_URL: ctx.config.databaseUrl });
    dir = mkdtempSync(join(tmpdir(), 'anshin-ledger-cli-'));
    state = join(dir, 'state.checkpoint');
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    key = (await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body.trim();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    process.env = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the signed checkpoint, saves it, and checks consistency and inclusion the next time', async () => {
    await append(5);
    const first = await verify();
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^checkpoint: localhost:8080\/ledger, 6 entries, root \S+ \(signature valid\)$/m);
    expect(readFileSync(state, 'utf8')).toMatch(/^localhost:8080\/ledger\n6\n/);
    await append(7);
    const second = await verify('--entry', '0', '--entry', '12');
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain(`consistent with ${state} (6 entries)`);
    expect(second.stdout).toContain('entry 0: included (hash verified)');
    expect(second.stdout).toContain('entry 12: included (hash verified)');
    expect(readFileSync(state, 'utf8')).toMatch(/\n13\n/);
    // With an API token of someone who may read the events, each event is also rehashed.
    const auditor = await createUser(ctx, { roles: ['auditor'] });
    const { token } = await issueToken(ctx.db, systemContext(), auditor.id, { name: 'verify', scopes: ['read'], expiresInDays: 1 });
    const withEvents = await verify('--entry', '3', '--token', token);
    expect(withEvents.stdout).toContain('entry 3: included (event and hash verified)');
  });

  it('exits non-zero with a precise message on a wrong key, a foreign checkpoint, a missing entry and bad input', async () => {
    const other = generateSigningKey('localhost:8080/ledger').key;
    const wrong = await anshin('ledger', 'verify', '--url', url, '--key', verifierKey(other.name, other.publicKey), '--state', join(dir, 'x'));
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toBe(`anshin ledger: the latest checkpoint is not signed by the expected key (key id ${verifierKey(other.name, other.publicKey).split('+')[1]}); the server presents the key ${key}. ` +
      'If you obtained the expected key from this server earlier, the ledger was re-keyed since and its history may have been rewritten: trust the new key only if its operator announced the change.\n');
    const missing = await verify('--entry', '1000');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/entry 1000 is not in the checkpoint \(size \d+\)/);
    expect((await verify('--entry', '-3')).stderr).toContain('--entry -3: an entry is a whole number from 0');
    expect((await anshin('ledger', 'verify', '--url', url, '--key', 'nonsense', '--state', state)).stderr).toContain('--key: a verifier key is <name>+<key id>+<key>');
    const foreign = join(dir, 'foreign.checkpoint');
    writeFileSync(foreign, 'another.example/ledger\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— another.example/ledger AAAAAA==\n');
    expect((await verify('--since', foreign)).stderr).toContain(`${foreign}: the note carries no signature by localhost:8080/ledger`);
    expect((await anshin('ledger', 'verify', '--url', 'http://127.0.0.1:1', '--key', key, '--state', state)).stderr).toContain('cannot reach http://127.0.0.1:1');
  });

  it('verifies a downloaded receipt offline, and names what is wrong with an altered one', async () => {
    const auditor = await signIn(ctx, await createUser(ctx, { roles: ['auditor'] }));
    const receipt = (await as(ctx, auditor)({ method: 'GET', url: '/api/ledger/entries/3/receipt' })).json();
    const file = join(dir, 'receipt.json');
    writeFileSync(file, JSON.stringify(receipt));
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${key}\n`);
    const ok = await anshin('ledger', 'verify-receipt', file, '--key', keyFile);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^receipt valid: sighting event included in localhost:8080\/ledger at \d+ entries\n$/);
    writeFileSync(file, JSON.stringify({ ...receipt, leaf: receipt.leaf.replace('"count":', '"count":1') }));
    expect((await anshin('ledger', 'verify-receipt', file, '--key', key)).stderr).toBe('anshin ledger: entry 3: the leaf does not hash to leaf_hash\n');
    writeFileSync(file, JSON.stringify({ ...receipt, index: 4 }));
    expect((await anshin('ledger', 'verify-receipt', file, '--key', key)).stderr).toContain('entry 4: the inclusion proof does not lead to the checkpoint\'s root');
    writeFileSync(file, '{');
    expect((await anshin('ledger', 'verify-receipt', file, '--key', key)).stderr).toContain(`${file}: not JSON`);
    expect((await anshin('ledger', 'verify-receipt', join(dir, 'none.json'), '--key', key)).exitCode).toBe(1);
  });

  it('audit finds nothing wrong in an intact ledger', async () => {
    await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    const run = await anshin('ledger', 'audit');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ledger intact: 13 of 13 entries rehashed, \d+ signed checkpoints?\n$/);
  });

  it('tampering: a changed event or a changed hash in the database fails verification, naming the entry', async () => {
    await dropTrigger('ledger_entries');
    await ctx.db.updateTable('ledger_entries').set({ leaf: sql`replace(leaf, '"count":5', '"count":50')` }).where('idx', '=', 5).execute();
    const changedEvent = await verify('--entry', '5');
    expect(changedEvent.exitCode).toBe(1);
    expect(changedEvent.stderr).toBe('anshin ledger: entry 5: not included in the checkpoint of size 13 (the entry or the log was altered)\n');
    expect((await anshin('ledger', 'audit')).stderr).toContain('entry 5: the stored event does not hash to the stored leaf hash');

    await dropTrigger('ledger_nodes');
    await ctx.db.updateTable('ledger_nodes').set({ hash: Buffer.alloc(32, 9) }).where('id', '=', 8 * 64).execute(); // the leaf hash of entry 8
    expect((await verify('--entry', '9')).stderr).toBe('anshin ledger: entry 9: not included in the checkpoint of size 13 (the entry or the log was altered)\n');
    const audit = await anshin('ledger', 'audit');
    expect(audit.exitCode).toBe(1);
    expect(audit.stderr).toContain('entry 8: the stored event does not hash to the stored leaf hash');
  });
});

// Issue 17: what an operator and an outside verifier see after someone with database access deleted an
// entry, or rewrote the ledger and re-signed it with a key of their own.
describeEachDatabase('CLI: ledger audit and verify on a damaged or re-keyed database', (database) => {
  const ctx = useTestApp(database);
  const savedEnv = { ...process.env };
  let url = '';
  let key = '';
  let dir = '';
  const append = (n: number) => ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sighting(n)));
  const dropTriggers = async (table: string) => {
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    const names = postgres ? [`${table}_append_only on ${table}`] : [`${table}_no_update`, `${table}_no_delete`];
    for (const name of names) await sql.raw(`drop trigger if exists ${name}`).execute(ctx.db);
  };

  beforeAll(async () => {
    Object.assign(process.env, TEST_ENV, { DATABASE_URL: ctx.config.databaseUrl });
    dir = mkdtempSync(join(tmpdir(), 'anshin-ledger-cli-'));
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    key = (await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body.trim();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    process.env = savedEnv;
    rmSync(dir, { recursive: true, force: true });
  });

  it('audit names a deleted middle entry, checks past it, and says what it checked', async () => {
    await append(10);
    expect((await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).statusCode).toBe(200);
    await dropTriggers('ledger_entries');
    await ctx.db.deleteFrom('ledger_entries').where('idx', '=', 4).execute();
    const audit = await anshin('ledger', 'audit');
    expect(audit.exitCode).toBe(1);
    expect(audit.stdout).toBe('');
    expect(audit.stderr).toBe([
      'anshin ledger: entry 4 is missing (its leaf hash is still stored)',
      'anshin ledger: ledger damaged: 1 problem; 10 of 11 entries rehashed (1 missing), 1 signed checkpoint',
      '',
    ].join('\n'));
  });

  it('audit --key and verify --key refuse a ledger re-signed with another key', async () => {
    // Before: the damage of the test above, but every checkpoint is signed by the expected key.
    const before = await anshin('ledger', 'audit', '--key', key);
    expect(before.stderr).toContain('entry 4 is missing');
    expect(before.stderr).not.toContain('expected key (');
    expect(before.stderr).toContain('1 signed checkpoint checked against the expected key\n');
    // The rewrite: the signed checkpoints go, a key of the rewriter's own is added, and a checkpoint signed with it.
    await dropTriggers('ledger_checkpoints');
    await ctx.db.deleteFrom('ledger_checkpoints').execute();
    const forged = generateSigningKey('localhost:8080/ledger').key;
    const keyId = await insertKey(ctx.db, { name: forged.name, public_key: forged.publicKey, sealed_private_key: 'v1.x.y.z', created_at: new Date().toISOString() });
    const size = 11;
    const root = await rootHash(size, nodeSource(ctx.db));
    await insertCheckpoint(ctx.db, { size, root, key_id: keyId, note: signNote(checkpointText({ origin: forged.name, size, root }), forged), signed_at: new Date().toISOString() });
    // Without the expected key, the signatures all check out against the keys the database holds.
    expect((await anshin('ledger', 'audit')).stderr).not.toMatch(/signature|expected key/);

    const keyFile = join(dir, 'published.key');
    writeFileSync(keyFile, `${key}\n`);
    const audit = await anshin('ledger', 'audit', '--key', keyFile);
    expect(audit.exitCode).toBe(1);
    expect(audit.stderr).toContain(`anshin ledger: the database's ledger key is ${verifierKey(forged.name, forged.publicKey)}, not the expected key (key id ${key.split('+')[1]})\n`);
    expect(audit.stderr).toContain('anshin ledger: the signed checkpoint of size 11 (#');
    expect(audit.stderr).toContain('is not signed by the expected key (the note carries no signature by localhost:8080/ledger): the ledger was re-keyed or rewritten\n');
    expect(audit.stderr).toMatch(/ledger damaged: \d+ problems; .*1 signed checkpoint checked against the expected key\n$/);

    const verify = await anshin('ledger', 'verify', '--url', url, '--key', key, '--state', join(dir, 'state'));
    expect(verify.exitCode).toBe(1);
    expect(verify.stderr).toBe(`anshin ledger: the latest checkpoint is not signed by the expected key (key id ${key.split('+')[1]}); the server presents the key ${verifierKey(forged.name, forged.publicKey)}. ` +
      'If you obtained the expected key from this server earlier, the ledger was re-keyed since and its history may have been rewritten: trust the new key only if its operator announced the change.\n');
  });
});

// Issue 17: witnesses. A witness cosigns checkpoint A, the log grows, it cosigns B; then the history is rewritten in the
// database and re-signed with the log's own key, and the witness refuses. verify --min-witnesses requires cosignatures.
const witnessDir = mkdtempSync(join(tmpdir(), 'anshin-witness-'));
const witnessPem = join(witnessDir, 'witness.pem');
const witness = newWitnessKey('witness.example/w1');
writeFileSync(witnessPem, witness.pem);

describeEachDatabase('CLI: ledger witness, and verify with required witnesses', (database) => {
  const ctx = useTestApp(database, { LEDGER_WITNESSES: witness.verifierKey });
  let url = '';
  let key = '';
  let dir = '';
  let state = '';
  let seen = '';
  const append = (n: number, from = 0) => ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sighting(n + from).slice(from)));
  const witnessRun = (...extra: string[]) => anshin('ledger', 'witness', '--key', key, '--witness-key', witnessPem, '--name', 'witness.example/w1', '--state', state, ...extra);
  const verify = (...extra: string[]) => anshin('ledger', 'verify', '--url', url, '--key', key, '--state', seen, ...extra);
  const published = async () => (await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
  const rewriteHistory = async (n: number) => {
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    for (const table of ['ledger_cosignatures', 'ledger_checkpoints', 'ledger_nodes', 'ledger_entries']) {
      const drops = postgres ? [`drop trigger if exists ${table}_append_only on ${table}`] : [`drop trigger if exists ${table}_no_update`, `drop trigger if exists ${table}_no_delete`];
      for (const statement of drops) await sql.raw(statement).execute(ctx.db);
      await sql.raw(`delete from ${table}`).execute(ctx.db);
    }
    // Other entries, signed afresh with the log's own key (it stays in ledger_keys).
    await ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, Array.from({ length: n }, (_, i) => ({ type: 'sighting' as const, actor: null, object: `indicator--forged-${i}`, count: 99 }))));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'anshin-witness-state-'));
    state = join(dir, 'witness.checkpoint');
    seen = join(dir, 'verifier.checkpoint');
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    key = (await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body.trim();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('--init writes a witness key and prints its verifier key, and never overwrites one', async () => {
    const pem = join(dir, 'new', 'w2.pem');
    const created = await anshin('ledger', 'witness', '--init', '--witness-key', pem, '--name', 'witness.example/w2');
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toMatch(/its verifier key \(give it to the logs you witness, for LEDGER_WITNESSES\): witness\.example\/w2\+[0-9a-f]{8}\+B\S+\n$/);
    expect(readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = await anshin('ledger', 'witness', '--init', '--witness-key', pem, '--name', 'witness.example/w2');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('exists already');
  });

  it('cosigns A, then B when it extends A, publishes the cosignatures, and refuses a rewritten history', async () => {
    // A
    await append(3);
    const a = await witnessRun('--url', url);
    expect(a.stderr).toBe('');
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toContain('4 entries');
    expect(a.stdout).toContain('no checkpoint kept yet');
    const lineA = /^— witness\.example\/w1 \S+$/m.exec(a.stdout)?.[0] as string;
    expect(lineA).toBeDefined();
    expect(a.stdout).toContain(`sent the cosignature to ${url}`);
    expect(readFileSync(state, 'utf8')).toMatch(/\n4\n/);
    expect(await published()).toMatch(new RegExp(`\n${lineA.replace(/[/+]/g, (c) => `\\${c}`)}\n$`));

    // verify requires the witness: passes with it, fails without a witness given, or with another one.
    const witnessed = await verify('--witness', witness.verifierKey, '--min-witnesses', '1');
    expect(witnessed.stderr).toBe('');
    expect(witnessed.exitCode).toBe(0);
    expect(witnessed.stdout).toContain('witnessed by 1 of 1 given witnesses (1 required): witness.example/w1 at ');
    expect((await verify('--min-witnesses', '1')).stderr).toContain('--min-witnesses 1: only 0 witnesses are given (--witness)');
    const other = newWitnessKey('witness.example/w1').verifierKey;
    const unwitnessed = await verify('--witness', other, '--min-witnesses', '1');
    expect(unwitnessed.exitCode).toBe(1);
    expect(unwitnessed.stderr).toContain('the checkpoint of size 4 carries 0 valid cosignatures of the 1 required from the given witnesses');

    // The log grows: B is not witnessed until the witness runs again, and B extends A.
    await append(4, 3);
    expect((await verify('--witness', witness.verifierKey)).stderr).toContain('the checkpoint of size 8 carries 0 valid cosignatures');
    // A witness given files instead of the URL (a copy of its state) checks the same proof.
    const copy = join(dir, 'copy.checkpoint');
    writeFileSync(copy, readFileSync(state, 'utf8'));
    writeFileSync(join(dir, 'b.checkpoint'), await published());
    writeFileSync(join(dir, 'b.proof'), (await ctx.app.inject({ method: 'GET', url: '/ledger/proof/consistency?first=4&second=8' })).body);
    const offline = await anshin('ledger', 'witness', '--key', key, '--witness-key', witnessPem, '--name', 'witness.example/w1', '--state', copy,
      '--checkpoint', join(dir, 'b.checkpoint'), '--proof', join(dir, 'b.proof'));
    expect(offline.stderr).toBe('');
    expect(offline.stdout).toContain(`consistent with the checkpoint kept in ${copy} (4 entries)`);
    expect(offline.stdout).not.toContain('sent the cosignature');
    const b = await witnessRun('--url', url);
    expect(b.exitCode).toBe(0);
    expect(b.stdout).toContain(`consistent with the checkpoint kept in ${state} (4 entries)`);
    expect(readFileSync(state, 'utf8')).toMatch(/\n8\n/);
    const kept = readFileSync(state, 'utf8');
    expect((await verify('--witness', witness.verifierKey, '--witness', other, '--min-witnesses', '1')).exitCode).toBe(0);

    // The history is rewritten in the database and re-signed by the log's own key: the log's signature verifies,
    // but the witness refuses, keeps what it had, and sends nothing; the rewritten checkpoint stays unwitnessed.
    await rewriteHistory(12);
    const rewritten = await witnessRun('--url', url);
    expect(rewritten.exitCode).toBe(1);
    expect(rewritten.stderr).toBe('anshin ledger: refusing to cosign: the checkpoint of size 12 is not consistent with the saved checkpoint of size 8: the log was rewritten\n');
    expect(rewritten.stdout).not.toContain('— witness.example/w1');
    expect(readFileSync(state, 'utf8')).toBe(kept);
    expect(await published()).not.toContain('witness.example/w1');
    const refused = await anshin('ledger', 'verify', '--url', url, '--key', key, '--state', join(dir, 'fresh.checkpoint'), '--witness', witness.verifierKey);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('the checkpoint of size 12 carries 0 valid cosignatures of the 1 required');
    // Rewritten to the same size: two roots for one size.
    await rewriteHistory(8);
    expect((await witnessRun('--url', url)).stderr).toContain('refusing to cosign: two different roots for size 8: the log forked or was rewritten');
  });
});
