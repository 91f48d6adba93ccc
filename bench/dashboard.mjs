// Dashboard API response times with a year of data for a community of 1,000 organisations (the demo
// generator: `anshin demo generate` writes the same), on the built server: the member home, the
// coordinator home and the community picture, each requested sequentially; the median is the figure
// (target: under 100 ms on SQLite). Raw comparison in the same run: GET /api/notifications, an existing
// read of similar size (a floor for any authenticated JSON request). Then the public page's first
// contentful paint in headless Chromium with 4x CPU throttling and a slow network profile (CDP).
// Usage: npm run build && node bench/dashboard.mjs [--orgs 1000] [--months 12] [--requests 30] [--only sqlite|postgres]
import { chromium } from 'playwright-core';
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sqliteDatabase, startServer, stats, waitReady } from './lib.mjs';
import { numberOption } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { seedDemo } = await import('../dist/demo/demo.js');
const { seedDemoActivity } = await import('../dist/demo/demo-activity.js');
const { drainIndex } = await import('../dist/modules/correlation/indexer.service.js');

const ORGS = numberOption('orgs', 1000);
const MONTHS = numberOption('months', 12);
const REQUESTS = numberOption('requests', 30);
const argValue = (name) => process.argv.find((a, i) => process.argv[i - 1] === `--${name}`) ?? process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = argValue('only');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => process.stderr.write(`${line} (load ${machineLoad()})\n`);
const ms = (x) => `${x.toFixed(1)} ms`;

async function prepare(database) {
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' });
  const db = connectDatabase(database.url);
  await migrateToLatest(db);
  const started = performance.now();
  const demo = await seedDemo(db, { config }, { orgCount: ORGS, withPasswords: false });
  const counts = await seedDemoActivity(db, config, { months: MONTHS });
  await drainIndex(db); // what the server's background indexer does: campaign candidates for the coordinator home
  const seconds = (performance.now() - started) / 1000;
  await db.destroy();
  const token = (match) => demo.taxiiTokens.find((t) => match(t.role)).token;
  return { member: token((r) => r === 'member'), coordinator: token((r) => r.includes('coordinator')), counts, seconds };
}

async function timeRequests(baseUrl, token, path) {
  const times = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    if (i >= 3) times.push(performance.now() - started); // three warm-up requests
  }
  return stats(times);
}

// Slow 4G-like profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; CPU 4x slower.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function publicPaint(baseUrl) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const paints = [];
  let bytes = 0;
  try {
    for (let i = 0; i < 5; i++) {
      // JavaScript stays on only so that the measurement can be read: the page itself has no script.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let total = 0;
      cdp.on('Network.loadingFinished', (e) => (total += e.encodedDataLength));
      await page.goto(`${baseUrl}/public`, { waitUntil: 'load' });
      // The paint entry is recorded after the frame is presented, which can come after the load event.
      const handle = await page.waitForFunction(() => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime, undefined, { timeout: 15_000 });
      const fcp = await handle.jsonValue();
      if (fcp === undefined) throw new Error('no first-contentful-paint entry');
      paints.push(fcp);
      bytes = total;
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { fcp: stats(paints), bytes };
}

async function run(database) {
  log(`${database.name}: generating ${ORGS} organisations, ${MONTHS} months`);
  const data = await prepare(database);
  log(`${database.name}: generated in ${data.seconds.toFixed(1)} s: ${JSON.stringify(data.counts)}`);
  const server = await startServer(database, { PUBLIC_PAGE: 'true' });
  try {
    await waitReady(server);
    const results = {
      'member home (GET /api/dashboards/member)': await timeRequests(server.baseUrl, data.member, '/api/dashboards/member'),
      'coordinator home (GET /api/dashboards/coordinator)': await timeRequests(server.baseUrl, data.coordinator, '/api/dashboards/coordinator'),
      'community picture, 12 months (GET /api/dashboards/community)': await timeRequests(server.baseUrl, data.member, '/api/dashboards/community?months=12'),
      'raw: GET /api/notifications (member)': await timeRequests(server.baseUrl, data.member, '/api/notifications'),
    };
    out(`\n## ${database.name}: ${ORGS} organisations, ${MONTHS} months — ${JSON.stringify(data.counts)} (generated in ${data.seconds.toFixed(1)} s)`);
    out('| request | median | p95 | min | max | n |');
    out('|---|---|---|---|---|---|');
    for (const [name, s] of Object.entries(results)) out(`| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} | ${ms(s.max)} | ${s.n} |`);
    log(`${database.name}: API measured`);
    if (database.name === 'sqlite') {
      const paint = await publicPaint(server.baseUrl);
      out(`\nPublic page, Chromium, 390x844, CPU throttled 4x, 150 ms RTT / 1.6 Mbit/s: first contentful paint median ${ms(paint.fcp.median)} (min ${ms(paint.fcp.min)}, max ${ms(paint.fcp.max)}, n ${paint.fcp.n}); ${paint.bytes} bytes transferred`);
    }
  } finally {
    await server.stop();
  }
}

out(`# bench/dashboard.mjs — ${new Date().toISOString()}, load ${machineLoad()}`);
if (ONLY !== 'postgres') {
  const database = sqliteDatabase();
  try { await run(database); } finally { await database.drop(); }
}
if (ONLY !== 'sqlite' && (process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL || ONLY === 'postgres')) {
  const pgServer = await postgresServer();
  if (pgServer.skip) out(`\nPostgreSQL skipped: ${pgServer.skip}`);
  else {
    const database = await postgresDatabase(pgServer.adminUrl);
    try { await run(database); } finally { await database.drop(); }
  }
}
