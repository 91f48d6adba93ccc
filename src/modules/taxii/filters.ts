// TAXII 2.1 URL parameters (§3.4): parsed and checked once, so that the repository gets clean values. Pure.
import { AppError } from '../../errors.js';
import { addedAfterKey, versionKey } from './timestamps.js';

export type FilterEndpoint = 'objects' | 'object' | 'versions' | 'delete';

export interface VersionMatch {
  all: boolean;
  first: boolean;
  last: boolean;
  keys: string[]; // exact versions as version keys
}

export interface TaxiiFilter {
  addedAfter?: string; // in date_added form
  limit: number;
  next?: string;
  ids?: string[];
  types?: string[];
  versions: VersionMatch;
  specVersions?: string[];
  // The filters as sent, normalised: a `next` token is only valid with the same ones.
  fingerprint: string;
}

export const PAGE_LIMITS = { default: 100, max: 1000 } as const;
const MAX_VALUES = 1000;

const MATCH_FIELDS: Record<FilterEndpoint, readonly string[]> = {
  objects: ['id', 'type', 'version', 'spec_version'],
  object: ['version', 'spec_version'],
  versions: ['spec_version'],
  delete: ['version', 'spec_version'],
};
const PAGED: readonly FilterEndpoint[] = ['objects', 'object', 'versions'];
const ALL_VERSIONS: VersionMatch = { all: true, first: false, last: false, keys: [] };

export const STIX_ID = /^[a-z0-9][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const STIX_TYPE = /^[a-z0-9][a-z0-9-]{0,249}$/;
const SPEC_VERSION = /^\d+\.\d+$/;

type Query = Record<string, string | string[] | undefined>;
const bad = (detail: string) => new AppError('invalid_filter', { detail });

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw bad(`${name} is given more than once`);
  if (value !== undefined && value.trim() === '') throw bad(`${name} is empty`);
  return value?.trim();
}

function list(query: Query, field: string, valid: (token: string) => boolean): string[] | undefined {
  const raw = single(query, `match[${field}]`);
  if (raw === undefined) return undefined;
  const tokens = raw.split(',').map((t) => t.trim());
  if (tokens.length > MAX_VALUES) throw bad(`match[${field}] has more than ${MAX_VALUES} values`);
  const wrong = tokens.find((t) => !valid(t));
  if (wrong !== undefined) throw bad(`match[${field}] has an invalid value "${wrong.slice(0, 80)}"`);
  return [...new Set(tokens)];
}

// Without match[version], reads return the latest version (§3.4.2); the versions endpoint lists all,
// and a delete removes every version, so that the object is gone afterwards (§5.7).
function versionMatch(tokens: string[] | undefined, endpoint: FilterEndpoint): VersionMatch {
  if (!tokens) return endpoint === 'delete' || endpoint === 'versions' ? ALL_VERSIONS : { all: false, first: false, last: true, keys: [] };
  if (tokens.includes('all') && tokens.length > 1) throw bad('match[version]=all cannot be combined with other values');
  return {
    all: tokens.includes('all'),
    first: tokens.includes('first'),
    last: tokens.includes('last'),
    keys: tokens.filter((t) => !['all', 'first', 'last'].includes(t)).map((t) => versionKey(t) as string),
  };
}

function checkNames(query: Query, endpoint: FilterEndpoint): void {
  for (const name of Object.keys(query)) {
    const match = /^match\[(.*)\]$/.exec(name);
    if (match) {
      if (!MATCH_FIELDS[endpoint].includes(match[1] ?? '')) throw bad(`${name} is not supported here`);
    } else if (['added_after', 'limit', 'next'].includes(name) && !PAGED.includes(endpoint)) {
      throw bad(`${name} is not supported here`);
    }
  }
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return PAGE_LIMITS.default;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw bad('limit must be a positive integer');
  return Math.min(Number(raw), PAGE_LIMITS.max);
}

/**
 * Reads the TAXII parameters an endpoint supports. A repeated or empty parameter, a match field the
 * endpoint does not define, or a malformed value is a 400 (invalid_filter). Other parameters are ignored.
 */
export function parseFilter(query: Query, endpoint: FilterEndpoint): TaxiiFilter {
  checkNames(query, endpoint);
  const addedAfterText = single(query, 'added_after');
  const addedAfter = addedAfterText === undefined ? undefined : addedAfterKey(addedAfterText);
  if (addedAfterText !== undefined && addedAfter === undefined) throw bad('added_after must be an RFC 3339 timestamp in UTC ("Z")');
  const ids = list(query, 'id', (t) => STIX_ID.test(t));
  const types = list(query, 'type', (t) => STIX_TYPE.test(t));
  const versionTokens = list(query, 'version', (t) => ['all', 'first', 'last'].includes(t) || versionKey(t) !== undefined);
  const specVersions = list(query, 'spec_version', (t) => SPEC_VERSION.test(t));
  const filter: TaxiiFilter = {
    limit: parseLimit(single(query, 'limit')),
    versions: versionMatch(versionTokens, endpoint),
    fingerprint: JSON.stringify([endpoint === 'delete' ? 'delete' : 'read', addedAfter, ids, types, versionTokens, specVersions]),
  };
  const next = single(query, 'next');
  if (addedAfter !== undefined) filter.addedAfter = addedAfter;
  if (next !== undefined) filter.next = next;
  if (ids) filter.ids = ids;
  if (types) filter.types = types;
  if (specVersions) filter.specVersions = specVersions;
  return filter;
}
