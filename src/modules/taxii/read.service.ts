// TAXII reads of a collection's content: objects (§5.4), manifest (§5.3), one object (§5.6) and its
// versions (§5.8). Pages are keyset pages by date_added; the envelope is assembled from stored JSON text.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireCollection } from './collections.service.js';
import { findManifestEntries, findObjectEntries, findVersionPks, holdsAnyOf, type EntryQuery, type EntryRow } from './entries.repository.js';
import { parseFilter, STIX_ID, type FilterEndpoint, type TaxiiFilter } from './filters.js';
import { STIX_MEDIA_TYPE } from './media.js';
import { decodeNext, encodeNext } from './next-token.js';

export type Query = Record<string, string | string[] | undefined>;

export interface TaxiiReply {
  status: number;
  headers: Record<string, string>;
  body: string | object | undefined;
}

interface Page<T> {
  items: T[];
  more: boolean;
  headers: Record<string, string>;
  next?: string;
}

interface Target {
  collectionId: string;
  pks?: number[]; // the versions of one object, or of the objects match[id] names
  filter: TaxiiFilter;
  scope: string; // what a next token is bound to, besides the filters
}

function entryQuery(target: Target): EntryQuery {
  const { filter } = target;
  const cursor = filter.next === undefined ? undefined : decodeNext(filter.next, target.scope, filter.fingerprint);
  const after = cursor !== undefined && (filter.addedAfter === undefined || cursor > filter.addedAfter) ? cursor : filter.addedAfter;
  return {
    collectionId: target.collectionId, after, pks: target.pks, ids: target.pks ? undefined : filter.ids, types: filter.types,
    versions: filter.versions, specVersions: filter.specVersions, limit: filter.limit + 1,
  };
}

// One more row than asked tells whether there is more, without counting.
function pageOf<T extends EntryRow>(rows: T[], target: Target): Page<T> {
  const items = rows.slice(0, target.filter.limit);
  const more = rows.length > items.length;
  const first = items[0];
  const last = items[items.length - 1];
  const headers: Record<string, string> = first && last
    ? { 'X-TAXII-Date-Added-First': first.date_added, 'X-TAXII-Date-Added-Last': last.date_added }
    : {};
  return { items, more, headers, ...(more && last ? { next: encodeNext(last.date_added, target.scope, target.filter.fingerprint) } : {}) };
}

// The query is parsed, and the caller's access checked beside the other reads: on PostgreSQL every sequential query is
// a round trip (bench/RESULTS.md). An object's endpoints look its versions' pks up beside the check; a match[id]
// read of the objects or manifest endpoints reads its page beside it, which reaches the caller only once the check
// has passed. Only match[id]: its page is a few index lookups, so neither the work nor the time of a refused request
// depends on what the collection holds (a whole page would). What the caller may not read answers first (404 or
// 401), then an unknown object (404), then a bad query (400), as when they ran one after the other.
async function readPage<T extends EntryRow>(
  db: Database, config: Config, ctx: RequestContext,
  input: { collectionId: string; objectId?: string; query: Query; endpoint: FilterEndpoint },
  find: (db: Database, query: EntryQuery) => Promise<T[]>,
): Promise<Page<T>> {
  let filter: TaxiiFilter | undefined;
  let badQuery: unknown;
  try {
    filter = parseFilter(input.query, input.endpoint);
  } catch (error) {
    badQuery = error;
  }
  const scope = `${input.collectionId}/${input.objectId ?? ''}`;
  const objectIds = input.objectId === undefined ? undefined : [input.objectId].filter((id) => STIX_ID.test(id));
  const early = filter?.ids && !objectIds ? earlyQuery({ collectionId: input.collectionId, filter, scope }) : undefined;
  const [, pks, rows] = await Promise.all([
    requireCollection(db, config, ctx, input.collectionId, 'read'),
    objectIds ? findVersionPks(db, objectIds) : undefined,
    early ? find(db, early) : undefined,
  ]);
  if (objectIds && !(await holdsAnyOf(db, input.collectionId, pks ?? []))) throw new AppError('not_found');
  if (!filter) throw badQuery;
  const target: Target = { collectionId: input.collectionId, filter, scope, ...(pks ? { pks } : {}) };
  return pageOf(rows ?? await find(db, entryQuery(target)), target);
}

// A query that cannot be made yet (a bad next token) waits for the access check, which answers first.
function earlyQuery(target: Target): EntryQuery | undefined {
  try {
    return entryQuery(target);
  } catch {
    return undefined;
  }
}

/** The pks of an object's stored versions, when the collection holds at least one of them; otherwise 404. */
export async function objectVersionsHeld(db: Database, collectionId: string, objectId: string): Promise<number[]> {
  const pks = STIX_ID.test(objectId) ? await findVersionPks(db, [objectId]) : [];
  if (!(await holdsAnyOf(db, collectionId, pks))) throw new AppError('not_found');
  return pks;
}

function envelope(page: Page<Required<EntryRow>>): string {
  const head = `{"more":${page.more}${page.next ? `,"next":${JSON.stringify(page.next)}` : ''}`;
  return page.items.length === 0 ? `${head}}` : `${head},"objects":[${page.items.map((row) => row.json).join(',')}]}`;
}

export async function getObjects(db: Database, config: Config, ctx: RequestContext, collectionId: string, query: Query): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, { collectionId, query, endpoint: 'objects' }, findObjectEntries);
  return { status: 200, headers: page.headers, body: envelope(page) };
}

export async function getObject(db: Database, config: Config, ctx: RequestContext, collectionId: string, objectId: string, query: Query): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, { collectionId, objectId, query, endpoint: 'object' }, findObjectEntries);
  return { status: 200, headers: page.headers, body: envelope(page) };
}

export async function getManifest(db: Database, config: Config, ctx: RequestContext, collectionId: string, query: Query): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, { collectionId, query, endpoint: 'objects' }, findManifestEntries);
  const objects = page.items.map((row) => ({ id: row.stix_id, date_added: row.date_added, version: row.version, media_type: STIX_MEDIA_TYPE }));
  return { status: 200, headers: page.headers, body: { more: page.more, ...(objects.length > 0 ? { objects } : {}) } };
}

export async function getVersions(db: Database, config: Config, ctx: RequestContext, collectionId: string, objectId: string, query: Query): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, { collectionId, objectId, query, endpoint: 'versions' }, findManifestEntries);
  const versions = page.items.map((row) => row.version);
  return { status: 200, headers: page.headers, body: { more: page.more, ...(versions.length > 0 ? { versions } : {}) } };
}
