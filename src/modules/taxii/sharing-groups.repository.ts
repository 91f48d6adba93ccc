import type { Database } from '../../db/database.js';
import { keyOfCollection } from './store.repository.js';
import type { SharingGroupRow, SharingGroupsTable } from './taxii.table.js';

export interface GroupSummaryRow extends SharingGroupRow {
  collection_id: string | null;
  member_count: number;
}

export interface GroupMemberRow {
  org_id: string;
  name_en: string;
  name_ja: string;
  added_at: string;
}

// All groups, or only those that hold one of the given organisations.
export async function listGroups(db: Database, visibleTo: 'all' | readonly string[]): Promise<GroupSummaryRow[]> {
  if (visibleTo !== 'all' && visibleTo.length === 0) return [];
  let query = db
    .selectFrom('sharing_groups as g')
    .leftJoin('taxii_collections as c', 'c.group_id', 'g.id')
    .selectAll('g')
    .select((eb) => [
      'c.id as collection_id',
      eb.selectFrom('sharing_group_members as m').select((m) => m.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('member_count'),
    ]);
  if (visibleTo !== 'all') {
    query = query.where((eb) => eb.exists(eb.selectFrom('sharing_group_members as m').select('m.org_id').whereRef('m.group_id', '=', 'g.id').where('m.org_id', 'in', visibleTo)));
  }
  const rows = await query.orderBy('g.name').orderBy('g.id').execute();
  return rows.map((row) => ({ ...row, member_count: Number(row.member_count ?? 0) }));
}

export async function findGroup(db: Database, id: string): Promise<(SharingGroupRow & { collection_id: string | null }) | undefined> {
  return db.selectFrom('sharing_groups as g').leftJoin('taxii_collections as c', 'c.group_id', 'g.id')
    .selectAll('g').select('c.id as collection_id').where('g.id', '=', id).executeTakeFirst();
}

export async function listGroupMembers(db: Database, groupId: string): Promise<GroupMemberRow[]> {
  return db.selectFrom('sharing_group_members as m').innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'o.name_en', 'o.name_ja', 'm.added_at'])
    .where('m.group_id', '=', groupId).orderBy('o.name_en').orderBy('m.org_id').execute();
}

export async function insertGroup(db: Database, row: SharingGroupsTable): Promise<void> {
  await db.insertInto('sharing_groups').values(row).execute();
}

export async function updateGroup(db: Database, id: string, changes: Partial<Pick<SharingGroupsTable, 'name' | 'description' | 'updated_at'>>): Promise<void> {
  await db.updateTable('sharing_groups').set(changes).where('id', '=', id).execute();
}

/** Deletes the group; its collection and the collection's entries go with it (ON DELETE CASCADE). */
export async function deleteGroup(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sharing_groups').where('id', '=', id).execute();
}

export async function addGroupMember(db: Database, groupId: string, orgId: string, at: string): Promise<boolean> {
  const result = await db.insertInto('sharing_group_members').values({ group_id: groupId, org_id: orgId, added_at: at })
    .onConflict((oc) => oc.columns(['group_id', 'org_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeGroupMember(db: Database, groupId: string, orgId: string): Promise<boolean> {
  const result = await db.deleteFrom('sharing_group_members').where('group_id', '=', groupId).where('org_id', '=', orgId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function existingOrgIds(db: Database, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', orgIds).execute();
  return rows.map((row) => row.id);
}

export async function objectPksInCollection(db: Database, collectionId: string): Promise<number[]> {
  const rows = await db.selectFrom('taxii_entries').select('object_pk').where('collection_key', '=', keyOfCollection(collectionId)).execute();
  return rows.map((row) => row.object_pk);
}
