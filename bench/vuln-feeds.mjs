// Issue 20 at real size: an NVD CVE JSON 2.0 file of --cves records with --criteria cpeMatch criteria in all (generated
// in the real shape, streamed to disk), imported with the service `anshin feeds import` uses, on SQLite and PostgreSQL;
// then --orgs organisations with --assets assets each matched in full; then an incremental file of --changed CVEs
// (later lastModified, moved ranges) imported and re-matched as the CLI does (only the assets the changed CVEs concern,
// then checked against a full re-match); then a member's findings page (the service behind
// GET /api/orgs/:orgId/findings), median of 50. Time and peak resident memory (getrusage maxRSS) per step.
// Run after `npm run build:server`:
//   node bench/vuln-feeds.mjs [--cves 300000] [--criteria 2000000] [--vendors 20000] [--orgs 1000] [--assets 10] [--changed 1000] [--only sqlite|postgres]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { postgresDatabase, postgresServer, sqliteDatabase, stats } from './lib.mjs';

const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { importFeedFileAsOperator } = await import('../dist/modules/vulns/feeds-import.service.js');
const { matchAllAsOperator, matchChangedAsOperator } = await import('../dist/modules/vulns/matcher.service.js');
const { listFindings } = await import('../dist/modules/vulns/findings.service.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const CVES = Number(arg('cves', 300_000));
const CRITERIA = Number(arg('criteria', 2_000_000));
const ORGS = Number(arg('orgs', 1000));
const ASSETS = Number(arg('assets', 10));
const CHANGED = Number(arg('changed', 1000));
const ONLY = arg('only', '');
// NVD names some 30,000 vendors and 200,000 products; the generated base has --vendors × 5 (default 100,000 products).
const VENDORS = Number(arg('vendors', 20_000));
const PRODUCTS = 5; // per vendor

const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);

// A deterministic generator (no Math.random: two runs import the same file).
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (n) => Math.floor(rand() * n);
const vendorOf = (v) => `vendor${v}`;
const productOf = (v, p) => `product${v}_${p}`;

function criterion(v, p, shift = 0) {
  const major = 1 + pick(9);
  const minor = pick(10);
  const start = `${major}.${minor}.0`;
  const end = `${major}.${minor}.${1 + pick(20) + shift}`;
  return { vulnerable: true, criteria: `cpe:2.3:a:${vendorOf(v)}:${productOf(v, p)}:*:*:*:*:*:*:*:*`, versionStartIncluding: start, versionEndExcluding: end, matchCriteriaId: randomUUID() };
}

function cveRecord(i, perCve, modified, shift = 0) {
  const v = i % VENDORS;
  const matches = [];
  for (let k = 0; k < perCve; k++) matches.push(criterion(v, pick(PRODUCTS), shift));
  return {
    cve: {
      id: `CVE-2099-${String(100000 + i)}`, sourceIdentifier: 'bench@example.org', published: '2024-01-01T00:00:00.000', lastModified: modified,
      vulnStatus: 'Analyzed', descriptions: [{ lang: 'en', value: `A generated vulnerability ${i} in ${productOf(v, 0)} lets a remote attacker run code.` }],
      metrics: { cvssMetricV31: [{ source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, baseSeverity: 'CRITICAL' } }] },
      configurations: [{ nodes: [{ operator: 'OR', negate: false, cpeMatch: matches }] }],
      references: [{ url: `https://example.org/advisory/${i}`, source: 'bench@example.org' }],
    },
  };
}

async function writeNvd(path, ids, modified, shift) {
  const out = createWriteStream(path);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`{"resultsPerPage":${ids.length},"startIndex":0,"totalResults":${ids.length},"format":"NVD_CVE","version":"2.0","timestamp":"2026-12-07T00:00:00.000","vulnerabilities":[`);
  let given = 0;
  for (const [n, i] of ids.entries()) {
    // Spread the criteria evenly: record n gets its share of the total.
    const perCve = Math.floor(((n + 1) * CRITERIA) / CVES) - Math.floor((n * CRITERIA) / CVES);
    given += perCve;
    await write(`${n ? ',' : ''}${JSON.stringify(cveRecord(i, Math.max(1, perCve), modified, shift))}`);
  }
  await write(']}');
  out.end();
  await once(out, 'finish');
  return given;
}

async function seedOrgsAndAssets(db) {
  seed = 4242; // the same assets on both databases: their findings must agree
  const now = new Date().toISOString();
  const orgIds = [];
  for (let o = 0; o < ORGS; o++) {
    const id = randomUUID();
    orgIds.push(id);
    await db.insertInto('organisations').values({
      id, name_ja: `組織 ${o}`, name_en: `Org ${o}`, aliases: '[]', sector: 'jsic-e', size_band: '21-100', prefecture: '13', status: 'active', contacts: '[]', created_at: now, updated_at: now,
    }).execute();
    const rows = [];
    for (let a = 0; a < ASSETS; a++) {
      const v = pick(VENDORS);
      const p = pick(PRODUCTS);
      rows.push({
        id: randomUUID(), org_id: id, category: 'business_software', vendor: vendorOf(v), product: productOf(v, p), version: `${1 + pick(9)}.${pick(10)}.${pick(25)}`,
        cpe: null, purl: null, internet_facing: a === 0 ? 1 : 0, exposed_address: null, owner: '', notes: '', share_with_desk: 0, created_by: null, updated_by: null, created_at: now, updated_at: now,
      });
    }
    await db.insertInto('assets').values(rows).execute();
  }
  return orgIds;
}

async function run(database, files) {
  const db = connectDatabase(database.url);
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  const deps = { config, mailer: { flush: async () => {} } };
  try {
    await migrateToLatest(db);
    let t = performance.now();
    const full = await importFeedFileAsOperator(db, files.full);
    const importMs = performance.now() - t;
    const criteria = Number((await db.selectFrom('vuln_cpe_criteria').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    console.log(`${database.name}: full import ${full.outcome} ${full.added} CVEs, ${criteria} criteria in ${(importMs / 1000).toFixed(1)} s; peak RSS so far ${rssMb()} MB`);
    const orgIds = await seedOrgsAndAssets(db);
    t = performance.now();
    const match = await matchAllAsOperator(db, deps);
    const matchMs = performance.now() - t;
    console.log(`${database.name}: full match of ${match.assets} assets (${match.organisations} orgs): ${(matchMs / 1000).toFixed(1)} s, ${match.added} findings; peak RSS ${rssMb()} MB`);
    // The incremental file, matched as `anshin feeds import` does after NVD files: only the assets the changed CVEs concern.
    const since = new Date().toISOString();
    t = performance.now();
    const inc = await importFeedFileAsOperator(db, files.changed);
    const incImportMs = performance.now() - t;
    t = performance.now();
    const rematch = await matchChangedAsOperator(db, deps, since);
    const rematchMs = performance.now() - t;
    console.log(`${database.name}: incremental ${inc.updated} changed CVEs imported in ${incImportMs.toFixed(0)} ms, re-match of the ${rematch.assets} assets they concern ${rematchMs.toFixed(0)} ms (${rematch.added} new, ${rematch.closed} gone)`);
    t = performance.now();
    const check = await matchAllAsOperator(db, deps);
    console.log(`${database.name}: a full re-match afterwards found nothing more to do: ${check.added === 0 && check.closed === 0 && check.reopened === 0} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    // A member's findings page: the organisation with the most findings.
    const busiest = await db.selectFrom('vuln_findings').select(['org_id', (eb) => eb.fn.countAll().as('n')]).groupBy('org_id').orderBy('n', 'desc').executeTakeFirst();
    const orgId = busiest?.org_id ?? orgIds[0];
    const ctx = { actor: { kind: 'user', userId: randomUUID(), email: 'm@example.org', locale: 'ja', platformRoles: new Set(), orgRoles: new Map([[orgId, 'member']]), activeOrgIds: new Set([orgId]), via: 'session', scopes: new Set(['read', 'write']), sessionId: null, mfaEnrollmentRequired: false }, requestId: null, ip: null, locale: 'ja' };
    const times = [];
    let shown = 0;
    for (let k = 0; k < 50; k++) {
      t = performance.now();
      const page = await listFindings(db, ctx, orgId, {});
      times.push(performance.now() - t);
      shown = page.findings.length;
    }
    console.log(`${database.name}: findings page (${shown} findings) median ${stats(times).median.toFixed(1)} ms, p95 ${stats(times).p95.toFixed(1)} ms`);
  } finally {
    await db.destroy();
    await database.drop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'anshin-vulnbench-'));
try {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${CVES} CVEs, ${CRITERIA} criteria, ${ORGS} orgs × ${ASSETS} assets, ${CHANGED} changed`);
  const files = { full: join(dir, 'nvd-full.json'), changed: join(dir, 'nvd-changed.json') };
  let t = performance.now();
  const given = await writeNvd(files.full, Array.from({ length: CVES }, (_, i) => i), '2024-06-01T00:00:00.000', 0);
  console.log(`generated ${files.full}: ${mb(statSync(files.full).size)} MB, ${given} criteria, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  seed = 999;
  // The changed CVEs spread over the base (a prime stride: they fall on as many vendors as they can, as real updates do).
  await writeNvd(files.changed, Array.from({ length: CHANGED }, (_, i) => (i * 7919) % CVES), '2025-06-01T00:00:00.000', 5);
  if (ONLY !== 'postgres') await run(sqliteDatabase(), files);
  if (ONLY !== 'sqlite') {
    const server = await postgresServer();
    if (server.skip) console.log(`postgres: skipped: ${server.skip}`);
    else await run(await postgresDatabase(server.adminUrl), files);
  }
  console.log(`peak RSS of the whole run ${rssMb()} MB; load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
