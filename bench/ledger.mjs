// The accountability ledger (issue 6):
//   - appends per second through appendLedgerEvents, in transactions of --batch events, on SQLite and PostgreSQL,
//     next to the raw limits measured in the same run: SHA-256 of the same leaves and nodes in this process, and plain
//     multi-row INSERTs (better-sqlite3 / pg) of the same rows into the same tables without the ledger's code;
//   - inclusion and consistency proof latency (service level: the size check and the stored-node lookups) on a tree
//     of --proof-leaves leaves (default 10,000,000 on SQLite; --pg-proof-leaves on PostgreSQL), built by batch appends;
//   - checkpoint signing time (root, consistency check with the last checkpoint, Ed25519 signature, insert);
//   - verification speed: inclusion and consistency proofs of that tree, and a checkpoint's signature.
// Usage: npm run build:server && node bench/ledger.mjs [--appends 200000] [--batch 1000] [--proof-leaves 10000000]
//        [--pg-proof-leaves 1000000] [--samples 2000] [--only sqlite|postgres]
import { randomBytes } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sqliteDatabase, stats } from './lib.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { appendLedgerEvents, currentCheckpoint, ensureLedgerKey, nodeSource, publishedKey } = await import('../dist/modules/ledger/ledger.service.js');
const { inclusion, consistency } = await import('../dist/modules/ledger/ledger-read.service.js');
const { leafHash, rootHash, verifyInclusion, verifyConsistency } = await import('../dist/modules/ledger/merkle.js');
const { appendNodes } = await import('../dist/modules/ledger/tree-append.js');
const { openCheckpoint, parseVerifierKey } = await import('../dist/modules/ledger/signed-note.js');
const { leafOf } = await import('../dist/modules/ledger/ledger.service.js');

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const APPENDS = Number(option('appends', 200_000));
const BATCH = Number(option('batch', 1000));
const PROOF_LEAVES = Number(option('proof-leaves', 10_000_000));
const PG_PROOF_LEAVES = Number(option('pg-proof-leaves', 1_000_000));
const SAMPLES = Number(option('samples', 2000));
const ONLY = option('only', null);
const deps = { secretKey: randomBytes(32), config: { baseUrl: 'https://bench.anshin.example' } };

// A typical small event: a sighting of an object, as other features will append them.
const event = (i) => ({ type: 'sighting', actor: '6f1c0a52-8d8e-4c55-9a55-7b0e2f6f3a10', org: 'a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b', object: `indicator--${String(i).padStart(12, '0')}-aaaa-4bbb-8ccc-dddddddddddd`, count: 1 });
const log = (line) => process.stdout.write(`${line}\n`);
const rate = (n, ms) => `${Math.round(n / (ms / 1000)).toLocaleString('en')}/s`;

async function appendRun(db, total, batch) {
  const perBatch = [];
  const started = performance.now();
  for (let done = 0; done < total; done += batch) {
    const events = Array.from({ length: Math.min(batch, total - done) }, (_, i) => event(done + i));
    const t = performance.now();
    await db.transaction().execute((trx) => appendLedgerEvents(trx, events));
    perBatch.push(events.length / ((performance.now() - t) / 1000));
  }
  return { elapsed: performance.now() - started, perBatch: stats(perBatch) };
}

// The raw limits: the same hashing in this process, and the same rows inserted without the ledger's code.
function hashLimit(total) {
  const edge = new Map();
  const leaves = Array.from({ length: total }, (_, i) => Buffer.from(leafOf(event(i), '2026-12-02T00:00:00.000Z')));
  const t = performance.now();
  appendNodes(0, edge, leaves);
  return performance.now() - t;
}

async function rawInsert(dbName, url, total, batch) {
  const at = '2026-12-02T00:00:00.000Z';
  const rows = (from, n) => {
    const leaves = Array.from({ length: n }, (_, i) => leafOf(event(from + i), at));
    return { leaves, nodes: Array.from({ length: 2 * n }, (_, i) => [(from * 2 + i) * 64, randomBytes(32)]) };
  };
  const started = performance.now();
  if (dbName === 'sqlite') {
    const db = new Sqlite(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table raw_entries (idx integer primary key, type text, org_id text, actor_user_id text, at text, leaf text); create table raw_nodes (id integer primary key, hash blob)');
    for (let done = 0; done < total; done += batch) {
      const { leaves, nodes } = rows(done, batch);
      db.transaction(() => {
        db.prepare(`insert into raw_entries values ${leaves.map(() => '(?,?,?,?,?,?)').join(',')}`).run(leaves.flatMap((l, i) => [done + i, 'sighting', 'o', 'a', at, l]));
        db.prepare(`insert into raw_nodes values ${nodes.map(() => '(?,?)').join(',')}`).run(nodes.flat());
      })();
    }
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table raw_entries (idx bigint primary key, type text, org_id text, actor_user_id text, at text, leaf text); create table raw_nodes (id bigint primary key, hash bytea)');
    for (let done = 0; done < total; done += batch) {
      const { leaves, nodes } = rows(done, batch);
      await client.query('begin');
      let n = 0;
      await client.query(`insert into raw_entries values ${leaves.map(() => `($${++n},$${++n},$${++n},$${++n},$${++n},$${++n})`).join(',')}`, leaves.flatMap((l, i) => [done + i, 'sighting', 'o', 'a', at, l]));
      n = 0;
      await client.query(`insert into raw_nodes values ${nodes.map(() => `($${++n},$${++n})`).join(',')}`, nodes.flat());
      await client.query('commit');
    }
    await client.end();
  }
  return performance.now() - started;
}

async function timeEach(samples, fn) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return stats(times);
}
const ms = (s) => `median ${s.median.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms  min ${s.min.toFixed(3)} ms  max ${s.max.toFixed(2)} ms  (n=${s.n})`;

async function proofsAndSigning(db, label, size) {
  const random = (n) => Math.floor(Math.random() * n);
  log(`${label}: proofs on a tree of ${size.toLocaleString('en')} leaves (service level: size check + one node lookup query)`);
  log(`  inclusion  (index random, size ${size})      ${ms(await timeEach(SAMPLES, () => inclusion(db, random(size), size)))}`);
  log(`  inclusion  (index, size both random)        ${ms(await timeEach(SAMPLES, () => { const s = 1 + random(size); return inclusion(db, random(s), s); }))}`);
  log(`  consistency (first random, second ${size})  ${ms(await timeEach(SAMPLES, () => consistency(db, 1 + random(size - 1), size)))}`);
  // Checkpoint signing: one more entry each time, so that every call signs (root + consistency check + Ed25519 + insert).
  const signing = [];
  for (let i = 0; i < 50; i++) {
    await db.transaction().execute((trx) => appendLedgerEvents(trx, [event(size + i)]));
    const t = performance.now();
    await currentCheckpoint(db, deps);
    signing.push(performance.now() - t);
  }
  log(`  checkpoint signing (after one append)       ${ms(stats(signing))}`);
  // Verification, as a client does it: this tree's proofs and the checkpoint's signature.
  const checkpoint = await currentCheckpoint(db, deps);
  const n = Number(checkpoint.size);
  const root = checkpoint.root;
  const verifier = parseVerifierKey(await publishedKey(db));
  const proofs = [];
  for (let i = 0; i < 200; i++) {
    const index = random(n);
    const row = await db.selectFrom('ledger_entries').select('leaf').where('idx', '=', index).executeTakeFirstOrThrow();
    proofs.push({ index, leaf: leafHash(Buffer.from(row.leaf)), hashes: (await inclusion(db, index, n)).hashes.map((h) => Buffer.from(h, 'base64')) });
  }
  const firsts = [];
  for (let i = 0; i < 200; i++) {
    const first = 1 + random(n - 1);
    firsts.push({ first, root: await rootHash(first, nodeSource(db)), hashes: (await consistency(db, first, n)).hashes.map((h) => Buffer.from(h, 'base64')) });
  }
  const verifyAll = (fn, items, rounds) => {
    const t = performance.now();
    let ok = 0;
    for (let r = 0; r < rounds; r++) for (const item of items) ok += fn(item) ? 1 : 0;
    const took = performance.now() - t;
    if (ok !== items.length * rounds) throw new Error('a proof did not verify');
    return `${rate(items.length * rounds, took)} (${((took / (items.length * rounds)) * 1000).toFixed(1)} µs each)`;
  };
  log(`  verify inclusion (${proofs[0].hashes.length} hashes in the first sample) ${verifyAll((p) => verifyInclusion(p.index, n, p.leaf, p.hashes, root), proofs, 20)}`);
  log(`  verify consistency                          ${verifyAll((c) => verifyConsistency(c.first, n, c.hashes, c.root, root), firsts, 20)}`);
  log(`  verify checkpoint signature (Ed25519)       ${verifyAll(() => openCheckpoint(checkpoint.note, verifier).size === n, [0], 2000)}`);
}

async function buildTree(db, size) {
  const t = performance.now();
  const have = Number((await db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()).n);
  const big = 10_000;
  for (let done = have; done < size; done += big) {
    const events = Array.from({ length: Math.min(big, size - done) }, (_, i) => event(done + i));
    await db.transaction().execute((trx) => appendLedgerEvents(trx, events));
    if ((done - have) % (big * 100) === 0) process.stderr.write(`  built ${done.toLocaleString('en')} (${rate(done - have, performance.now() - t)})\n`);
  }
  return performance.now() - t;
}

async function runOn(name, url, proofLeaves) {
  const db = connectDatabase(url);
  await migrateToLatest(db);
  await ensureLedgerKey(db, deps);
  log(`${name}: appendLedgerEvents, ${APPENDS.toLocaleString('en')} events in transactions of ${BATCH} (load ${machineLoad()})`);
  const run = await appendRun(db, APPENDS, BATCH);
  log(`  ${rate(APPENDS, run.elapsed)} overall; per batch median ${Math.round(run.perBatch.median).toLocaleString('en')}/s (min ${Math.round(run.perBatch.min)}, max ${Math.round(run.perBatch.max)})`);
  const raw = await rawInsert(name, url, APPENDS, BATCH);
  log(`  raw limit: plain multi-row INSERTs of the same entry rows + 2 node rows each, same batches: ${rate(APPENDS, raw)} -> ledger/raw ${((APPENDS / run.elapsed) / (APPENDS / raw)).toFixed(2)}`);
  const built = await buildTree(db, proofLeaves);
  log(`  built the tree to ${proofLeaves.toLocaleString('en')} leaves with appends of 10,000: ${(built / 1000).toFixed(0)} s (load ${machineLoad()})`);
  await proofsAndSigning(db, name, proofLeaves);
  await db.destroy();
}

log(`ledger bench ${new Date().toISOString()} node ${process.version} load ${machineLoad()}`);
const hashMs = hashLimit(APPENDS);
log(`raw limit: SHA-256 of the same ${APPENDS.toLocaleString('en')} leaves and their nodes in this process: ${rate(APPENDS, hashMs)}`);
if (ONLY !== 'postgres') {
  const sqlite = sqliteDatabase();
  try {
    await runOn('sqlite', sqlite.url, PROOF_LEAVES);
  } finally {
    await sqlite.drop();
  }
}
if (ONLY !== 'sqlite') {
  const server = await postgresServer();
  if (server.skip) log(`postgres: skipped: ${server.skip}`);
  else {
    const database = await postgresDatabase(server.adminUrl);
    try {
      await runOn(`pg ${server.version}`, database.url, PG_PROOF_LEAVES);
    } finally {
      await database.drop();
    }
  }
}
log(`done, load ${machineLoad()}`);
