// Correlation (issue 4):
//   1. lookup of one value among --values stored observables (default 10,000,000; each value with one occurrence),
//      generated in bulk by plain INSERT … SELECT in the bench's own database (migrated with the server's migrations):
//        raw     a plain prepared, indexed SELECT of the value and its occurrences (better-sqlite3 / pg): the raw limit
//        repo    the repository's findValue + findSourcesOf (Kysely, the server's connection): the correlation lookup
//        service lookupValue as a coordinator (normalisation, access, which sources the caller can read)
//      each over the same --lookups values (90% stored, 10% not), timed one by one, medians;
//   2. indexer throughput: --index-objects indicators + their observables (stix-data.mjs) stored with addObjects, then
//      drainIndex timed; the raw limit beside it is JSON.parse + observablesOf of the same objects (no database).
// Usage: npm run build && node bench/correlation.mjs [--values 10000000] [--pg-values N] [--lookups 1000]
//        [--index-objects 20000] [--only sqlite|postgres] [--skip lookup,index,index-at-scale]
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sqliteDatabase, stats } from './lib.mjs';
import { batches, numberOption } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { systemContext } = await import('../dist/auth/actor.js');
const { addObjects } = await import('../dist/modules/taxii/store.service.js');
const { findValue, findSourcesOf } = await import('../dist/modules/correlation/correlation.repository.js');
const { lookupValue } = await import('../dist/modules/correlation/correlation.service.js');
const { drainIndex } = await import('../dist/modules/correlation/indexer.service.js');
const { observablesOf } = await import('../dist/modules/correlation/extract.js');

const VALUES = numberOption('values', 10_000_000);
const PG_VALUES = numberOption('pg-values', VALUES);
const LOOKUPS = numberOption('lookups', 1000);
const INDEX_OBJECTS = numberOption('index-objects', 20_000);
const argValue = (name) => process.argv.find((a, i) => process.argv[i - 1] === `--${name}`) ?? process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = argValue('only');
const SKIP = new Set((argValue('skip') ?? '').split(',').filter(Boolean));
const NOW = '2026-12-02T00:00:00.000Z';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line) => process.stderr.write(`  … ${line} (load ${machineLoad()})\n`);
const ms = (v) => `${v.toFixed(3)} ms`;
const line = (label, s) => `  ${label.padEnd(34)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  min ${ms(s.min).padStart(9)}  (n=${s.n})`;

const coordinator = {
  ...systemContext('en'),
  actor: {
    kind: 'user', userId: '00000000-0000-4000-8000-000000000001', email: 'bench@example.org', locale: 'en', platformRoles: new Set(['coordinator']),
    orgRoles: new Map(), via: 'session', scopes: new Set(['read', 'write']), sessionId: null, mfaEnrollmentRequired: false,
  },
};

// The same mix on both databases: a quarter each IPv4, domain, URL and SHA-256 (random hex), one occurrence each.
const SQLITE_FILL = `
  with recursive g(i) as (select ? union all select i + 1 from g where i < ?)
  insert into correlation_values (type, value, source_count, first_seen_at)
  select case i % 4 when 0 then 'ipv4' when 1 then 'domain' when 2 then 'url' else 'sha256' end,
         case i % 4 when 0 then '10.' || ((i >> 16) & 255) || '.' || ((i >> 8) & 255) || '.' || (i & 255) || '/' || (i >> 24)
                    when 1 then 'h' || i || '.bench.example'
                    when 2 then 'http://u' || i || '.bench.example/gate.php?id=' || i
                    else lower(hex(randomblob(32))) end,
         1, '${NOW}' from g`;
const SQLITE_OCCURRENCES = `
  insert into correlation_occurrences (value_id, source_kind, source_id, source_type, seen_at)
  select id, 'stix', printf('indicator--%08x-0000-4000-8000-%012x', id, id), 'indicator', '${NOW}' from correlation_values where id between ? and ?`;
const PG_FILL = `
  insert into correlation_values (type, value, source_count, first_seen_at)
  select case i % 4 when 0 then 'ipv4' when 1 then 'domain' when 2 then 'url' else 'sha256' end,
         case i % 4 when 0 then '10.' || ((i >> 16) & 255) || '.' || ((i >> 8) & 255) || '.' || (i & 255) || '/' || (i >> 24)
                    when 1 then 'h' || i || '.bench.example'
                    when 2 then 'http://u' || i || '.bench.example/gate.php?id=' || i
                    else md5(random()::text) || md5(random()::text) end,
         1, '${NOW}' from generate_series($1::bigint, $2::bigint) as i`;
const PG_OCCURRENCES = `
  insert into correlation_occurrences (value_id, source_kind, source_id, source_type, seen_at)
  select id, 'stix', 'indicator--' || lpad(to_hex(id), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(id), 12, '0'), 'indicator', '${NOW}'
  from correlation_values where id between $1 and $2`;
// (IPv4 values carry a "/n" suffix only to stay unique past 2^24 rows; a lookup does not parse what it finds.)

async function fillSqlite(url, count) {
  const raw = new Sqlite(url.slice('sqlite:'.length));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  // The generator's own connection: a large page cache, so random hashes do not make the unique index thrash.
  raw.pragma('cache_size = -2000000');
  const fill = raw.prepare(SQLITE_FILL);
  const occ = raw.prepare(SQLITE_OCCURRENCES);
  const step = 500_000;
  for (let from = 1; from <= count; from += step) {
    const to = Math.min(count, from + step - 1);
    raw.transaction(() => {
      fill.run(from, to);
      occ.run(from, to);
    })();
    if ((to / step) % 4 === 0 || to === count) note(`sqlite: ${to.toLocaleString('en-US')} values`);
  }
  raw.exec('analyze');
  raw.pragma('cache_size = -65536'); // for the raw lookups: the same cache the server's connection has (src/db/connect.ts)
  return raw;
}

async function fillPostgres(url, count) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = 1_000_000;
  for (let from = 1; from <= count; from += step) {
    const to = Math.min(count, from + step - 1);
    await client.query(PG_FILL, [from, to]);
    await client.query(PG_OCCURRENCES, [from, to]);
    note(`postgres: ${to.toLocaleString('en-US')} values`);
  }
  await client.query('analyze correlation_values');
  await client.query('analyze correlation_occurrences');
  return client;
}

// 90% values that are stored (random rows), 10% that are not.
async function sampleValues(db, count) {
  const sample = [];
  for (let k = 0; k < LOOKUPS; k++) {
    if (k % 10 === 9) {
      sample.push({ type: 'domain', value: `missing-${k}.bench.example` });
      continue;
    }
    const id = 1 + Math.floor(Math.random() * count);
    sample.push(await db.selectFrom('correlation_values').select(['type', 'value']).where('id', '=', id).executeTakeFirstOrThrow());
  }
  return sample;
}

async function timeEach(sample, fn) {
  const times = [];
  for (const v of sample.slice(0, 50)) await fn(v); // warm-up
  for (const v of sample) {
    const t0 = performance.now();
    await fn(v);
    times.push(performance.now() - t0);
  }
  return stats(times);
}

function rawLookupSqlite(raw) {
  const value = raw.prepare('select id, source_count from correlation_values where type = ? and value = ?');
  const sources = raw.prepare('select value_id, source_kind, source_id, source_type from correlation_occurrences where value_id = ? order by source_kind, source_id limit 500');
  return async (v) => {
    const row = value.get(v.type, v.value);
    return row ? sources.all(row.id) : [];
  };
}

function rawLookupPostgres(client) {
  return async (v) => {
    const { rows } = await client.query({ name: 'v', text: 'select id, source_count from correlation_values where type = $1 and value = $2', values: [v.type, v.value] });
    if (rows.length === 0) return [];
    return (await client.query({ name: 's', text: 'select value_id, source_kind, source_id, source_type from correlation_occurrences where value_id = $1 order by source_kind, source_id limit 500', values: [rows[0].id] })).rows;
  };
}

async function lookupBench(kind, pgAdmin) {
  const count = kind === 'sqlite' ? VALUES : PG_VALUES;
  const database = kind === 'sqlite' ? sqliteDatabase() : await postgresDatabase(pgAdmin);
  const db = connectDatabase(database.url);
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const raw = kind === 'sqlite' ? await fillSqlite(database.url, count) : await fillPostgres(database.url, count);
    const fillMs = performance.now() - t0;
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const sample = await sampleValues(db, count);
    out(`${kind}: ${count.toLocaleString('en-US')} stored observables (+ as many occurrences), generated in ${(fillMs / 1000).toFixed(0)} s; ${LOOKUPS} lookups (10% misses), load ${machineLoad()}`);
    const rawStats = await timeEach(sample, kind === 'sqlite' ? rawLookupSqlite(raw) : rawLookupPostgres(raw));
    const repoStats = await timeEach(sample, async (v) => {
      const row = await findValue(db, v);
      return row ? findSourcesOf(db, [Number(row.id)], 500) : [];
    });
    const serviceStats = await timeEach(sample, (v) => lookupValue(db, config, coordinator, { value: v.value, type: v.type }).catch(() => null));
    out(line('raw indexed SELECT (limit)', rawStats));
    out(line('repository lookup', repoStats) + `  ${(repoStats.median / rawStats.median).toFixed(1)}× raw`);
    out(line('service lookupValue (coordinator)', serviceStats) + `  ${(serviceStats.median / rawStats.median).toFixed(1)}× raw`);
    if (!SKIP.has('index-at-scale')) await indexAtScale(db, count);
    if (kind === 'sqlite') raw.close();
    else await raw.end();
  } finally {
    await db.destroy();
    await database.drop();
  }
}

// The indexer on top of the big index: new values must not cost more because many are stored already.
async function indexAtScale(db, count) {
  const { id } = await db.selectFrom('taxii_collections').select('id').where('alias', '=', 'community').executeTakeFirstOrThrow();
  for (const batch of batches(INDEX_OBJECTS, 5000)) await addObjects(db, { request: systemContext('en'), defaultTlp: 'amber' }, id, batch);
  const t0 = performance.now();
  const drained = await drainIndex(db);
  const t = performance.now() - t0;
  out(`  drainIndex with ${count.toLocaleString('en-US')} values stored: ${drained.entries} entries in ${(t / 1000).toFixed(2)} s, ${Math.round(drained.entries / (t / 1000)).toLocaleString('en-US')} entries/s`);
}

async function indexBench(kind, pgAdmin) {
  const database = kind === 'sqlite' ? sqliteDatabase() : await postgresDatabase(pgAdmin);
  const db = connectDatabase(database.url);
  try {
    await migrateToLatest(db);
    const { id } = await db.selectFrom('taxii_collections').select('id').where('alias', '=', 'community').executeTakeFirstOrThrow();
    const ctx = { request: systemContext('en'), defaultTlp: 'amber' };
    const jsons = [];
    for (const batch of batches(INDEX_OBJECTS, 5000)) {
      await addObjects(db, ctx, id, batch);
      for (const o of batch) jsons.push(JSON.stringify(o));
    }
    const t0 = performance.now();
    const drained = await drainIndex(db);
    const drainMs = performance.now() - t0;
    const t1 = performance.now();
    let found = 0;
    for (const text of jsons) found += observablesOf(JSON.parse(text)).length;
    const pureMs = performance.now() - t1;
    const perSecond = (n, t) => Math.round(n / (t / 1000)).toLocaleString('en-US');
    out(`${kind}: indexer over ${drained.entries.toLocaleString('en-US')} store entries (${INDEX_OBJECTS} indicators + their observables), load ${machineLoad()}`);
    out(`  drainIndex                          ${(drainMs / 1000).toFixed(2)} s  ${perSecond(drained.entries, drainMs).padStart(9)} entries/s  (${drained.occurrences} occurrences)`);
    out(`  JSON.parse + observablesOf (limit)  ${(pureMs / 1000).toFixed(2)} s  ${perSecond(jsons.length, pureMs).padStart(9)} objects/s  (${found} observables)  indexer at ${((100 * pureMs) / drainMs).toFixed(0)}% of it`);
  } finally {
    await db.destroy();
    await database.drop();
  }
}

out(`correlation bench — ${new Date().toISOString()}, Node ${process.version}, load ${machineLoad()}`);
const pgServer = ONLY === 'sqlite' ? null : await postgresServer();
if (pgServer?.skip) out(`postgres skipped: ${pgServer.skip}`);
for (const kind of ['sqlite', 'postgres']) {
  if (ONLY && ONLY !== kind) continue;
  if (kind === 'postgres' && (!pgServer || pgServer.skip)) continue;
  if (!SKIP.has('index')) await indexBench(kind, pgServer?.adminUrl);
  if (!SKIP.has('lookup')) await lookupBench(kind, pgServer?.adminUrl);
}
