import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TaxiiCollectionRow, TaxiiCollectionsTable } from './taxii.table.js';

export interface CollectionWithNames extends TaxiiCollectionRow {
  org_name_en: string | null;
  org_name_ja: string | null;
  group_name: string | null;
}

// Which collections a caller could possibly see; access is decided per collection afterwards.
export interface CollectionScope {
  all: boolean;
  orgIds: readonly string[];
  groupIds: readonly string[];
}

function withNames(db: Database) {
  return db
    .selectFrom('taxii_collections as c')
    .leftJoin('organisations as o', 'o.id', 'c.org_id')
    .leftJoin('sharing_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select(['o.name_en as org_name_en', 'o.name_ja as org_name_ja', 'g.name as group_name']);
}

export async function findCollection(db: Database, id: string): Promise<CollectionWithNames | undefined> {
  return withNames(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listCollections(db: Database, scope: CollectionScope): Promise<CollectionWithNames[]> {
  let query = withNames(db);
  if (!scope.all) {
    query = query.where((eb) => {
      const terms = [eb('c.audience', 'in', ['community', 'public'])];
      if (scope.orgIds.length > 0) terms.push(eb('c.org_id', 'in', scope.orgIds));
      if (scope.groupIds.length > 0) terms.push(eb('c.group_id', 'in', scope.groupIds));
      return eb.or(terms);
    });
  }
  return query.execute();
}

export async function insertCollections(db: Database, rows: Insertable<TaxiiCollectionsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('taxii_collections').values(rows).execute();
}

export async function collectionIdOfGroup(db: Database, groupId: string): Promise<string | undefined> {
  const row = await db.selectFrom('taxii_collections').select('id').where('group_id', '=', groupId).executeTakeFirst();
  return row?.id;
}

export async function activeOrgIdsAmong(db: Database, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', orgIds).where('status', '=', 'active').execute();
  return rows.map((row) => row.id);
}

export async function groupIdsOfOrgs(db: Database, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('sharing_group_members').select('group_id').distinct().where('org_id', 'in', orgIds).execute();
  return rows.map((row) => row.group_id);
}
