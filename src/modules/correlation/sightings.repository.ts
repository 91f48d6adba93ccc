// Organisations' sightings of indicators: one row per (indicator, organisation), updated in place.
import type { Database } from '../../db/database.js';
import type { CorrelationSightingRow, CorrelationSightingsTable } from './correlation.table.js';

export async function findSighting(db: Database, indicatorId: string, orgId: string): Promise<CorrelationSightingRow | undefined> {
  return db.selectFrom('correlation_sightings').selectAll().where('indicator_id', '=', indicatorId).where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveSighting(db: Database, row: CorrelationSightingsTable): Promise<void> {
  const { indicator_id: _i, org_id: _o, created_at: _c, ...changes } = row;
  await db.insertInto('correlation_sightings').values(row)
    .onConflict((oc) => oc.columns(['indicator_id', 'org_id']).doUpdateSet(changes))
    .execute();
}

/** Every organisation's sighting of the indicator (a handful per indicator: one per organisation at most). */
export async function findSightingsOf(db: Database, indicatorId: string): Promise<Array<CorrelationSightingRow & { name_ja: string; name_en: string }>> {
  return db.selectFrom('correlation_sightings as s').innerJoin('organisations as o', 'o.id', 's.org_id')
    .selectAll('s').select(['o.name_ja', 'o.name_en'])
    .where('s.indicator_id', '=', indicatorId).orderBy('s.updated_at', 'desc').execute();
}
