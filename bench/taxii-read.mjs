// TAXII reads on a large collection: the community collection of a 1,000-organisation demo community filled with N
// indicators and their observables (2N objects, see stix-data.mjs; filled in-process through addObjects, the store's one
// entrance), then read over HTTP from the built server by a member with an API token (Bearer):
//   - paging through the whole collection with limit=1000, following X-TAXII-Date-Added-Last as added_after, and
//     following `next`: median and p95 page time (time to the last byte of the body), and that every object came once;
//   - match[id]=<one id> lookups of random objects, after 200 lookups of others as a warm-up: median and p95;
//   - the server's RSS (VmRSS of its process), sampled every 100 ms throughout.
// On PostgreSQL addObjects refreshes the planner's statistics (ANALYZE) as the store doubles, and the fill once more at
// the end, as autovacuum would: the reads are measured on an analysed database.
// Next to each, the raw limit measured the same way in the same run: the same page and lookup queries with the plain
// driver (better-sqlite3 / pg) on the same database, and JSON.parse of the same page bodies.
// Usage: npm run build && node bench/taxii-read.mjs [--objects N] [--lookups 1000] [--pages P] [--only sqlite|postgres] [--drain]
//        (N indicators, default 100000; the full run is 1000000. P caps the pages per paging mode; default: all.
//        --drain: the correlation index is brought up to date in-process before the server starts)
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sampleRss, sqliteDatabase, startServer, stats, waitReady } from './lib.mjs';
import { batches, numberOption, objectPair } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { seedDemo } = await import('../dist/demo/demo.js');
const { systemContext } = await import('../dist/auth/actor.js');
const { addObjects, STORE_TABLES } = await import('../dist/modules/taxii/store.service.js');
const { idKey } = await import('../dist/modules/taxii/id-key.js');
const { microsOf } = await import('../dist/modules/taxii/timestamps.js');
const { refreshPlannerStatistics } = await import('../dist/db/statistics.js');
const { drainIndex } = await import('../dist/modules/correlation/indexer.service.js');

const INDICATORS = numberOption('objects', 100_000);
const LOOKUPS = numberOption('lookups', 1000);
const WARM_LOOKUPS = 200;
const MAX_PAGES = numberOption('pages', Infinity);
const BATCH = 5000;
const LIMIT = 1000;
const argValue = (name) => process.argv.find((a, i) => process.argv[i - 1] === `--${name}`) ?? process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = argValue('only');
const DRAIN = process.argv.includes('--drain');
const TAXII = 'application/taxii+json;version=2.1';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line) => process.stderr.write(`  … ${line} (load ${machineLoad()})\n`);
const ms = (v) => `${v.toFixed(2)} ms`;
const line = (label, s, extra = '') => out(`  ${label.padEnd(46)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  (n=${s.n})${extra}`);

// Deterministic pseudo-random picks, so that every run looks up the same objects.
function picks(count, below, seed = 12345) {
  let a = seed;
  return Array.from({ length: count }, () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a % below;
  });
}

async function fill(kind, pgAdmin) {
  const database = kind === 'sqlite' ? sqliteDatabase() : await postgresDatabase(pgAdmin);
  const db = connectDatabase(database.url);
  try {
    await migrateToLatest(db);
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const demo = await seedDemo(db, { config }, { orgCount: 1000, withPasswords: false });
    const member = demo.taxiiTokens.find((t) => t.role === 'member');
    const { id } = await db.selectFrom('taxii_collections').select('id').where('alias', '=', 'community').executeTakeFirstOrThrow();
    const ctx = { request: systemContext('en'), defaultTlp: 'amber' };
    let count = 0;
    let spent = 0;
    for (const batch of batches(INDICATORS, BATCH)) {
      const t0 = performance.now();
      const { status } = await addObjects(db, ctx, id, batch);
      spent += performance.now() - t0;
      if (status.success_count !== batch.length) throw new Error(`store refused objects: ${JSON.stringify(status.failures?.slice(0, 3))}`);
      count += batch.length;
      if (count % 200_000 === 0) note(`filled ${count.toLocaleString('en-US')} objects`);
    }
    await refreshPlannerStatistics(db, STORE_TABLES);
    const total = Number((await db.selectFrom('taxii_entries').select((eb) => eb.fn.countAll().as('n')).where('collection_key', '=', sql`(select entry_key from taxii_collections where id = ${id})`).executeTakeFirstOrThrow()).n);
    out(`  filled through addObjects: ${count.toLocaleString('en-US')} objects in ${(spent / 1000).toFixed(1)} s (${Math.round(count / (spent / 1000)).toLocaleString('en-US')} objects/s); the collection holds ${total.toLocaleString('en-US')}`);
    if (DRAIN) {
      // The correlation index caught up before the server starts, as it would be some minutes after a bulk load;
      // without --drain the server's indexer works through the whole fill while the reads are measured.
      const t0 = performance.now();
      const { entries } = await drainIndex(db);
      out(`  correlation index drained before the reads: ${entries.toLocaleString('en-US')} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    return { database, collectionId: id, token: member.token, total };
  } finally {
    await db.destroy();
  }
}

async function get(url, headers) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const took = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return { took, body, res };
}

// Pages through the collection; `follow` makes the next URL from a page. Checks that every object comes once.
async function pageThrough(base, headers, follow, total) {
  const times = [];
  const seen = new Set();
  let url = `${base}?limit=${LIMIT}`;
  let bodyBytes = 0;
  let parseMs = 0;
  while (url && times.length < MAX_PAGES) {
    const { took, body, res } = await get(url, headers);
    times.push(took);
    const t0 = performance.now();
    const envelope = JSON.parse(body);
    parseMs += performance.now() - t0;
    bodyBytes += body.length;
    for (const o of envelope.objects ?? []) seen.add(o.id);
    url = envelope.more ? follow(res, envelope) : null;
    if (times.length % 500 === 0) note(`page ${times.length}`);
  }
  const complete = times.length < MAX_PAGES;
  if (complete && seen.size !== total) throw new Error(`paging saw ${seen.size} distinct objects, the collection holds ${total}`);
  return { times: stats(times), objects: seen.size, complete, parsePerPage: parseMs / times.length, bytesPerPage: bodyBytes / times.length };
}

// The server's own page and lookup queries, run with the plain driver on the same database.
async function rawQueries(kind, url, collectionId, addedAfterSamples, ids) {
  // As the server's entries.repository.ts writes them: the collection by its entry key, date_added in microseconds;
  // match[id] on SQLite in two steps (the versions' pks by id through both tiers of the id lookup, then the page
  // restricted to that list of pks), on PostgreSQL one query with the ids as a subquery.
  const pageSql = (p) => `select e.date_added, o.stix_id, o.version, e.spec_version, o.json from taxii_entries e join stix_objects o on o.pk = e.object_pk
    where e.collection_key = (select entry_key from taxii_collections where id = ${p(1)}) and e.date_added > ${p(2)} and e.is_latest = 1 order by e.date_added limit ${LIMIT + 1}`;
  const pksSql = (p, n = 1) => `select pk from stix_objects where pk in (select pk from stix_ids where id_key in (${p(n)})
    union all select pk from stix_ids_recent where id_key in (${p(n + 1)})) and stix_id in (${p(n + 2)})`;
  const lookupSql = (p, pks) => `select e.date_added, o.stix_id, o.version, e.spec_version, o.json from taxii_entries e join stix_objects o on o.pk = e.object_pk
    where e.collection_key = (select entry_key from taxii_collections where id = ${p(1)}) and e.object_pk in (${pks}) and e.is_latest = 1 order by e.date_added limit ${LIMIT + 1}`;
  addedAfterSamples = addedAfterSamples.map((text) => microsOf(text));
  const pageTimes = [];
  const lookupTimes = [];
  let bytes = 0;
  if (kind === 'sqlite') {
    const db = new Sqlite(url.slice('sqlite:'.length), { readonly: true });
    const page = db.prepare(pageSql(() => '?'));
    const pksOf = db.prepare(pksSql(() => '?')).pluck();
    const lookups = new Map();
    for (const after of addedAfterSamples) {
      const t0 = performance.now();
      const rows = page.all(collectionId, after);
      bytes += `[${rows.map((r) => r.json).join(',')}]`.length;
      pageTimes.push(performance.now() - t0);
    }
    for (const id of ids) {
      const t0 = performance.now();
      const pks = pksOf.all(idKey(id), idKey(id), id);
      const placeholders = pks.map(() => '?').join(',');
      if (!lookups.has(placeholders)) lookups.set(placeholders, db.prepare(lookupSql(() => '?', placeholders)));
      lookups.get(placeholders).all(collectionId, ...pks);
      lookupTimes.push(performance.now() - t0);
    }
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const p = (n) => `$${n}`;
    for (const after of addedAfterSamples) {
      const t0 = performance.now();
      const { rows } = await client.query({ name: 'page', text: pageSql(p), values: [collectionId, after] });
      bytes += `[${rows.map((r) => r.json).join(',')}]`.length;
      pageTimes.push(performance.now() - t0);
    }
    for (const id of ids) {
      const t0 = performance.now();
      await client.query({ name: 'lookup', text: lookupSql(p, pksSql(p, 2)), values: [collectionId, idKey(id), idKey(id), id] });
      lookupTimes.push(performance.now() - t0);
    }
    await client.end();
  }
  return { page: stats(pageTimes), lookup: stats(lookupTimes), bytesPerPage: bytes / pageTimes.length };
}

async function benchDatabase(kind, label, pgAdmin) {
  out(`${label}:`);
  note(`${label}: filling`);
  const { database, collectionId, token, total } = await fill(kind, pgAdmin);
  const server = await startServer(database);
  try {
    await waitReady(server);
    const rss = sampleRss(server.pid);
    const headers = { accept: TAXII, authorization: `Bearer ${token}` };
    const base = `${server.baseUrl}/taxii2/community/collections/${collectionId}/objects/`;
    for (let i = 0; i < 20; i++) await get(`${base}?limit=${LIMIT}`, headers); // warm-up

    note(`${label}: paging with added_after`);
    const addedAfters = [];
    const byDate = await pageThrough(base, headers, (res) => {
      const last = res.headers.get('x-taxii-date-added-last');
      addedAfters.push(last);
      return `${base}?limit=${LIMIT}&added_after=${encodeURIComponent(last)}`;
    }, total);
    note(`${label}: paging with next`);
    const byNext = await pageThrough(base, headers, (_res, envelope) => `${base}?limit=${LIMIT}&next=${encodeURIComponent(envelope.next)}`, total);
    const pagesNote = (p) => `  ${p.objects.toLocaleString('en-US')} objects${p.complete ? ', each once' : ` (first ${MAX_PAGES} pages)`}, ${(p.bytesPerPage / 1e6).toFixed(2)} MB a page; client JSON.parse ${ms(p.parsePerPage)} a page`;

    note(`${label}: match[id] lookups`);
    // Warm-up as for the pages: lookups of other objects first, so that the measured ones see a server that has run
    // this path (JIT, each pooled connection's prepared statement) rather than a fresh one.
    for (const i of picks(WARM_LOOKUPS, INDICATORS, 54321)) await get(`${base}?match[id]=${encodeURIComponent(objectPair(i)[0].id)}`, headers);
    const ids = picks(LOOKUPS, INDICATORS).map((i, k) => objectPair(i)[k % 2].id);
    const lookups = [];
    for (const id of ids) {
      const { took, body } = await get(`${base}?match[id]=${encodeURIComponent(id)}`, headers);
      if (!body.includes(id)) throw new Error(`match[id]=${id} did not return the object`);
      lookups.push(took);
    }
    // What any request costs on this server, for scale: no database (/healthz), and token authentication (TAXII discovery).
    const floor = [];
    const discovery = [];
    for (let i = 0; i < 300; i++) floor.push((await get(`${server.baseUrl}/healthz`, {})).took);
    for (let i = 0; i < 300; i++) discovery.push((await get(`${server.baseUrl}/taxii2/`, headers)).took);
    const memory = rss.stop();

    note(`${label}: raw queries`);
    const raw = await rawQueries(kind, database.url, collectionId, picks(Math.min(500, addedAfters.length), addedAfters.length).map((k) => addedAfters[k]), ids);
    const versus = (s, r) => `   raw ${ms(r.median)} → ${(s.median / r.median).toFixed(1)}× raw`;

    line(`GET objects limit=${LIMIT}, following added_after`, byDate.times, versus(byDate.times, raw.page));
    out(pagesNote(byDate));
    line(`GET objects limit=${LIMIT}, following next`, byNext.times, versus(byNext.times, raw.page));
    out(pagesNote(byNext));
    line('GET objects match[id]=<one id>', stats(lookups), versus(stats(lookups), raw.lookup));
    line('GET /healthz (no database, no sign-in)', stats(floor));
    line('GET /taxii2/ (Bearer token checked)', stats(discovery));
    out(`  raw (${kind === 'sqlite' ? 'better-sqlite3' : 'pg'}, same SQL, page joined as text): page median ${ms(raw.page.median)} p95 ${ms(raw.page.p95)} (n=${raw.page.n}); lookup median ${ms(raw.lookup.median)} p95 ${ms(raw.lookup.p95)} (n=${raw.lookup.n})`);
    out(`  server RSS: max ${memory.max.toFixed(0)} MiB, at the end ${memory.last.toFixed(0)} MiB (${memory.n} samples every 100 ms)`);
  } finally {
    await server.stop();
    await database.drop();
  }
}

out(`TAXII read benchmark, node ${process.version}: ${INDICATORS.toLocaleString('en-US')} indicators + their observables in the community collection; load ${machineLoad()}`);
if (ONLY !== 'postgres') await benchDatabase('sqlite', 'sqlite', null);
if (ONLY !== 'sqlite') {
  const server = await postgresServer();
  if (server.skip) out(`postgres   SKIPPED: ${server.skip}; set BENCH_DATABASE_URL`);
  else await benchDatabase('postgres', `pg ${server.version.split(' ')[0]}`, server.adminUrl);
}
out(`load at the end ${machineLoad()}`);
