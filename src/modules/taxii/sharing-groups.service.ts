// Sharing groups: coordinator-managed sets of member organisations, each with its own TAXII collection.
import { randomUUID } from 'node:crypto';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { lockForWrite } from '../../db/write-lock.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { activeOrgsAmong } from './collections.repository.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import { createGroupCollection } from './collections.service.js';
import {
  addGroupMember, deleteGroup, existingOrgIds, findGroup, insertGroup, listGroupMembers, listGroups, objectPksInCollection,
  removeGroupMember, updateGroup,
} from './sharing-groups.repository.js';
import { STORE_WRITE_LOCK } from './store.service.js';
import { deleteOrphanObjects } from './store.repository.js';

export interface GroupInput {
  name: string;
  description?: string | undefined;
  orgIds?: string[] | undefined;
}

const clean = (text: string) => text.trim();

// Membership decides who receives a group's intelligence: every change is a ledger entry, in the same transaction.
const membershipChanges = (ctx: RequestContext, group: string, change: 'added' | 'removed', orgIds: readonly string[]) =>
  orgIds.map((orgId) => ({
    type: 'sharing_group_membership_changed' as const, actor: ctx.actor.kind === 'user' ? ctx.actor.userId : null, org: orgId, group, change, member: orgId,
  }));

export async function listSharingGroups(db: Database, ctx: RequestContext) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing-group.list' });
  const rows = await listGroups(db, can(actor, 'sharing-group.read-all') ? 'all' : [...actor.orgRoles.keys()]);
  return {
    items: rows.map((row) => ({
      id: row.id, name: row.name, description: row.description, collectionId: row.collection_id ?? '', memberCount: row.member_count,
      createdAt: row.created_at, updatedAt: row.updated_at,
    })),
  };
}

// Coordinators and administrators see every group; members see the groups their organisations are in.
export async function getSharingGroup(db: Database, ctx: RequestContext, id: string) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing-group.list' });
  const group = await findGroup(db, id);
  if (!group) throw notFound();
  const members = await listGroupMembers(db, id);
  if (!can(actor, 'sharing-group.read-all') && !members.some((m) => actor.orgRoles.has(m.org_id))) throw notFound();
  return {
    id: group.id, name: group.name, description: group.description, collectionId: group.collection_id ?? '',
    members: members.map((m) => ({ orgId: m.org_id, nameEn: m.name_en, nameJa: m.name_ja, addedAt: m.added_at })),
    createdAt: group.created_at, updatedAt: group.updated_at,
  };
}

async function requireOrgs(db: Database, orgIds: readonly string[]): Promise<void> {
  const found = new Set(await existingOrgIds(db, orgIds));
  if (orgIds.some((id) => !found.has(id))) throw notFound();
}

export async function createSharingGroup(db: Database, ctx: RequestContext, input: GroupInput) {
  requireAccess({ actor: ctx.actor, permission: 'sharing-group.manage' });
  const orgIds = [...new Set(input.orgIds ?? [])];
  await requireOrgs(db, orgIds);
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertGroup(trx, { id, name: clean(input.name), description: clean(input.description ?? ''), created_at: now, updated_at: now });
    const collectionId = await createGroupCollection(trx, id);
    for (const orgId of orgIds) await addGroupMember(trx, id, orgId, now);
    await appendLedgerEvents(trx, membershipChanges(ctx, id, 'added', orgIds));
    await recordAudit(trx, ctx, { action: 'sharing_group.created', targetType: 'sharing_group', targetId: id, details: { name: clean(input.name), orgIds, collectionId } });
  });
  return getSharingGroup(db, ctx, id);
}

export async function updateSharingGroup(db: Database, ctx: RequestContext, id: string, patch: Partial<Omit<GroupInput, 'orgIds'>>) {
  requireAccess({ actor: ctx.actor, permission: 'sharing-group.manage' });
  await db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, id))) throw notFound();
    const changes = {
      ...(patch.name !== undefined ? { name: clean(patch.name) } : {}),
      ...(patch.description !== undefined ? { description: clean(patch.description) } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await updateGroup(trx, id, { ...changes, updated_at: new Date().toISOString() });
    await recordAudit(trx, ctx, { action: 'sharing_group.updated', targetType: 'sharing_group', targetId: id, details: { fields: Object.keys(changes) } });
  });
  return getSharingGroup(db, ctx, id);
}

/** Deletes the group and its collection; object versions no other collection holds leave the store. */
export async function deleteSharingGroup(db: Database, ctx: RequestContext, id: string): Promise<void> {
  requireAccess({ actor: ctx.actor, permission: 'sharing-group.manage' });
  await db.transaction().execute(async (trx) => {
    await lockForWrite(trx, STORE_WRITE_LOCK);
    const group = await findGroup(trx, id);
    if (!group) throw notFound();
    const pks = group.collection_id ? await objectPksInCollection(trx, group.collection_id) : [];
    const members = await listGroupMembers(trx, id);
    await deleteGroup(trx, id);
    await appendLedgerEvents(trx, membershipChanges(ctx, id, 'removed', members.map((m) => m.org_id)));
    await deleteOrphanObjects(trx, pks);
    await recordAudit(trx, ctx, { action: 'sharing_group.deleted', targetType: 'sharing_group', targetId: id, details: { name: group.name, entries: pks.length } });
  });
}

export async function addSharingGroupMember(db: Database, ctx: RequestContext, id: string, orgId: string) {
  requireAccess({ actor: ctx.actor, permission: 'sharing-group.manage' });
  await requireOrgs(db, [orgId]);
  await db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, id))) throw notFound();
    if (await addGroupMember(trx, id, orgId, new Date().toISOString())) {
      await recordAudit(trx, ctx, { action: 'sharing_group.member_added', orgId, targetType: 'sharing_group', targetId: id });
      await appendLedgerEvents(trx, membershipChanges(ctx, id, 'added', [orgId]));
    }
  });
  return getSharingGroup(db, ctx, id);
}

export async function removeSharingGroupMember(db: Database, ctx: RequestContext, id: string, orgId: string): Promise<void> {
  requireAccess({ actor: ctx.actor, permission: 'sharing-group.manage' });
  await db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, id))) throw notFound();
    if (!(await removeGroupMember(trx, id, orgId))) throw new AppError('not_found');
    await recordAudit(trx, ctx, { action: 'sharing_group.member_removed', orgId, targetType: 'sharing_group', targetId: id });
    await appendLedgerEvents(trx, membershipChanges(ctx, id, 'removed', [orgId]));
  });
}

/** The active organisations of a group, for addressing what is published to it; undefined when there is no such group. */
export async function activeGroupMemberIds(db: Database, groupId: string): Promise<string[] | undefined> {
  if (!(await findGroup(db, groupId))) return undefined;
  const members = await listGroupMembers(db, groupId);
  return activeOrgsAmong(db, members.map((m) => m.org_id));
}
