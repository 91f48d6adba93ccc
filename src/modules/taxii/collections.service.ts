import { randomUUID } from 'node:crypto';
import { can } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { accessTo, type AudienceOf, type Caller, type CollectionAccess } from './collection-access.js';
import {
  collectionsOfAudience, findCollection, findCollectionIdOf, groupsOfOrgs, insertCollections, listCollections,
  type AudienceTarget, type CollectionWithNames,
} from './collections.repository.js';
import { registerOrgIdentity } from './identity-claims.js';
import { STIX_MEDIA_TYPE } from './media.js';

export interface CollectionResource {
  id: string;
  title: string;
  description?: string;
  alias?: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
}

export type CollectionNeed = 'read' | 'write' | 'delete';

// The caller's active organisations came with their authentication; their sharing groups are looked up when asked.
export async function resolveCaller(db: Database, config: Pick<Config, 'publicTaxii'>, ctx: RequestContext, withGroups = true): Promise<Caller> {
  const { actor } = ctx;
  const activeOrgIds = actor.kind === 'user' ? actor.activeOrgIds : new Set<string>();
  const groupIds = withGroups ? await groupsOfOrgs(db, [...activeOrgIds]) : [];
  return { actor, activeOrgIds, groupIds: new Set(groupIds), publicTaxii: config.publicTaxii };
}

const DESCRIPTIONS: Record<CollectionWithNames['audience'], string> = {
  community: 'Everything shared with every member organisation (TLP:CLEAR and TLP:GREEN). / 全会員組織に共有される情報',
  public: 'What anyone may read (TLP:CLEAR only). / 公開情報（TLP:CLEAR のみ）',
  group: 'Shared with the organisations of this sharing group (TLP:CLEAR and TLP:GREEN). / 共有グループ内の組織に共有される情報',
  feed: 'Everything addressed to this organisation, up to TLP:AMBER+STRICT. / この組織宛ての情報',
  inbox: 'What this organisation sends to the coordinators; it reaches no one else until published. / 事務局への提出（公開まで他組織には届きません）',
};

export function titleOf(c: CollectionWithNames): string {
  switch (c.audience) {
    case 'community': return 'Community / コミュニティ';
    case 'public': return 'Public / 公開';
    case 'group': return `Sharing group: ${c.group_name ?? c.group_id}`;
    case 'feed': return `Feed: ${c.org_name_en ?? c.org_id} / ${c.org_name_ja ?? ''}`;
    case 'inbox': return `Inbox: ${c.org_name_en ?? c.org_id} / ${c.org_name_ja ?? ''}`;
  }
}

function resourceOf(c: CollectionWithNames, access: CollectionAccess): CollectionResource {
  return {
    id: c.id,
    title: titleOf(c),
    description: DESCRIPTIONS[c.audience],
    ...(c.alias ? { alias: c.alias } : {}),
    can_read: access.read,
    can_write: access.write,
    media_types: [STIX_MEDIA_TYPE],
  };
}

// Stable order: community, public, sharing groups by name, then each organisation's feed and inbox.
const ORDER: Record<CollectionWithNames['audience'], string> = { community: '0', public: '1', group: '2', feed: '3|a', inbox: '3|b' };

function sortKey(c: CollectionWithNames): string {
  const [rank = '', within = ''] = ORDER[c.audience].split('|');
  const name = c.audience === 'group' ? c.group_name : c.org_name_en;
  return `${rank}|${name ?? ''}|${c.org_id ?? c.group_id ?? ''}|${within}|${c.id}`;
}

export async function listCollectionsFor(db: Database, config: Config, ctx: RequestContext): Promise<{ collections?: CollectionResource[] }> {
  if (ctx.actor.kind !== 'user' && !config.publicTaxii) throw new AppError('unauthenticated');
  const caller = await resolveCaller(db, config, ctx);
  const all = can(ctx.actor, 'stix.audiences.read');
  const rows = await listCollections(db, { all, orgIds: [...caller.activeOrgIds], groupIds: [...caller.groupIds] });
  const visible = rows
    .map((row) => ({ row, access: accessTo(caller, row) }))
    .filter(({ access }) => access.read || access.write)
    .sort((a, b) => (sortKey(a.row) < sortKey(b.row) ? -1 : 1));
  return visible.length > 0 ? { collections: visible.map(({ row, access }) => resourceOf(row, access)) } : {};
}

// The caller's access to a collection (undefined: there is no such collection). What they can neither read nor write
// does not exist for them: 404, or 401 before sign-in (so that a client knows to authenticate). Only a sharing group's
// collection needs the caller's groups; a missing collection looks them up too, so that it costs what a group's does.
async function accessibleCollection<C extends AudienceOf>(db: Database, config: Config, ctx: RequestContext, collection: C | undefined) {
  const caller = await resolveCaller(db, config, ctx, collection === undefined || collection.audience === 'group');
  const access = collection ? accessTo(caller, collection) : { read: false, write: false };
  if (!collection || (!access.read && !access.write)) throw new AppError(ctx.actor.kind === 'user' ? 'not_found' : 'unauthenticated');
  return { collection, access, caller };
}

/** The collection if the caller may do what they need with it; holding only the other permission is a 403. */
export async function requireCollection(db: Database, config: Config, ctx: RequestContext, id: string, need: CollectionNeed) {
  return requireCollectionAccess(db, config, ctx, await findCollection(db, id), need);
}

/** As requireCollection, for a collection read beforehand (undefined: none); a TAXII read reads it beside the caller's authentication. */
export async function requireCollectionAccess<C extends AudienceOf>(db: Database, config: Config, ctx: RequestContext, collection: C | undefined, need: CollectionNeed) {
  const found = await accessibleCollection(db, config, ctx, collection);
  const { read, write } = found.access;
  const granted = need === 'read' ? read : need === 'write' ? write : read && write;
  if (!granted) throw new AppError(ctx.actor.kind === 'user' ? 'forbidden' : 'unauthenticated');
  return found;
}

export async function getCollectionFor(db: Database, config: Config, ctx: RequestContext, id: string): Promise<CollectionResource> {
  const { collection, access } = await accessibleCollection(db, config, ctx, await findCollection(db, id));
  return resourceOf(collection, access);
}

const newRow = (audience: CollectionWithNames['audience'], ids: { orgId?: string; groupId?: string }) => ({
  id: randomUUID(), audience, org_id: ids.orgId ?? null, group_id: ids.groupId ?? null, alias: null, last_date_added: null,
  created_at: new Date().toISOString(),
});

/**
 * A new organisation's feed and inbox, and its ownership of its own STIX identity (identity-claims.ts); called inside
 * the transaction that creates the organisation.
 */
export async function createOrgCollections(db: Database, orgId: string): Promise<void> {
  await insertCollections(db, [newRow('feed', { orgId }), newRow('inbox', { orgId })]);
  await registerOrgIdentity(db, orgId);
}

/** A new sharing group's collection; called inside the transaction that creates the group. */
export async function createGroupCollection(db: Database, groupId: string): Promise<string> {
  const row = newRow('group', { groupId });
  await insertCollections(db, [row]);
  return row.id;
}

/** The collections that serve an audience: for publishing on behalf of the desk (access is the caller's business). */
export const findAudienceCollections = (db: Database, target: AudienceTarget) => collectionsOfAudience(db, target);

/** The id of the community or public collection, or of an organisation's feed or inbox (seeding, tools). */
export async function collectionIdFor(db: Database, audience: 'community' | 'public' | 'feed' | 'inbox', orgId: string | null = null): Promise<string | undefined> {
  return findCollectionIdOf(db, audience, orgId);
}
