// From "publish" to readable over TAXII: a demo community (1,000 organisations, so the k-anonymity search
// runs over a realistic population) on the built server; a member of the hospital files a report, the
// coordinator triages it, accepts every proposed redaction, then publishes TLP:GREEN to the community.
// Measured per advisory: the POST …/advisory round trip (compose, leak check, placement, ledger,
// notifications, one transaction) and the time from sending it until a member's TAXII client sees the
// report object with match[id]. Raw limit in the same run: a TAXII match[id] GET of an object already
// there (the cost of any authenticated TAXII request), and the redaction review round trip.
// Usage: npm run build && node bench/publication.mjs [--advisories 30] [--orgs 1000] [--only sqlite|postgres]
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sqliteDatabase, startServer, stats, waitReady } from './lib.mjs';
import { numberOption } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { seedDemo } = await import('../dist/demo/demo.js');
const { collectionIdFor } = await import('../dist/modules/taxii/collections.service.js');

const ADVISORIES = numberOption('advisories', 30);
const ORGS = numberOption('orgs', 1000);
const argValue = (name) => process.argv.find((a, i) => process.argv[i - 1] === `--${name}`) ?? process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ONLY = argValue('only');
const TAXII = 'application/taxii+json;version=2.1';
const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => process.stderr.write(`${line} (load ${machineLoad()})\n`);

async function prepare(database) {
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' });
  const db = connectDatabase(database.url);
  await migrateToLatest(db);
  const demo = await seedDemo(db, { config }, { orgCount: ORGS, withPasswords: false });
  const community = await collectionIdFor(db, 'community');
  await db.destroy();
  const token = (match) => demo.taxiiTokens.find((t) => match(t.role)).token;
  return { member: token((r) => r === 'member'), coordinator: token((r) => r.includes('coordinator')), hospital: demo.orgIds.hospital, community };
}

function client(baseUrl, token) {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: path.startsWith('/taxii2') ? TAXII : 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

const reportText = (i) => `さくら総合病院の田中さん（電話 06-1234-${String(1000 + i)}）が、電子カルテ端末 pc-${i}.sakura-hospital.example のファイル暗号化を発見。LockBit の身代金要求。通信先 203.0.${113 + Math.floor(i / 250)}.${i % 250}。`;

async function run(database) {
  const ids = await prepare(database);
  const server = await startServer(database);
  await waitReady(server);
  const member = client(server.baseUrl, ids.member);
  const desk = client(server.baseUrl, ids.coordinator);
  const publish = [];
  const readable = [];
  const review = [];
  const plainGet = [];
  let k = 0;
  for (let i = 0; i < ADVISORIES; i++) {
    const { id } = await member('POST', '/api/reports', { orgId: ids.hospital, text: reportText(i), answers: { category: 'ransomware' } });
    await member('POST', `/api/reports/${id}/submit`);
    await desk('POST', `/api/reports/${id}/state`, { state: 'triage' });
    let t = performance.now();
    const proposals = await desk('GET', `/api/reports/${id}/redactions`);
    review.push(performance.now() - t);
    await desk('POST', `/api/reports/${id}/redactions`, { version: proposals.version, decisions: proposals.redactions.map((r) => ({ id: r.id, decision: 'accepted' })) });
    const draft = await desk('GET', `/api/reports/${id}/advisory-draft`);
    const sent = performance.now();
    const published = await desk('POST', `/api/reports/${id}/advisory`, {
      title: { ja: `医療機関でのランサムウェア ${i}`, en: `Ransomware at a hospital ${i}` }, summary: { ja: '会員の医療機関で被害。', en: 'A member hospital was hit.' },
      tlp: 'green', audience: { kind: 'community' }, indicators: draft.indicators, malware: draft.malware, vulnerabilities: [], attackPatterns: [],
    });
    publish.push(performance.now() - sent);
    k = published.victim.k;
    const path = `/taxii2/community/collections/${ids.community}/objects/?match[id]=${published.stixReportId}`;
    for (;;) {
      const page = await member('GET', path);
      if (page.objects?.length) break;
    }
    readable.push(performance.now() - sent);
    t = performance.now();
    await member('GET', path);
    plainGet.push(performance.now() - t);
    if ((i + 1) % 10 === 0) log(`  ${database.name}: ${i + 1}/${ADVISORIES} advisories`);
  }
  await server.stop();
  await database.drop();
  const m = (values) => stats(values).median.toFixed(1);
  out(`${database.name}: ${ADVISORIES} advisories, ${ORGS}-organisation demo community, k achieved ${k}, load ${machineLoad()}`);
  out(`  publish (POST …/advisory) median ${m(publish)} ms, p95 ${stats(publish).p95.toFixed(1)} ms`);
  out(`  publish → readable over TAXII (match[id]) median ${m(readable)} ms, p95 ${stats(readable).p95.toFixed(1)} ms`);
  out(`  raw: one TAXII match[id] GET median ${m(plainGet)} ms; redaction review GET median ${m(review)} ms`);
}

if (ONLY !== 'postgres') await run(sqliteDatabase());
if (ONLY !== 'sqlite') {
  const server = await postgresServer();
  if (server.skip) out(`postgres: skipped: ${server.skip}`);
  else await run(await postgresDatabase(server.adminUrl));
}
