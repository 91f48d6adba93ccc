// The dashboards' own reads: aggregates over reports, advisories and sightings, the visit marker and
// the public collection's advisories. Lists that other features already serve are read through them.
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Audience } from '../stix/tlp.js';
import { pksOfIds } from '../taxii/store.repository.js';

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export interface IncidentRow {
  month: string;
  category: string;
  sector: string;
  size_band: string;
  org_id: string;
  reports: number;
}

export interface PeriodReport {
  org_id: string;
  category: string;
  submitted_at: string;
  first_response_at: string | null;
}

/** The reports submitted in [from, to), four columns each (a covering index): what the statistics are made of. */
export async function periodReports(db: Database, from: string, to: string, orgIds?: readonly string[]): Promise<PeriodReport[]> {
  if (orgIds && orgIds.length === 0) return [];
  let query = db.selectFrom('reports').select(['org_id', 'category', 'submitted_at', 'first_response_at'])
    .where('submitted_at', '>=', from).where('submitted_at', '<', to);
  if (orgIds) query = query.where('org_id', 'in', orgIds);
  return (await query.execute()) as PeriodReport[];
}

/** Every organisation's sector and size band (a community has hundreds to a few thousand). */
export async function orgProfiles(db: Database): Promise<Map<string, { sector: string; size_band: string }>> {
  const rows = await db.selectFrom('organisations').select(['id', 'sector', 'size_band']).execute();
  return new Map(rows.map((r) => [r.id, { sector: r.sector, size_band: r.size_band }]));
}

/** Published advisories per month and TLP in [from, to): the desk's own publications. */
export async function advisoryCounts(db: Database, from: string, to: string): Promise<Array<{ month: string; tlp: string; advisories: number }>> {
  const rows = await db.selectFrom('advisories')
    .select([month('published_at').as('month'), 'tlp', (eb) => eb.fn.countAll<number>().as('advisories')])
    .where('published_at', '>=', from).where('published_at', '<', to)
    .groupBy([month('published_at'), 'tlp']).execute();
  return rows.map((r) => ({ ...r, advisories: Number(r.advisories) }));
}

/**
 * The indicators most organisations sighted (updated in [from, to)), at least `minOrgs` of them, among
 * the indicators held by collections of the given audiences (what every member can read).
 */
export async function topSighted(db: Database, input: { from: string; to: string; minOrgs: number; audiences: readonly Audience[]; limit: number }) {
  const candidates = await db.selectFrom('correlation_sightings')
    .select(['indicator_id', (eb) => eb.fn.countAll<number>().as('orgs')])
    .where('updated_at', '>=', input.from).where('updated_at', '<', input.to)
    .groupBy('indicator_id')
    .having((eb) => eb.fn.countAll(), '>=', input.minOrgs)
    .orderBy((eb) => eb.fn.countAll(), 'desc').orderBy('indicator_id')
    .limit(input.limit * 4).execute();
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.indicator_id);
  const readable = new Set((await db.selectFrom('stix_objects as o')
    .innerJoin('taxii_entries as e', 'e.object_pk', 'o.pk')
    .innerJoin('taxii_collections as c', 'c.entry_key', 'e.collection_key')
    .select('o.stix_id').distinct()
    .where('o.pk', 'in', pksOfIds(db, ids)).where('o.stix_id', 'in', ids).where('c.audience', 'in', [...input.audiences])
    .execute()).map((r) => r.stix_id));
  return candidates.filter((c) => readable.has(c.indicator_id)).slice(0, input.limit)
    .map((r) => ({ indicatorId: r.indicator_id, orgs: Number(r.orgs) }));
}

/** The organisations' own sightings, newest first. */
export async function sightingsOf(db: Database, orgIds: readonly string[], limit: number, range?: { from: string; to: string }) {
  if (orgIds.length === 0) return [];
  let query = db.selectFrom('correlation_sightings').selectAll().where('org_id', 'in', orgIds);
  if (range) query = query.where('updated_at', '>=', range.from).where('updated_at', '<', range.to);
  return query.orderBy('updated_at', 'desc').orderBy('indicator_id').limit(limit).execute();
}

/** The latest version's name of each STIX object (null when it has none). */
export async function stixNames(db: Database, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('stix_objects').select(['stix_id', 'version_key', 'json'])
    .where('pk', 'in', pksOfIds(db, unique)).where('stix_id', 'in', unique).execute();
  const latest = new Map<string, { key: string; name: string | null }>();
  for (const row of rows) {
    const seen = latest.get(row.stix_id);
    if (seen && seen.key >= row.version_key) continue;
    const name = (JSON.parse(row.json) as { name?: unknown }).name;
    latest.set(row.stix_id, { key: row.version_key, name: typeof name === 'string' ? name : null });
  }
  return new Map([...latest].map(([id, v]) => [id, v.name]));
}

/** Undecided redaction proposals of each report's current version. */
export async function undecidedRedactions(db: Database, reportIds: readonly string[]): Promise<Map<string, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.selectFrom('report_redactions as rr').innerJoin('reports as r', (j) => j.onRef('r.id', '=', 'rr.report_id').onRef('r.current_version', '=', 'rr.report_version'))
    .select(['rr.report_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('rr.report_id', 'in', [...reportIds]).where('rr.decision', 'is', null)
    .groupBy('rr.report_id').execute();
  return new Map(rows.map((r) => [r.report_id, Number(r.n)]));
}

export async function countActiveOrgs(db: Database): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks a visit; returns the previous visit's time (null on the first). */
export async function findVisit(db: Database, userId: string) {
  return db.selectFrom('dashboard_visits').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveVisit(db: Database, row: { user_id: string; last_visit_at: string; previous_visit_at: string | null }): Promise<void> {
  await db.insertInto('dashboard_visits').values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_visit_at: row.last_visit_at, previous_visit_at: row.previous_visit_at })).execute();
}

/** The latest report objects of the community or public collection (advisories), newest first, with the desk's titles. */
export async function collectionReports(db: Database, audience: 'public' | 'community', limit: number) {
  return db.selectFrom('taxii_collections as c')
    .innerJoin('taxii_entries as e', 'e.collection_key', 'c.entry_key')
    .innerJoin('stix_objects as o', 'o.pk', 'e.object_pk')
    .leftJoin('advisories as a', 'a.stix_report_id', 'o.stix_id')
    .select(['o.stix_id', 'o.json', 'e.date_added', 'a.title_ja', 'a.title_en', 'a.published_at'])
    .where('c.audience', '=', audience).where('e.is_latest', '=', 1).where('e.type', '=', 'report').where('o.revoked', '=', 0)
    .orderBy('e.date_added', 'desc').limit(limit).execute();
}
