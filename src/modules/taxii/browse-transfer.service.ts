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
import { SUPPORTED_SPEC_VERSION, type StatusDetail } from './prepare.js';
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

// addObjects refuses a whole request that holds another spec_version (TAXII answers 422); a bundle
// file is not one request, so such objects fail one by one, as in the CLI's import.
function otherSpecVersion(value: unknown, index: number): StatusDetail | undefined {
  if (!isRecord(value) || value.spec_version === undefined || value.spec_version === SUPPORTED_SPEC_VERSION) return undefined;
  return {
    id: typeof value.id === 'string' ? value.id : `$.objects[${index}]`,
    version: String(value.modified ?? value.created ?? ''),
    message: `spec_version ${String(value.spec_version).slice(0, 20)} is not supported (only ${SUPPORTED_SPEC_VERSION})`,
  };
}

const POSITION = /^\$\.objects\[(\d+)\]$/;

/**
 * Stores the valid objects of a bundle in the collection, as the caller; the answer is the status
 * resource of the request, with objects of another STIX version counted among the failures.
 */
export async function importIntelBundle(db: Database, config: Config, ctx: RequestContext, collectionId: string, body: unknown): Promise<StatusResource> {
  requireSignedIn(ctx);
  const { collection } = await requireCollection(db, config, ctx, collectionId, 'write');
  const objects = bundleObjects(body);
  const refused: StatusDetail[] = [];
  const accepted: unknown[] = [];
  const positions: number[] = [];
  objects.forEach((value, index) => {
    const refusal = otherSpecVersion(value, index);
    if (refusal) refused.push(refusal);
    else {
      accepted.push(value);
      positions.push(index);
    }
  });
  const { status } = await addObjects(db, { request: ctx, defaultTlp: config.defaultTlp, onStored: onStoredFrom(ctx, accepted) }, collection.id, accepted);
  // Failures without an id are named by their position among the objects addObjects saw: make it the bundle's.
  const inBundle = (d: StatusDetail): StatusDetail => {
    const at = POSITION.exec(d.id);
    return at ? { ...d, id: `$.objects[${positions[Number(at[1])] ?? at[1]}]` } : d;
  };
  const failures = [...(status.failures ?? []).map(inBundle), ...refused];
  return {
    ...status,
    total_count: status.total_count + refused.length,
    failure_count: failures.length,
    ...(failures.length > 0 ? { failures } : {}),
  };
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
