// The machine operator's view of a collection (anshin stix import | export): the CLI acts with the system
// context and is not subject to TAXII's per-caller access; only the operator of the machine can run it.
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { findCollection } from './collections.repository.js';
import { findObjectEntries } from './entries.repository.js';
import { findCollectionIdByAlias } from './export.repository.js';
import type { VersionMatch } from './filters.js';
import { addedAfterKey } from './timestamps.js';

export interface OperatorCollection {
  id: string;
  audience: string;
  alias: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A collection named by its id or its alias (e.g. "community", "public"); not_found otherwise. */
export async function resolveCollectionAsOperator(db: Database, ref: string): Promise<OperatorCollection> {
  const id = UUID.test(ref) ? ref.toLowerCase() : await findCollectionIdByAlias(db, ref);
  const found = id === undefined ? undefined : await findCollection(db, id);
  if (!found) throw new AppError('not_found');
  return { id: found.id, audience: found.audience, alias: found.alias };
}

export interface ExportOptions {
  types?: readonly string[];
  addedAfter?: string; // an RFC 3339 timestamp in UTC, as TAXII's added_after
  allVersions?: boolean; // every stored version instead of the latest of each object
  pageSize?: number;
}

const TYPE = /^[a-z0-9][a-z0-9-]{0,249}$/;
export const EXPORT_PAGE_SIZE = 1000;

function exportQuery(options: ExportOptions): { after: string | undefined; types: string[] | undefined; versions: VersionMatch } {
  const wrongType = options.types?.find((t) => !TYPE.test(t));
  if (wrongType !== undefined) throw new AppError('invalid_filter', { detail: `not a STIX type: "${wrongType.slice(0, 80)}"` });
  const after = options.addedAfter === undefined ? undefined : addedAfterKey(options.addedAfter);
  if (options.addedAfter !== undefined && after === undefined) throw new AppError('invalid_filter', { detail: 'added-after must be an RFC 3339 timestamp in UTC ("Z")' });
  const types = options.types && options.types.length > 0 ? [...new Set(options.types)] : undefined;
  const versions: VersionMatch = options.allVersions ? { all: true, first: false, last: false, keys: [] } : { all: false, first: false, last: true, keys: [] };
  return { after, types, versions };
}

/**
 * The stored JSON text of a collection's objects in date_added order, one page at a time (keyset on
 * date_added, so memory stays flat whatever the size): the latest version of each object unless
 * `allVersions`. Filters are checked before the first page.
 */
export async function* exportObjectsAsOperator(db: Database, collectionId: string, options: ExportOptions = {}): AsyncGenerator<string[]> {
  const query = exportQuery(options);
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  let after = query.after;
  for (;;) {
    const rows = await findObjectEntries(db, { collectionId, after, types: query.types, versions: query.versions, limit });
    const last = rows[rows.length - 1];
    if (last) yield rows.map((row) => row.json);
    if (!last || rows.length < limit) return;
    after = last.date_added;
  }
}
