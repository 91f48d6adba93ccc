// TAXII reads of a collection's content: objects (§5.4), manifest (§5.3), one object (§5.6) and its
// versions (§5.8). Pages are keyset pages by date_added; the envelope is assembled from stored JSON text.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { AudienceOf } from './collection-access.js';
import { findAudience } from './collections.repository.js';
import { requireCollectionAccess } from './collections.service.js';
import {
  findManifestEntries, findObjectEntries, findObjectEntriesWithAudience, findVersionPks, holdsAnyOf, type EntryQuery, type EntryRow,
  type PageWithAudience,
} from './entries.repository.js';
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

type Find<T extends EntryRow> = (db: Database, query: EntryQuery) => Promise<T[]>;
type FindWithAudience<T extends EntryRow> = (db: Database, query: EntryQuery) => Promise<PageWithAudience<T>>;

/** What a read asks: the endpoint's collection, object (if any) and query. */
export interface ReadInput {
  collectionId: string;
  objectId?: string;
  query: Query;
}

/** A read's first reads, which do not depend on the caller (startRead). */
export interface StartedRead<T extends EntryRow> {
  filter: TaxiiFilter | undefined;
  badQuery: unknown;
  scope: string;
  reads: Promise<[collection: AudienceOf | undefined, pks: number[] | undefined, rows: T[] | undefined]>;
}

// On PostgreSQL every sequential query is a round trip (bench/RESULTS.md), so a read starts what does not depend on the
// caller while the caller is authenticated (taxii.routes.ts): the collection's audience for the access check, the pks of
// an object's versions, and a match[id] page, which reaches the caller only once the check has passed. Only match[id]:
// its page is a few index lookups, so neither the work nor the time of a refused request depends on what the
// collection holds (a whole page would). A bad query answers only after the access check.
function startRead<T extends EntryRow>(db: Database, input: ReadInput, endpoint: FilterEndpoint, find: Find<T>, findWithAudience?: FindWithAudience<T>): StartedRead<T> {
  let filter: TaxiiFilter | undefined;
  let badQuery: unknown;
  try {
    filter = parseFilter(input.query, endpoint);
  } catch (error) {
    badQuery = error;
  }
  const scope = `${input.collectionId}/${input.objectId ?? ''}`;
  const objectIds = input.objectId === undefined ? undefined : [input.objectId].filter((id) => STIX_ID.test(id));
  const early = filter?.ids && !objectIds ? earlyQuery({ collectionId: input.collectionId, filter, scope }) : undefined;
  const reads: StartedRead<T>['reads'] = early && findWithAudience
    ? findWithAudience(db, early).then(({ collection, rows }) => [collection, undefined, rows])
    : Promise.all([findAudience(db, input.collectionId), objectIds ? findVersionPks(db, objectIds) : undefined, early ? find(db, early) : undefined]);
  reads.catch(() => {}); // a request that authentication refuses never waits for these reads
  return { filter, badQuery, scope, reads };
}

// A query that cannot be made yet (a bad next token) waits for the access check, which answers first.
function earlyQuery(target: Target): EntryQuery | undefined {
  try {
    return entryQuery(target);
  } catch {
    return undefined;
  }
}

// What the caller may not read answers first (404 or 401), then an unknown object (404), then a bad query (400).
async function readPage<T extends EntryRow>(db: Database, config: Config, ctx: RequestContext, input: ReadInput, started: StartedRead<T>, find: Find<T>): Promise<Page<T>> {
  const [collection, pks, rows] = await started.reads;
  await requireCollectionAccess(db, config, ctx, collection, 'read');
  if (input.objectId !== undefined && !(await holdsAnyOf(db, input.collectionId, pks ?? []))) throw new AppError('not_found');
  const { filter, scope } = started;
  if (!filter) throw started.badQuery;
  const target: Target = { collectionId: input.collectionId, filter, scope, ...(pks ? { pks } : {}) };
  return pageOf(rows ?? await find(db, entryQuery(target)), target);
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

/** The reads of the objects and object endpoints (§5.4, §5.6) that do not depend on the caller. */
export const startObjectsRead = (db: Database, input: ReadInput) =>
  startRead(db, input, input.objectId === undefined ? 'objects' : 'object', findObjectEntries, findObjectEntriesWithAudience);

/** The reads of the manifest and versions endpoints (§5.3, §5.8) that do not depend on the caller. */
export const startManifestRead = (db: Database, input: ReadInput) =>
  startRead(db, input, input.objectId === undefined ? 'objects' : 'versions', findManifestEntries);

export async function getObjects(db: Database, config: Config, ctx: RequestContext, input: ReadInput, started?: StartedRead<Required<EntryRow>>): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, input, started ?? startObjectsRead(db, input), findObjectEntries);
  return { status: 200, headers: page.headers, body: envelope(page) };
}

export async function getManifest(db: Database, config: Config, ctx: RequestContext, input: ReadInput, started?: StartedRead<EntryRow>): Promise<TaxiiReply> {
  const page = await readPage(db, config, ctx, input, started ?? startManifestRead(db, input), findManifestEntries);
  if (input.objectId !== undefined) {
    const versions = page.items.map((row) => row.version);
    return { status: 200, headers: page.headers, body: { more: page.more, ...(versions.length > 0 ? { versions } : {}) } };
  }
  const objects = page.items.map((row) => ({ id: row.stix_id, date_added: row.date_added, version: row.version, media_type: STIX_MEDIA_TYPE }));
  return { status: 200, headers: page.headers, body: { more: page.more, ...(objects.length > 0 ? { objects } : {}) } };
}
