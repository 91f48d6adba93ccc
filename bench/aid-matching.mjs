// Mutual aid (issue 5), in-process against dist/, on a fresh database per engine:
//   rank    rankResponders for one request among --responders vetted responders (1,000) with --offers answered past
//           offers (20,000) behind the response-time medians: the ranked list a coordinator opens;
//   create  createRequest as a member: the request, its checklist, the ranking and the automatic offers to the top 3
//           with their notifications and mails, in one transaction (what POST /api/aid/requests costs besides HTTP);
//   raw     the two plain SELECTs the ranking reads (vetted responders, answered offers), for the floor.
// Usage: npm run build && node bench/aid-matching.mjs [--responders 1000] [--offers 20000] [--runs 50] [--only sqlite|postgres]
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { machineLoad, postgresDatabase, postgresServer, requireBuild, sqliteDatabase, stats } from './lib.mjs';
import { numberOption } from './stix-data.mjs';

requireBuild();
const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { loadConfig } = await import('../dist/config.js');
const { rankResponders } = await import('../dist/modules/aid/aid-matching.service.js');
const { createRequest } = await import('../dist/modules/aid/aid-requests.service.js');

const RESPONDERS = numberOption('responders', 1000);
const OFFERS = numberOption('offers', 20_000);
const RUNS = numberOption('runs', 50);
const ONLY = process.argv.find((a, i) => process.argv[i - 1] === '--only');
const SKILLS = ['triage', 'forensics', 'malware_analysis', 'recovery', 'network', 'cloud', 'identity', 'ot_ics', 'legal', 'communications', 'insurance_claims'];
const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v) => `${v.toFixed(2)} ms`;
const line = (label, s) => `  ${label.padEnd(40)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  (n=${s.n})`;

async function insertChunked(db, table, rows) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200)).execute();
}

async function seed(db) {
  const now = new Date().toISOString();
  const orgId = randomUUID();
  await db.insertInto('organisations').values({ id: orgId, name_ja: '診療所', name_en: 'Clinic', aliases: '[]', sector: 'jsic-p', size_band: '1-20', prefecture: '13', status: 'active', contacts: '[]', created_at: now, updated_at: now }).execute();
  const user = (id) => ({ id, email: `${id}@bench.example`, display_name: id.slice(0, 8), locale: 'ja', password_hash: null, status: 'active', totp_secret: null, totp_pending_secret: null, created_at: now, updated_at: now });
  const memberId = randomUUID();
  const responderUsers = Array.from({ length: RESPONDERS }, () => randomUUID());
  await insertChunked(db, 'users', [user(memberId), ...responderUsers.map(user)]);
  await db.insertInto('memberships').values({ user_id: memberId, org_id: orgId, role: 'member', created_at: now }).execute();
  const responders = responderUsers.map((userId, i) => ({
    id: randomUUID(), user_id: userId, kind: 'individual', org_id: null, display_name: `R${i}`, skills: JSON.stringify(SKILLS.filter((_, j) => (i + j) % 3 === 0)),
    languages: i % 5 ? '["ja"]' : '["ja","en"]', prefectures: JSON.stringify([String((i % 47) + 1).padStart(2, '0')]), on_site: i % 2, certifications: '[]',
    capacity: 1000, available: 1, hours: '', service_type: 'volunteer', price_terms: '', vetting: 'vetted', vetted_by: null, vetted_at: now, created_at: now, updated_at: now,
  }));
  await insertChunked(db, 'aid_responders', responders);
  // Past requests, each with answered offers, for the response-time medians.
  const requests = Array.from({ length: Math.ceil(OFFERS / 4) }, () => ({
    id: randomUUID(), org_id: orgId, created_by: memberId, report_id: null, skills: '[]', urgency: 'normal', on_site: 0, prefecture: '13', language: 'ja',
    category: 'other', description: 'past', status: 'cancelled', responder_id: null, created_at: now, updated_at: now, due_at: now, escalated_at: null,
    assigned_at: null, acknowledged_at: null, closed_at: now, outcome: null, rating: null, feedback: null,
  }));
  await insertChunked(db, 'aid_requests', requests);
  const offers = Array.from({ length: OFFERS }, (_, i) => ({
    id: randomUUID(), request_id: requests[Math.floor(i / 4)].id, responder_id: responders[(i * 7) % RESPONDERS].id, status: 'declined', score: 50, reasons: '[]',
    offered_by: null, offered_at: now, answered_at: new Date(Date.parse(now) + (i % 300) * 60_000).toISOString(), decline_reason: 'no_capacity', decline_text: '',
  }));
  const seen = new Set();
  await insertChunked(db, 'aid_offers', offers.filter((o) => !seen.has(`${o.request_id} ${o.responder_id}`) && seen.add(`${o.request_id} ${o.responder_id}`)));
  const actor = { kind: 'user', userId: memberId, email: 'm@bench.example', locale: 'ja', platformRoles: new Set(), orgRoles: new Map([[orgId, 'member']]), via: 'session', scopes: new Set(), sessionId: null, mfaEnrollmentRequired: false };
  return { orgId, ctx: { actor, requestId: null, ip: null, locale: 'ja' }, sample: requests[0] };
}

async function time(fn) {
  const values = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(i);
    values.push(performance.now() - start);
  }
  return stats(values);
}

async function run(database) {
  const db = connectDatabase(database.url);
  try {
    await migrateToLatest(db);
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const { orgId, ctx, sample } = await seed(db);
    process.stderr.write(`  … ${database.name}: seeded ${RESPONDERS} responders, ${OFFERS} offers (load ${machineLoad()})\n`);
    const need = { ...sample, skills: '["recovery","forensics"]', on_site: 1, status: 'open' };
    const rank = await time(() => rankResponders(db, need));
    const raw = await time(async () => {
      await sql`select * from aid_responders where vetting = 'vetted'`.execute(db);
      await sql`select responder_id, offered_at, answered_at from aid_offers where answered_at is not null`.execute(db);
    });
    const deps = { config, mailer: { flush: async () => {} } };
    const input = { orgId, skills: ['recovery', 'forensics'], urgency: 'critical', onSite: true, prefecture: '13', language: 'ja', category: 'ransomware', description: '暗号化されました' };
    const create = await time(() => createRequest(db, deps, ctx, input));
    out(`${database.name}: ${RESPONDERS} vetted responders, ${OFFERS} answered offers, ${RUNS} runs each`);
    out(line('rank (rankResponders)', rank));
    out(line('raw (the two SELECTs it reads)', raw));
    out(line('create (createRequest, auto-offer top 3)', create));
  } finally {
    await db.destroy();
    await database.drop();
  }
}

if (ONLY !== 'postgres') await run(sqliteDatabase());
if (ONLY !== 'sqlite') {
  const server = await postgresServer();
  if (server.skip) out(`postgres: skipped: ${server.skip}`);
  else await run(await postgresDatabase(server.adminUrl));
}
