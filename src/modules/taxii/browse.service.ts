import { requireAccess } from '../../auth/access.js';
// The threat-intel browser of the web UI: the collections a caller can read or write and who else reads
// them, and a newest-first search over the objects of the collections they can read. Access is TAXII's
// (collection-access.ts): a collection is readable here exactly when it is over TAXII, and an object
// exists for a caller only in the collections they can read.
import { can } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { CollectionRef, IntelCollectionList, ObjectListQuery, ObjectPage, ObjectSummary, Readers } from './browse.schema.js';
import {
  countLatestCapped, findEntriesOfVersions, findGroupMemberNames, findLatestWindow, findObjectHeads, findObjectsMatching,
  type WindowEntry, type WindowRange,
} from './browse.repository.js';
import {
  addedBound, decodeCursor, encodeCursor, hasLabel, jsonText, labelsOf, matchesText, nameOf, type Cursor,
} from './browse-summary.js';
import { accessTo, type Caller, type CollectionAccess } from './collection-access.js';
import { listCollections, type CollectionWithNames } from './collections.repository.js';
import { resolveCaller, titleOf } from './collections.service.js';
import { findStoredVersions } from './store.repository.js';

// A collection's object count is exact up to this many; above it the UI says "more than".
export const COUNT_CAP = 10_000;
// One page examines at most MAX_SCAN entries, WINDOW at a time, however selective the filters are.
// (Larger windows for filtered searches were measured: no faster on SQLite, slower for the common case.)
export const WINDOW = 250;
export const MAX_SCAN = 5_000;

export interface Scope {
  caller: Caller;
  visible: Array<{ row: CollectionWithNames; access: CollectionAccess }>;
  readable: Map<string, CollectionWithNames>;
}

export const requireSignedIn = (ctx: RequestContext): UserActor => requireAccess({ actor: ctx.actor, permission: 'stix.browse' });

const RANK: Record<CollectionWithNames['audience'], number> = { community: 0, public: 1, group: 2, feed: 3, inbox: 3 };
const sortKey = (c: CollectionWithNames) =>
  `${RANK[c.audience]}|${c.group_name ?? c.org_name_en ?? ''}|${c.org_id ?? c.group_id ?? ''}|${c.audience}|${c.id}`;

/** The collections the caller can read or write (in a stable order), and those they can read. */
export async function scopeOf(db: Database, config: Config, ctx: RequestContext): Promise<Scope> {
  const actor = requireSignedIn(ctx);
  const caller = await resolveCaller(db, config, ctx);
  const rows = await listCollections(db, { all: can(actor, 'stix.audiences.read'), orgIds: [...caller.activeOrgIds], groupIds: [...caller.groupIds] });
  const visible = rows.map((row) => ({ row, access: accessTo(caller, row) }))
    .filter(({ access }) => access.read || access.write)
    .sort((a, b) => (sortKey(a.row) < sortKey(b.row) ? -1 : 1));
  return { caller, visible, readable: new Map(visible.filter((v) => v.access.read).map((v) => [v.row.id, v.row])) };
}


const orgOf = (c: CollectionWithNames) => (c.org_id ? { id: c.org_id, nameJa: c.org_name_ja ?? '', nameEn: c.org_name_en ?? '' } : null);

export function refOf(c: CollectionWithNames): CollectionRef {
  return { id: c.id, title: titleOf(c), kind: c.audience, alias: c.alias, org: orgOf(c), groupName: c.group_name };
}

type GroupMembers = Map<string, Array<{ id: string; nameJa: string; nameEn: string }>>;

function readersOf(c: CollectionWithNames, members: GroupMembers, publicTaxii: boolean): Readers {
  switch (c.audience) {
    case 'community': return { kind: 'community' };
    case 'public': return { kind: publicTaxii ? 'public' : 'signed_in' };
    case 'group': return { kind: 'group', groupName: c.group_name ?? '', orgs: members.get(c.group_id ?? '') ?? [] };
    case 'feed':
    case 'inbox': return { kind: 'org', orgs: [orgOf(c) ?? { id: '', nameJa: '', nameEn: '' }] };
  }
}

export async function listIntelCollections(db: Database, config: Config, ctx: RequestContext): Promise<IntelCollectionList> {
  const { visible } = await scopeOf(db, config, ctx);
  const groupIds = visible.flatMap(({ row }) => (row.audience === 'group' && row.group_id ? [row.group_id] : []));
  const members: GroupMembers = new Map();
  for (const m of await findGroupMemberNames(db, groupIds)) {
    members.set(m.group_id, [...(members.get(m.group_id) ?? []), { id: m.id, nameJa: m.name_ja, nameEn: m.name_en }]);
  }
  const items = [];
  for (const { row, access } of visible) {
    const count = row.last_date_added === null ? 0 : await countLatestCapped(db, row.id, COUNT_CAP);
    items.push({
      ...refOf(row), canRead: access.read, canWrite: access.write,
      objectCount: Math.min(count, COUNT_CAP), objectCountCapped: count > COUNT_CAP, readers: readersOf(row, members, config.publicTaxii),
    });
  }
  return { items, maxImportBytes: config.taxiiMaxContentLength };
}

interface Search {
  type?: string | undefined;
  q?: string | undefined;
  label?: string | undefined;
  tlp?: ObjectListQuery['tlp'];
  from?: string | undefined;
  to?: string | undefined;
  scan: Set<string>; // the collections searched
}

function searchOf(scope: Scope, query: ObjectListQuery): Search {
  if (query.collection !== undefined && !scope.readable.has(query.collection)) throw new AppError('not_found');
  const trimmed = (value: string | undefined) => value?.trim() || undefined;
  return {
    type: query.type, q: trimmed(query.q), label: trimmed(query.label), tlp: query.tlp,
    from: query.addedFrom === undefined ? undefined : addedBound(query.addedFrom, false),
    to: query.addedTo === undefined ? undefined : addedBound(query.addedTo, true),
    scan: new Set(query.collection !== undefined ? [query.collection] : scope.readable.keys()),
  };
}

// Each collection's range: older than the cursor (ties go by collection id, descending) and within addedTo.
function rangesOf(scope: Scope, search: Search, position: Cursor | undefined): WindowRange[] {
  const ranges: WindowRange[] = [];
  for (const id of search.scan) {
    const last = scope.readable.get(id)?.last_date_added ?? null;
    if (last === null || (search.from !== undefined && last < search.from)) continue;
    let range: WindowRange = { collectionId: id, upTo: search.to, inclusive: true };
    if (position) {
      const inclusive = id < position.collectionId;
      if (range.upTo === undefined || position.dateAdded < range.upTo) range = { collectionId: id, upTo: position.dateAdded, inclusive };
      else if (position.dateAdded === range.upTo) range.inclusive = inclusive;
    }
    ranges.push(range);
  }
  return ranges;
}

/**
 * The latest versions of the objects in the collections the caller can read, newest first, each object
 * once: where the searched collections hold it more than once, it stands at its newest entry and shows
 * its newest version. Each page examines a bounded number of entries; `nextBefore` continues from
 * where it stopped, also when a selective filter found fewer than `limit` in that span.
 */
export async function listIntelObjects(db: Database, config: Config, ctx: RequestContext, query: ObjectListQuery): Promise<ObjectPage> {
  const scope = await scopeOf(db, config, ctx);
  const search = searchOf(scope, query);
  const limit = query.limit ?? 50;
  let position = query.before === undefined ? undefined : decodeCursor(query.before);
  const items: ObjectSummary[] = [];
  let scanned = 0;
  let exhausted = false;
  while (items.length < limit && scanned < MAX_SCAN && !exhausted) {
    const size = Math.min(WINDOW, MAX_SCAN - scanned);
    const window = await findLatestWindow(db, rangesOf(scope, search, position), search.from, size);
    const found = await matchWindow(db, scope, search, window);
    let consumed = 0;
    for (const entry of window) {
      consumed++;
      position = { dateAdded: entry.date_added, collectionId: entry.collection_id };
      const item = found.get(entryKey(entry));
      if (item) items.push(item);
      if (items.length >= limit) break;
    }
    scanned += consumed;
    exhausted = consumed === window.length && window.length < size;
  }
  return { items, nextBefore: exhausted || !position ? null : encodeCursor(position), scanned };
}

const entryKey = (e: { collection_id: string; date_added: string }) => `${e.date_added}|${e.collection_id}`;
const newer = <T extends { collection_id: string; date_added: string }>(a: T, b: T) => (entryKey(a) > entryKey(b) ? a : b);

interface Planned {
  entry: WindowEntry;
  shownPk: number;
  collectionIds: string[];
}

// Which window entries stand for their object (its newest entry among the searched collections), and
// which version each shows; then the filters, on that version.
async function matchWindow(db: Database, scope: Scope, search: Search, window: WindowEntry[]): Promise<Map<string, ObjectSummary>> {
  const heads = new Map((await findObjectHeads(db, window.map((e) => e.object_pk))).map((h) => [h.pk, h]));
  const wanted = window.filter((e) => search.type === undefined || heads.get(e.object_pk)?.type === search.type);
  const ids = [...new Set(wanted.map((e) => heads.get(e.object_pk)?.stix_id).filter((id): id is string => id !== undefined))];
  const held = (await findEntriesOfVersions(db, await findStoredVersions(db, ids)))
    .filter((h) => h.is_latest === 1 && scope.readable.has(h.collection_id));
  const inRange = (h: { collection_id: string; date_added: string }) => search.scan.has(h.collection_id)
    && (search.from === undefined || h.date_added >= search.from) && (search.to === undefined || h.date_added <= search.to);
  const planned: Planned[] = [];
  for (const entry of wanted) {
    const stixId = heads.get(entry.object_pk)?.stix_id;
    const all = held.filter((h) => h.stix_id === stixId);
    const candidates = all.filter(inRange);
    const first = candidates[0];
    if (!first || entryKey(candidates.reduce(newer, first)) !== entryKey(entry)) continue;
    const shown = candidates.reduce((a, b) => (b.version_key > a.version_key ? b : a), first);
    planned.push({ entry, shownPk: shown.pk, collectionIds: [...new Set(all.map((h) => h.collection_id))].sort() });
  }
  const contains = [...(search.q ? [jsonText(search.q)] : []), ...(search.label ? [JSON.stringify(search.label)] : [])];
  const objects = new Map((await findObjectsMatching(db, planned.map((p) => p.shownPk), { tlp: search.tlp, contains })).map((o) => [o.pk, o]));
  const found = new Map<string, ObjectSummary>();
  for (const { entry, shownPk, collectionIds } of planned) {
    const stored = objects.get(shownPk);
    if (!stored) continue;
    const value = JSON.parse(stored.json) as Record<string, unknown>;
    if ((search.q && !matchesText(value, search.q)) || (search.label && !hasLabel(value, search.label))) continue;
    found.set(entryKey(entry), {
      id: stored.stix_id, type: stored.type, name: nameOf(value), tlp: stored.tlp, labels: labelsOf(value),
      created: typeof value.created === 'string' ? value.created : null, modified: typeof value.modified === 'string' ? value.modified : null,
      dateAdded: entry.date_added, collectionIds,
    });
  }
  return found;
}
