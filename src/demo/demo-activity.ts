// A year (or any number of months) of community activity for the demo and the benchmarks: incident
// reports with their first responses, the desk's advisories (STIX reports in the store, their rows and
// every audience organisation's notification) and members' sightings of the community's indicators.
// Rows are written with bulkInsert; the STIX objects through the store's one entrance. Deterministic for a seed.
// Not written: ledger entries and the STIX sighting objects in members' feeds (what the dashboards do not read).
import { randomUUID } from 'node:crypto';
import { systemContext } from '../auth/actor.js';
import type { Config } from '../config.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { Database } from '../db/database.js';
import { INCIDENT_CATEGORIES } from '../vocabulary/incident-categories.js';
import { deskIdentity } from '../modules/sharing/desk-identity.js';
import { collectionIdFor } from '../modules/taxii/collections.service.js';
import { addObjects } from '../modules/taxii/store.service.js';
import { prng } from './demo.js';

export interface ActivityOptions {
  months: number;
  seed?: number;
  now?: Date;
  /** Average reports per organisation and month (organisations differ around it). */
  reportsPerOrgMonth?: number;
  advisoriesPerMonth?: number;
  indicators?: number;
}

export interface ActivityCounts {
  reports: number;
  advisories: number;
  notifications: number;
  sightings: number;
  indicators: number;
}

const TLP_MARKING = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
} as const;
// More phishing than defacement, as communities see it.
const CATEGORY_WEIGHTS: Record<string, number> = { phishing: 22, fraud: 8, malware: 18, unauthorised_access: 14, ransomware: 10, data_leak: 8, dos: 6, defacement: 3, other: 6, unknown: 5 };
const HOUR = 3600_000;

export async function seedDemoActivity(db: Database, config: Config, options: ActivityOptions): Promise<ActivityCounts> {
  const random = prng(options.seed ?? 7);
  const now = options.now ?? new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - options.months + 1, 1)).getTime();
  const span = now.getTime() - start;
  const at = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
  const orgIds = (await db.selectFrom('organisations').select('id').where('status', '=', 'active').orderBy('id').execute()).map((o) => o.id);

  const indicators = await storeIndicators(db, config, options.indicators ?? 300, start);
  const reports = await insertReports(db, orgIds, { random, start, span, now, at, perOrgMonth: options.reportsPerOrgMonth ?? 1, months: options.months });
  const advisories = await insertAdvisories(db, config, orgIds, indicators, { random, start, span, at, count: Math.round((options.advisoriesPerMonth ?? 9) * options.months) });
  const sightings = await insertSightings(db, orgIds, indicators, { random, start, span, at });
  return { reports, advisories: advisories.advisories, notifications: advisories.notifications, sightings, indicators: indicators.length };
}

interface Clock { random: () => number; start: number; span: number; at: (ms: number) => string }

async function storeIndicators(db: Database, config: Config, count: number, start: number): Promise<string[]> {
  const desk = await deskIdentity(db, config);
  const created = new Date(start).toISOString();
  const objects = Array.from({ length: count }, (_, i) => ({
    type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created, modified: created, created_by_ref: desk.id,
    name: `Demo indicator ${i + 1}: 203.0.113.${i % 256}`, indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '198.${18 + Math.floor(i / 65536) % 2}.${Math.floor(i / 256) % 256}.${i % 256}']`, pattern_type: 'stix', valid_from: created,
    object_marking_refs: [TLP_MARKING.green],
  }));
  const community = await collectionIdFor(db, 'community');
  if (community) await addObjects(db, { request: systemContext('ja'), defaultTlp: config.defaultTlp }, community, [desk, ...objects]);
  return objects.map((o) => o.id);
}

function pickCategory(random: () => number): string {
  const total = Object.values(CATEGORY_WEIGHTS).reduce((s, w) => s + w, 0);
  let roll = random() * total;
  for (const category of INCIDENT_CATEGORIES) {
    roll -= CATEGORY_WEIGHTS[category] ?? 0;
    if (roll < 0) return category;
  }
  return 'unknown';
}

async function insertReports(db: Database, orgIds: readonly string[], c: Clock & { now: Date; perOrgMonth: number; months: number }): Promise<number> {
  const reports: Array<Record<string, unknown>> = [];
  const versions: Array<Record<string, unknown>> = [];
  for (const orgId of orgIds) {
    const rate = c.perOrgMonth * (0.2 + c.random() * 1.6); // some organisations report much more than others
    const n = Math.round(rate * c.months * (0.5 + c.random()));
    for (let i = 0; i < n; i++) {
      const submitted = c.start + c.random() * c.span;
      const age = c.now.getTime() - submitted;
      const open = age < 30 * 24 * HOUR;
      const state = open ? (['submitted', 'triage', 'in_progress', 'closed'] as const)[Math.floor(c.random() * 4)] : 'closed';
      const responded = state === 'submitted' ? null : c.at(submitted + (0.5 + c.random() * 40) * HOUR);
      const category = pickCategory(c.random);
      const id = randomUUID();
      const submittedAt = c.at(submitted);
      reports.push({
        id, org_id: orgId, created_by: null, state, outcome: state === 'closed' ? 'resolved' : null, assignee_id: null, category, draft_text: '',
        draft_answers: '{}', current_version: 1, aware_at: submittedAt, created_at: submittedAt, updated_at: responded ?? submittedAt, submitted_at: submittedAt,
        first_response_at: responded, closed_at: state === 'closed' ? c.at(submitted + 7 * 24 * HOUR) : null, published_at: null, publication_ref: null,
      });
      versions.push({ report_id: id, version: 1, kind: 'submission', text: `Demo report (${category})`, answers: JSON.stringify({ category }), note: '', created_by: null, created_at: submittedAt });
    }
  }
  await bulkInsert(db, 'reports', Object.keys(reports[0] ?? {}), reports);
  await bulkInsert(db, 'report_versions', Object.keys(versions[0] ?? {}), versions);
  return reports.length;
}

async function insertAdvisories(db: Database, config: Config, orgIds: readonly string[], indicatorIds: readonly string[], c: Clock & { count: number }) {
  const desk = await deskIdentity(db, config);
  const rows: Array<Record<string, unknown>> = [];
  const notes: Array<Record<string, unknown>> = [];
  const byAudience: Record<'public' | 'community', unknown[]> = { public: [], community: [] };
  for (let i = 0; i < c.count; i++) {
    const published = c.at(c.start + (c.span * (i + c.random())) / c.count);
    const tlp = c.random() < 0.3 ? 'clear' : 'green';
    const id = `report--${randomUUID()}`;
    const titleJa = `注意喚起 ${i + 1}: フィッシングとマルウェアの動向`;
    const titleEn = `Advisory ${i + 1}: phishing and malware activity`;
    const object = {
      type: 'report', spec_version: '2.1', id, created: published, modified: published, created_by_ref: desk.id, name: titleJa,
      description: '会員組織からの報告をもとに、観測された攻撃の手口と推奨される対策をまとめました。', published, report_types: ['threat-report'],
      object_refs: [indicatorIds[i % Math.max(1, indicatorIds.length)] ?? desk.id], object_marking_refs: [TLP_MARKING[tlp]],
    };
    if (tlp === 'clear') byAudience.public.push(object);
    byAudience.community.push(object);
    rows.push({
      id: randomUUID(), report_id: null, stix_report_id: id, title_ja: titleJa, title_en: titleEn, tlp,
      audience: JSON.stringify({ kind: tlp === 'clear' ? 'public' : 'community' }), victim: JSON.stringify({ k: 0 }), object_ids: JSON.stringify([id]), published_by: null, published_at: published,
    });
    for (const orgId of orgIds) notes.push({ id: randomUUID(), org_id: orgId, kind: 'advisory_published', ref_id: rows[rows.length - 1]?.id, stix_id: id, title_ja: titleJa, title_en: titleEn, created_at: published });
  }
  const store = { request: systemContext('ja'), defaultTlp: config.defaultTlp };
  for (const audience of ['public', 'community'] as const) {
    const collection = await collectionIdFor(db, audience);
    if (collection && byAudience[audience].length > 0) await addObjects(db, store, collection, byAudience[audience]);
  }
  await bulkInsert(db, 'advisories', Object.keys(rows[0] ?? {}), rows);
  await bulkInsert(db, 'org_notifications', Object.keys(notes[0] ?? {}), notes);
  return { advisories: rows.length, notifications: notes.length };
}

async function insertSightings(db: Database, orgIds: readonly string[], indicatorIds: readonly string[], c: Clock): Promise<number> {
  const rows: Array<Record<string, unknown>> = [];
  for (const [rank, indicatorId] of indicatorIds.entries()) {
    // A few indicators are seen everywhere, most by a handful (a Zipf-like tail).
    const seenBy = Math.min(orgIds.length, Math.floor((orgIds.length * 0.2) / (rank + 1) + c.random() * 4));
    const chosen = new Set<string>();
    while (chosen.size < seenBy) chosen.add(orgIds[Math.floor(c.random() * orgIds.length)] as string);
    for (const orgId of chosen) {
      const when = c.at(c.start + c.random() * c.span);
      rows.push({ indicator_id: indicatorId, org_id: orgId, sighting_id: `sighting--${randomUUID()}`, first_seen: when, last_seen: when, count: 1 + Math.floor(c.random() * 5), created_at: when, updated_at: when });
    }
  }
  if (rows.length > 0) await bulkInsert(db, 'correlation_sightings', Object.keys(rows[0] ?? {}), rows);
  return rows.length;
}
