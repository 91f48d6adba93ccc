import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AudienceOf } from './collection-access.js';
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

export const audienceOf = (db: Database, collectionId: string) =>
  db.selectFrom('taxii_collections as c').select(['c.audience', 'c.org_id', 'c.group_id']).where('c.id', '=', collectionId);

/** The audience of a collection, for its access check; undefined when there is no such collection. */
export async function findAudience(db: Database, collectionId: string): Promise<AudienceOf | undefined> {
  return audienceOf(db, collectionId).executeTakeFirst();
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

/** The collection of an audience: community and public (no organisation), or an organisation's feed or inbox. */
export async function findCollectionIdOf(db: Database, audience: 'community' | 'public' | 'feed' | 'inbox', orgId: string | null): Promise<string | undefined> {
  let query = db.selectFrom('taxii_collections').select('id').where('audience', '=', audience);
  query = orgId === null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId);
  return (await query.orderBy('created_at').executeTakeFirst())?.id;
}

export async function collectionIdOfGroup(db: Database, groupId: string): Promise<string | undefined> {
  const row = await db.selectFrom('taxii_collections').select('id').where('group_id', '=', groupId).executeTakeFirst();
  return row?.id;
}

/** The sharing groups that hold any of these organisations. */
export async function groupsOfOrgs(db: Database, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('sharing_group_members').select('group_id').distinct().where('org_id', 'in', orgIds).execute();
  return rows.map((row) => row.group_id);
}

/** Which of these organisations are active. */
export async function activeOrgsAmong(db: Database, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', orgIds).where('status', '=', 'active').execute();
  return rows.map((row) => row.id);
}

export type AudienceTarget =
  | { audience: 'public' | 'community' }
  | { audience: 'group'; groupId: string }
  | { audience: 'feed'; orgIds: readonly string[] };

export async function collectionsOfAudience(db: Database, target: AudienceTarget): Promise<Array<{ id: string; org_id: string | null }>> {
  let query = db.selectFrom('taxii_collections').select(['id', 'org_id']).where('audience', '=', target.audience);
  if (target.audience === 'group') query = query.where('group_id', '=', target.groupId);
  if (target.audience === 'feed') {
    if (target.orgIds.length === 0) return [];
    query = query.where('org_id', 'in', target.orgIds);
  }
  return query.orderBy('id').execute();
}
