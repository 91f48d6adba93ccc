// STIX ingest: N indicators, each with the observable its pattern names (2N STIX objects, see stix-data.mjs), stored in
// the community collection of a 1,000-organisation demo community
//   - at store level: addObjects in this process, in batches (the store's one entrance: TAXII, the CLI and the demo use it);
//   - over TAXII 2.1 POST to the built server, envelopes of --envelope objects, Bearer API token, concurrency 1 and 2;
//   - by `anshin stix import` of a bundle file of --bundle-mb MB, in a child process, with its peak RSS (maxRSS);
// and, measured the same way in the same run, the raw limits: JSON.stringify, JSON.parse and validateStixObject of the
// same objects, and plain multi-row INSERTs (better-sqlite3 / pg) of the same rows (same JSON text) into the same schema.
// On SQLite and on PostgreSQL (see lib.mjs). Each part uses a fresh database.
// Usage: npm run build && node bench/stix-ingest.mjs [--objects N] [--batch 5000] [--envelope 2000] [--bundle-mb 200]
//        [--http-objects M] [--raw-per-batch] [--only sqlite|postgres] [--skip raw,store,http,cli]
//        N indicators (2N objects), default 100000; the full run is 1000000. M indicators for each TAXII POST run (default N).
//        --raw-per-batch adds raw inserts with a transaction per batch, as addObjects commits, next to the one-transaction run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import {
  machineLoad, MAIN, postgresDatabase, postgresServer, requireBuild, sampleRss, sqliteDatabase, startServer, stats, waitReady,
} from './lib.mjs';
import { batches, numberOption, objectsRange } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { seedDemo } = await import('../dist/demo/demo.js');
const { systemContext } = await import('../dist/auth/actor.js');
const { addObjects } = await import('../dist/modules/taxii/store.service.js');
const { prepareObjects } = await import('../dist/modules/taxii/prepare.js');
const { validateStixObject } = await import('../dist/modules/stix/validate.js');
const { idKey } = await import('../dist/modules/taxii/id-key.js');
const { RECENT_IDS } = await import('../dist/modules/taxii/store.repository.js');

const INDICATORS = numberOption('objects', 100_000);
const BATCH = numberOption('batch', 5000);
const ENVELOPE = numberOption('envelope', 2000);
const BUNDLE_MB = numberOption('bundle-mb', 200);
const HTTP_INDICATORS = numberOption('http-objects', INDICATORS);
const OBJECTS = INDICATORS * 2;
const argValue = (name) => process.argv.find((a, i) => process.argv[i - 1] === `--${name}`) ?? process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = argValue('only');
const SKIP = new Set((argValue('skip') ?? '').split(',').filter(Boolean));
const TAXII = 'application/taxii+json;version=2.1';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line) => process.stderr.write(`  … ${line} (load ${machineLoad()})\n`);
const perSecond = (n, ms) => (n / (ms / 1000));
const rate = (n, ms) => `${Math.round(perSecond(n, ms)).toLocaleString('en-US').padStart(9)} objects/s`;
const ratio = (a, b) => `${((100 * a) / b).toFixed(0)}%`;

// --- fresh databases, migrated, with the community collection's id --------------------------------------------------

async function freshDatabase(kind, pgAdmin) {
  const database = kind === 'sqlite' ? sqliteDatabase() : await postgresDatabase(pgAdmin);
  const db = connectDatabase(database.url);
  await migrateToLatest(db);
  const { id, entry_key: key } = await db.selectFrom('taxii_collections').select(['id', 'entry_key']).where('alias', '=', 'community').executeTakeFirstOrThrow();
  return { database, db, communityId: id, communityKey: Number(key) };
}

// --- raw CPU limits: the same objects, in this process ----------------------------------------------------------------

function cpuLimits() {
  const sample = objectsRange(0, Math.min(INDICATORS, 100_000));
  const texts = sample.map((o) => JSON.stringify(o));
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const timed = (fn) => {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      fn();
      runs.push(performance.now() - t0);
    }
    return stats(runs).median;
  };
  const stringify = timed(() => { for (const o of sample) JSON.stringify(o); });
  const parse = timed(() => { for (const t of texts) JSON.parse(t); });
  let invalid = 0;
  const validate = timed(() => { invalid = 0; for (const o of sample) if (validateStixObject(o).length > 0) invalid++; });
  if (invalid > 0) throw new Error(`${invalid} generated objects do not validate`);
  out(`raw CPU limits in this process (${sample.length.toLocaleString('en-US')} of the same objects, ${(bytes / sample.length).toFixed(0)} bytes of JSON each; median of 3 passes):`);
  out(`  JSON.stringify        ${rate(sample.length, stringify)}`);
  out(`  JSON.parse            ${rate(sample.length, parse)}`);
  out(`  validateStixObject    ${rate(sample.length, validate)}   (every object valid)`);
  return { stringify: perSecond(sample.length, stringify), parse: perSecond(sample.length, parse), validate: perSecond(sample.length, validate) };
}

// --- raw inserts: the rows the store writes, without the store ------------------------------------------------------

// The rows addObjects would write for one batch (same JSON text, same columns), prepared outside the timing.
function rowsOf(objects, collectionKey, dates) {
  const { prepared } = prepareObjects(objects, { audience: 'community', defaultTlp: 'amber', locale: 'en' });
  return prepared.map((o, i) => ({
    object: {
      id_key: idKey(o.stixId), stix_id: o.stixId, version: o.version, version_key: o.versionKey, type: o.type,
      spec_version: o.specVersion, tlp: o.tlp, created_by_ref: o.createdByRef, revoked: 0, json: o.json,
    },
    entry: { collection_key: collectionKey, date_added: dates.next(i), type: o.type, spec_version: o.specVersion, is_latest: 1, is_first: 1 },
  }));
}

// date_added as the store writes it (2026-12-02-0001): integer microseconds, one apart.
function dateSequence() {
  let micros = Date.now() * 1000;
  return { next: () => micros++ };
}

// Multi-row statements of at most 32,000 parameters, as src/db/bulk-insert.ts makes them.
const rowsPerStatement = (columns) => Math.floor(32_000 / columns);
const placeholders = (rows, columns, postgres) => {
  let n = 0;
  return Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => (postgres ? `$${++n}` : '?')).join(',')})`).join(',');
};

// The connection settings the server uses (src/db/connect.ts), read back from one of its connections.
const SQLITE_PRAGMAS = ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout', 'cache_size', 'wal_autocheckpoint'];
async function serverPragmas(url) {
  const db = connectDatabase(url);
  try {
    const values = [];
    for (const name of SQLITE_PRAGMAS) {
      const { rows } = await db.executeQuery(CompiledQuery.raw(`pragma ${name}`));
      values.push(`${name} = ${Object.values(rows[0] ?? {})[0]}`);
    }
    return values;
  } finally {
    await db.destroy();
  }
}

async function rawInserts(kind, url, communityKey, perBatch) {
  const objectColumns = ['id_key', 'stix_id', 'version', 'version_key', 'type', 'spec_version', 'tlp', 'created_by_ref', 'revoked', 'json'];
  const entryColumns = ['collection_key', 'date_added', 'object_pk', 'type', 'spec_version', 'is_latest', 'is_first'];
  const postgres = kind !== 'sqlite';
  const insertSql = (table, columns, rows, returning) => `insert into ${table} (${columns.join(',')}) values ${placeholders(rows, columns.length, postgres)}${returning ? ' returning pk' : ''}`;
  let exec; let close;
  if (postgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    exec = async (sql, params) => (await client.query(sql, params)).rows;
    close = () => client.end();
  } else {
    const pragmas = await serverPragmas(url);
    const sqlite = new Sqlite(url.slice('sqlite:'.length));
    for (const pragma of pragmas) sqlite.pragma(pragma);
    if (!perBatch) note(`raw connection as the server's: ${pragmas.join(', ')}`);
    const statements = new Map();
    exec = async (sql, params) => {
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = sqlite.prepare(sql)));
      return st.reader ? st.all(params) : (st.run(params), []);
    };
    close = async () => sqlite.close();
  }
  const dates = dateSequence();
  let ms = 0;
  let count = 0;
  const timed = async (fn) => { const t0 = performance.now(); await fn(); ms += performance.now() - t0; };
  if (!perBatch) await timed(() => exec('begin', []));
  for (const batch of batches(INDICATORS, BATCH)) {
    const rows = rowsOf(batch, communityKey, dates);
    await timed(async () => {
      if (perBatch) await exec('begin', []);
      const objectsPer = rowsPerStatement(objectColumns.length);
      const pks = [];
      for (let i = 0; i < rows.length; i += objectsPer) {
        const chunk = rows.slice(i, i + objectsPer);
        const returned = await exec(insertSql('stix_objects', objectColumns, chunk.length, true), chunk.flatMap((r) => objectColumns.map((c) => r.object[c])));
        for (const r of returned) pks.push(r.pk);
        // The store's id lookup (src/modules/taxii/store.repository.ts): on SQLite the recent tier, moved into the main
        // one in key order each time the pks pass a multiple of RECENT_IDS; on PostgreSQL the main one.
        await exec(insertSql(postgres ? 'stix_ids' : 'stix_ids_recent', ['id_key', 'pk'], chunk.length, false), chunk.flatMap((r, k) => [r.object.id_key, returned[k].pk]));
        const high = returned[returned.length - 1].pk;
        if (!postgres && Math.floor(high / RECENT_IDS) > Math.floor((high - chunk.length) / RECENT_IDS)) {
          await exec('insert into stix_ids (id_key, pk) select id_key, pk from stix_ids_recent order by id_key, pk', []);
          await exec('delete from stix_ids_recent', []);
        }
      }
      const entriesPer = rowsPerStatement(entryColumns.length);
      for (let i = 0; i < rows.length; i += entriesPer) {
        const chunk = rows.slice(i, i + entriesPer);
        const params = chunk.flatMap((r, k) => entryColumns.map((c) => (c === 'object_pk' ? pks[i + k] : r.entry[c])));
        await exec(insertSql('taxii_entries', entryColumns, chunk.length, false), params);
      }
      if (perBatch) await exec('commit', []);
    });
    count += rows.length;
  }
  if (!perBatch) await timed(() => exec('commit', []));
  await close();
  return { count, ms };
}

// --- store level: addObjects in this process ---------------------------------------------------------------------------

async function storeLevel(db, communityId) {
  const ctx = { request: systemContext('en'), defaultTlp: 'amber' };
  let ms = 0;
  let count = 0;
  const started = performance.now();
  const times = [];
  let nextNote = OBJECTS / 5;
  for (const batch of batches(INDICATORS, BATCH)) {
    const t0 = performance.now();
    const { status } = await addObjects(db, ctx, communityId, batch);
    const took = performance.now() - t0;
    ms += took;
    times.push(took);
    if (status.success_count !== batch.length) throw new Error(`store refused objects: ${JSON.stringify(status.failures?.slice(0, 3))}`);
    count += batch.length;
    if (count >= nextNote) {
      nextNote += OBJECTS / 5;
      note(`store level: ${count.toLocaleString('en-US')} objects, ${rate(count, ms).trim()}`);
    }
  }
  return { count, ms, wallMs: performance.now() - started, batch: stats(times), rssMiB: process.memoryUsage().rss / 2 ** 20 };
}

// --- TAXII POST to the built server ------------------------------------------------------------------------------------

async function demoServerDatabase(kind, pgAdmin) {
  const { database, db, communityId } = await freshDatabase(kind, pgAdmin);
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  const demo = await seedDemo(db, { config }, { orgCount: 1000, withPasswords: false });
  await db.destroy();
  const coordinator = demo.taxiiTokens.find((t) => t.role.startsWith('coordinator'));
  return { database, communityId, token: coordinator.token };
}

async function taxiiPost(kind, pgAdmin, concurrency) {
  const { database, communityId, token } = await demoServerDatabase(kind, pgAdmin);
  const server = await startServer(database, { TAXII_MAX_CONTENT_LENGTH: String(256 * 2 ** 20) });
  try {
    await waitReady(server);
    const url = `${server.baseUrl}/taxii2/community/collections/${communityId}/objects/`;
    const headers = { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${token}` };
    const rss = sampleRss(server.pid);
    const envelopes = batches(HTTP_INDICATORS, ENVELOPE);
    const latencies = [];
    let count = 0;
    let nextNote = HTTP_INDICATORS * 2 / 5;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const { value: objects, done } = envelopes.next();
        if (done) return;
        const body = JSON.stringify({ objects });
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body });
        const status = await res.json();
        latencies.push(performance.now() - t0);
        if (res.status !== 202 || status.success_count !== objects.length) throw new Error(`POST answered ${res.status}: ${JSON.stringify(status).slice(0, 500)}`);
        count += objects.length;
        if (count >= nextNote) { nextNote += HTTP_INDICATORS * 2 / 5; note(`TAXII POST c=${concurrency}: ${count.toLocaleString('en-US')} objects, ${rate(count, performance.now() - started).trim()}, server RSS ${rss.peek().last.toFixed(0)} MiB`); }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    return { count, ms, latency: stats(latencies), rss: rss.stop(), clientCpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    await server.stop();
    await database.drop();
  }
}

// --- anshin stix import of a bundle file, in a child process ---------------------------------------------------------

async function writeBundleFile(path, megabytes) {
  const file = createWriteStream(path);
  const write = async (text) => { if (!file.write(text)) await once(file, 'drain'); };
  await write('{"type":"bundle","id":"bundle--6b1f0c52-1d1e-4c4b-9b7e-3d1f2a9c8e01","objects":[\n');
  let objects = 0;
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1e6; i += 500) {
    const text = objectsRange(i, i + 500, 7).map((o) => JSON.stringify(o)).join(',\n');
    await write(`${objects > 0 ? ',\n' : ''}${text}`);
    objects += 1000;
    bytes += text.length;
  }
  await write('\n]}\n');
  file.end();
  await once(file, 'finish');
  return { objects, bytes: statSync(path).size };
}

const MAX_RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\\n`))';

async function cliImport(kind, pgAdmin, file) {
  const { database, db } = await freshDatabase(kind, pgAdmin);
  await db.destroy();
  try {
    const child = spawn(process.execPath, ['--import', MAX_RSS_HOOK, MAIN, 'stix', 'import', '--collection', 'community', '--quiet', file], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database.url, DATA_DIR: database.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const t0 = performance.now();
    const [code] = await once(child, 'exit');
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`stix import exited ${code}: ${stdout}${stderr}`);
    return { ms, summary: stdout.split('\n')[0], maxRssMiB: Number(/maxRSS=(\d+)/.exec(stderr)?.[1]) / 1024 };
  } finally {
    await database.drop();
  }
}

// --- the run -----------------------------------------------------------------------------------------------------------

async function benchDatabase(kind, label, pgAdmin, cpu, bundles) {
  out(`${label}:`);
  let raw;
  if (!SKIP.has('raw')) {
    for (const perBatch of process.argv.includes('--raw-per-batch') ? [false, true] : [false]) {
      const fresh = await freshDatabase(kind, pgAdmin);
      await fresh.db.destroy();
      try {
        note(`${label}: raw inserts${perBatch ? ', a transaction per batch' : ', one transaction'}`);
        const r = await rawInserts(kind, fresh.database.url, fresh.communityKey, perBatch);
        if (!perBatch) raw = r;
        out(`  raw multi-row INSERTs (${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}), ${perBatch ? `a transaction per ${BATCH}  ` : 'one transaction        '}    ${rate(r.count, r.ms)}   (${(r.ms / 1000).toFixed(1)} s)`);
        if (perBatch) raw = { ...raw, perBatch: r };
      } finally {
        await fresh.database.drop();
      }
    }
  }
  let storeRate;
  if (!SKIP.has('store')) {
    const { database, db, communityId } = await freshDatabase(kind, pgAdmin);
    try {
      note(`${label}: store level`);
      const s = await storeLevel(db, communityId);
      storeRate = perSecond(s.count, s.ms);
      const perBatchRatio = raw?.perBatch ? `, ${ratio(perSecond(s.count, s.ms), perSecond(raw.perBatch.count, raw.perBatch.ms))} of raw (a transaction per batch)` : '';
      const vs = raw ? `  = ${ratio(perSecond(s.count, s.ms), perSecond(raw.count, raw.ms))} of raw (one transaction)${perBatchRatio}` : '';
      out(`  store level, addObjects in-process, ${BATCH} per call        ${rate(s.count, s.ms)}   (${(s.ms / 1000).toFixed(1)} s in addObjects, median call ${s.batch.median.toFixed(0)} ms, p95 ${s.batch.p95.toFixed(0)} ms)${vs}`);
      out(`                                                        wall, with generating the objects: ${rate(s.count, s.wallMs).trim()}; bench process RSS at the end ${s.rssMiB.toFixed(0)} MiB`);
    } finally {
      await db.destroy();
      await database.drop();
    }
  }
  if (!SKIP.has('http')) {
    for (const concurrency of [1, 2]) {
      note(`${label}: TAXII POST, concurrency ${concurrency}`);
      const h = await taxiiPost(kind, pgAdmin, concurrency);
      // Only comparable when both stored the same number of objects into an empty collection.
      const vsStore = storeRate && HTTP_INDICATORS === INDICATORS ? ` = ${ratio(perSecond(h.count, h.ms), storeRate)} of store level` : '';
      const size = HTTP_INDICATORS === INDICATORS ? '' : `, ${(HTTP_INDICATORS * 2).toLocaleString('en-US')} objects`;
      out(`  TAXII POST, ${ENVELOPE} objects per envelope, concurrency ${concurrency}${size}   ${rate(h.count, h.ms)}${vsStore}   (${(h.ms / 1000).toFixed(1)} s; request median ${h.latency.median.toFixed(0)} ms, p95 ${h.latency.p95.toFixed(0)} ms; server RSS max ${h.rss.max.toFixed(0)} MiB over ${h.rss.n} samples; client CPU ${(h.clientCpuMs / 1000).toFixed(1)} s)`);
    }
  }
  if (!SKIP.has('cli')) {
    for (const b of bundles) {
      note(`${label}: anshin stix import of ${(b.bytes / 1e6).toFixed(0)} MB`);
      const c = await cliImport(kind, pgAdmin, b.path);
      out(`  anshin stix import, ${(b.bytes / 1e6).toFixed(0).padStart(4)} MB bundle (${b.objects.toLocaleString('en-US')} objects)  ${rate(b.objects, c.ms)}   max RSS ${c.maxRssMiB.toFixed(0)} MiB  [${c.summary}]`);
    }
  }
}

out(`STIX ingest benchmark, node ${process.version}: ${INDICATORS.toLocaleString('en-US')} indicators + ${INDICATORS.toLocaleString('en-US')} observables = ${OBJECTS.toLocaleString('en-US')} objects; batches of ${BATCH}, envelopes of ${ENVELOPE}; load ${machineLoad()}`);
const cpu = cpuLimits();
const dir = mkdtempSync(join(tmpdir(), 'anshin-bench-bundle-'));
const bundles = [];
try {
  if (!SKIP.has('cli')) {
    for (const mb of [Math.max(1, Math.round(BUNDLE_MB / 10)), BUNDLE_MB]) {
      const path = join(dir, `bundle-${mb}mb.json`);
      bundles.push({ path, ...(await writeBundleFile(path, mb)) });
    }
  }
  if (ONLY !== 'postgres') await benchDatabase('sqlite', 'sqlite', null, cpu, bundles);
  if (ONLY !== 'sqlite') {
    const server = await postgresServer();
    if (server.skip) out(`postgres   SKIPPED: ${server.skip}; set BENCH_DATABASE_URL`);
    else await benchDatabase('postgres', `pg ${server.version.split(' ')[0]}`, server.adminUrl, cpu, bundles);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
out(`load at the end ${machineLoad()}`);
