// The cost of durable acknowledged writes on the embedded database (issue 17): SQLite in WAL mode with
// synchronous = FULL (the server's setting: every commit reaches the disk before it is acknowledged) against NORMAL
// (the earlier setting: a commit can be lost on power failure, never on a process crash), in the same run:
//   - the ledger: one event per transaction through appendLedgerEvents (a sighting, a publication), median ms;
//   - small store writes: addObjects of one indicator and its observable per call (a TAXII POST of two objects);
//   - bulk ingest: addObjects of --indicators indicators + observables in batches of 5,000 objects, objects/s;
//   - the raw limit: a one-row INSERT and COMMIT with plain better-sqlite3 under the same pragmas (the fsync itself).
// The two settings alternate, --rounds times each, every round on a fresh database file; medians over the rounds.
// Usage: npm run build:server && node bench/durability.mjs [--rounds 3] [--small 300] [--indicators 10000]
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { machineLoad, requireBuild, sqliteDatabase, stats } from './lib.mjs';
import { batches, numberOption, objectsRange } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { appendLedgerEvents } = await import('../dist/modules/ledger/ledger.service.js');
const { addObjects } = await import('../dist/modules/taxii/store.service.js');
const { systemContext } = await import('../dist/auth/actor.js');

const ROUNDS = numberOption('rounds', 3);
const SMALL = numberOption('small', 300);
const INDICATORS = numberOption('indicators', 10_000);
const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => stats(values).median;

async function round(mode) {
  const database = sqliteDatabase();
  const db = connectDatabase(database.url);
  try {
    await migrateToLatest(db);
    await sql.raw(`pragma synchronous = ${mode}`).execute(db);
    const { id: community } = await db.selectFrom('taxii_collections').select('id').where('alias', '=', 'community').executeTakeFirstOrThrow();
    const ctx = { request: systemContext('en'), defaultTlp: 'amber' };

    const ledger = [];
    for (let i = 0; i < SMALL; i++) {
      const t = performance.now();
      await db.transaction().execute((trx) => appendLedgerEvents(trx, [{ type: 'sighting', actor: null, object: `indicator--${String(i).padStart(12, '0')}-aaaa-4bbb-8ccc-dddddddddddd`, count: 1 }]));
      ledger.push(performance.now() - t);
    }

    const small = [];
    for (let i = 0; i < SMALL; i++) {
      const pair = objectsRange(i, i + 1, 7);
      const t = performance.now();
      const { status } = await addObjects(db, ctx, community, pair);
      small.push(performance.now() - t);
      if (status.success_count !== 2) throw new Error(`store refused: ${JSON.stringify(status.failures)}`);
    }

    let stored = 0;
    const t = performance.now();
    for (const batch of batches(INDICATORS, 5000)) stored += (await addObjects(db, ctx, community, batch)).status.success_count;
    const bulk = stored / ((performance.now() - t) / 1000);

    const raw = [];
    const file = database.url.slice('sqlite:'.length);
    const plain = new Sqlite(file);
    plain.pragma('journal_mode = WAL');
    plain.pragma(`synchronous = ${mode}`);
    plain.exec('create table bench_commit (i integer, v text)');
    const insert = plain.prepare('insert into bench_commit values (?, ?)');
    for (let i = 0; i < SMALL; i++) {
      const t0 = performance.now();
      insert.run(i, 'x'.repeat(200)); // autocommit: one transaction per row
      raw.push(performance.now() - t0);
    }
    plain.close();
    return { ledger: median(ledger), small: median(small), bulk, raw: median(raw) };
  } finally {
    await db.destroy();
    await database.drop();
  }
}

log(`# durability: SQLite WAL, synchronous FULL vs NORMAL — ${new Date().toISOString()}, load ${machineLoad()}`);
log(`rounds ${ROUNDS}, ${SMALL} small writes each, bulk ${INDICATORS} indicators (${INDICATORS * 2} objects)`);
const results = { NORMAL: [], FULL: [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const mode of r % 2 === 0 ? ['NORMAL', 'FULL'] : ['FULL', 'NORMAL']) results[mode].push(await round(mode));
}
const row = (mode) => {
  const m = (key) => median(results[mode].map((x) => x[key]));
  return { ledger: m('ledger'), small: m('small'), bulk: m('bulk'), raw: m('raw') };
};
const normal = row('NORMAL');
const full = row('FULL');
log('| | NORMAL | FULL | FULL / NORMAL |');
log('|---|---|---|---|');
log(`| ledger append, one event a transaction (median ms) | ${normal.ledger.toFixed(3)} | ${full.ledger.toFixed(3)} | ${(full.ledger / normal.ledger).toFixed(2)} |`);
log(`| store write of 2 objects (median ms) | ${normal.small.toFixed(3)} | ${full.small.toFixed(3)} | ${(full.small / normal.small).toFixed(2)} |`);
log(`| bulk ingest, 5,000 objects a transaction (objects/s) | ${Math.round(normal.bulk)} | ${Math.round(full.bulk)} | ${(full.bulk / normal.bulk).toFixed(2)} |`);
log(`| raw limit: one-row INSERT + COMMIT, plain driver (median ms) | ${normal.raw.toFixed(3)} | ${full.raw.toFixed(3)} | ${(full.raw / normal.raw).toFixed(2)} |`);
log(`load at the end: ${machineLoad()}`);
