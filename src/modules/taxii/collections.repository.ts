import { sql, type Insertable } from 'kysely';
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

/**
 * One collection, and which of the caller's organisations are active with their sharing groups (as
 * activeOrgsAndGroups), in one query: a row per active organisation and group of the caller, or one with nulls.
 */
export async function findCollectionForCaller(db: Database, id: string, orgIds: readonly string[]): Promise<{ collection: CollectionWithNames; orgIds: string[]; groupIds: string[] } | undefined> {
  const rows = await withNames(db)
    .leftJoin('organisations as co', (join) => (orgIds.length === 0
      ? join.on(sql<boolean>`1 = 0`) // no organisation: no caller rows
      : join.on('co.id', 'in', orgIds).on('co.status', '=', 'active')))
    .leftJoin('sharing_group_members as cm', 'cm.org_id', 'co.id')
    .select(['co.id as caller_org_id', 'cm.group_id as caller_group_id'])
    .where('c.id', '=', id)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const { caller_org_id: _o, caller_group_id: _g, ...collection } = first;
  const ids = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];
  return { collection, orgIds: ids(rows.map((row) => row.caller_org_id)), groupIds: ids(rows.map((row) => row.caller_group_id)) };
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

/** Which of these organisations are active, and the sharing groups those belong to: one query. */
export async function activeOrgsAndGroups(db: Database, orgIds: readonly string[]): Promise<{ orgIds: string[]; groupIds: string[] }> {
  if (orgIds.length === 0) return { orgIds: [], groupIds: [] };
  const rows = await db.selectFrom('organisations as o')
    .leftJoin('sharing_group_members as m', 'm.org_id', 'o.id')
    .select(['o.id', 'm.group_id'])
    .where('o.id', 'in', orgIds).where('o.status', '=', 'active')
    .execute();
  const groupIds = new Set<string>();
  for (const row of rows) if (row.group_id !== null) groupIds.add(row.group_id);
  return { orgIds: [...new Set(rows.map((row) => row.id))], groupIds: [...groupIds] };
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
