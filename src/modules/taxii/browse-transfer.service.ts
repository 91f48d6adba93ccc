// Import and export of STIX bundles in the web UI, with TAXII's permissions: importing needs write
// access to the collection (and goes through the store's one entrance, addObjects), exporting read access.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireSignedIn } from './browse.service.js';
import { requireCollection } from './collections.service.js';
import { findObjectEntries } from './entries.repository.js';
import { onStoredFrom } from './stored-hooks.js';
import type { StatusResource } from './status.service.js';
import { addObjects } from './store.service.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects of a bundle (STIX 2.1 §8); a bundle may have none. */
export function bundleObjects(body: unknown): unknown[] {
  if (!isRecord(body) || body.type !== 'bundle') throw new AppError('unprocessable', { detail: 'not a STIX bundle: expected {"type": "bundle", "objects": [...]}' });
  if (body.objects === undefined) return [];
  if (!Array.isArray(body.objects)) throw new AppError('unprocessable', { detail: 'the bundle\'s "objects" is not a list' });
  return body.objects;
}

/**
 * Stores the valid objects of a bundle in the collection, as the caller; the answer is the status
 * resource of the request (objects of another STIX version are failures like any invalid object).
 */
export async function importIntelBundle(db: Database, config: Config, ctx: RequestContext, collectionId: string, body: unknown): Promise<StatusResource> {
  requireSignedIn(ctx);
  const { collection } = await requireCollection(db, config, ctx, collectionId, 'write');
  const objects = bundleObjects(body);
  const { status } = await addObjects(db, {
    request: ctx, defaultTlp: config.defaultTlp, onStored: onStoredFrom(ctx, objects), trustedSources: [...config.confidenceReliability.keys()],
  }, collection.id, objects);
  return status;
}

export interface BundleDownload {
  filename: string;
  chunks: AsyncIterable<string>;
}

/** A bundle of the latest version of each object in the collection, produced page by page as it is sent. */
export async function exportIntelBundle(db: Database, config: Config, ctx: RequestContext, collectionId: string): Promise<BundleDownload> {
  requireSignedIn(ctx);
  const { collection } = await requireCollection(db, config, ctx, collectionId, 'read');
  const name = collection.alias ?? `${collection.audience}-${collection.id.slice(0, 8)}`;
  return {
    filename: `anshin-${name}-${new Date().toISOString().slice(0, 10)}.json`,
    chunks: bundleText(latestVersions(db, collection.id)),
  };
}

export const EXPORT_PAGE = 1000;

/** The JSON text of the latest version of each object in the collection, a keyset page (by date_added) at a time. */
async function* latestVersions(db: Database, collectionId: string): AsyncGenerator<string[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await findObjectEntries(db, { collectionId, after, versions: { all: false, first: false, last: true, keys: [] }, limit: EXPORT_PAGE });
    if (rows.length > 0) yield rows.map((row) => row.json);
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1]?.date_added;
  }
}

async function* bundleText(pages: AsyncIterable<string[]>): AsyncGenerator<string> {
  yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`;
  let first = true;
  for await (const page of pages) {
    yield `${first ? '' : ','}${page.join(',')}`;
    first = false;
  }
  yield ']}\n';
}
