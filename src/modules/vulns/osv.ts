// OSV affected ranges (OSV schema, "Evaluation"): SEMVER and ECOSYSTEM ranges of introduced / fixed /
// last_affected / limit events, and exact `versions` lists. GIT ranges need the repository's commit graph,
// which we do not have: they never match and say so.
import { compareSemver, compareVersions, type Comparison, type VersionScheme } from './versions.js';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}
export interface OsvRange {
  type: string;
  repo?: string;
  events: OsvEvent[];
}
export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
}

export type OsvDetail =
  | 'listed_version'
  | 'in_range'
  | 'outside_range'
  | 'git_unsupported'
  | 'unknown_range_type'
  | 'invalid_range'
  | 'asset_version_unknown'
  | 'version_incomparable'
  | 'no_ranges';

export interface OsvOutcome {
  affected: boolean | 'version_unknown';
  detail: OsvDetail;
  range: string;
}

type Compare = (a: string, b: string) => Comparison | null;

/** ">=1.0.0 <1.0.2 || >=3.0.0 <=3.2.5": each introduced opens a segment; limits are listed as "limit<x". */
export function describeOsvRange(range: OsvRange): string {
  const segments: string[][] = [];
  for (const event of range.events) {
    if (event.introduced !== undefined || segments.length === 0) segments.push([]);
    const current = segments[segments.length - 1] as string[];
    if (event.introduced !== undefined) current.push(`>=${event.introduced}`);
    if (event.fixed !== undefined) current.push(`<${event.fixed}`);
    if (event.last_affected !== undefined) current.push(`<=${event.last_affected}`);
    if (event.limit !== undefined) current.push(`limit<${event.limit}`);
  }
  const text = segments.map((s) => s.join(' ')).join(' || ');
  return range.type === 'GIT' ? `git ${text}` : text;
}

interface Event {
  kind: keyof OsvEvent;
  version: string;
}

function eventsOf(range: OsvRange): Event[] | null {
  const events: Event[] = [];
  for (const event of range.events) {
    const keys = (Object.keys(event) as Array<keyof OsvEvent>).filter((k) => event[k] !== undefined);
    if (keys.length !== 1) return null; // the schema allows exactly one kind per event object
    const kind = keys[0] as keyof OsvEvent;
    events.push({ kind, version: event[kind] as string });
  }
  const kinds = new Set(events.map((e) => e.kind));
  if (!kinds.has('introduced') || (kinds.has('fixed') && kinds.has('last_affected'))) return null;
  return events;
}

// Events ordered by version; "introduced: 0" sorts before everything. At the same version an introduced
// comes first, so "introduced X, fixed X" affects nothing.
function sortEvents(events: Event[], compare: Compare): Event[] | null {
  const key = (e: Event): string => (e.kind === 'introduced' && e.version === '0' ? '' : e.version);
  let failed = false;
  const sorted = [...events].sort((a, b) => {
    if (key(a) === '' || key(b) === '') return key(a) === key(b) ? 0 : key(a) === '' ? -1 : 1;
    const result = compare(a.version, b.version);
    if (result === null) failed = true;
    if (result) return result;
    return (a.kind === 'introduced' ? 0 : 1) - (b.kind === 'introduced' ? 0 : 1);
  });
  return failed ? null : sorted;
}

function rangeCompare(range: OsvRange, scheme: VersionScheme): Compare | null {
  if (range.type === 'ECOSYSTEM') return (a, b) => compareVersions(scheme, a, b);
  // SEMVER ranges carry no "v" even for Go, whose own versions have one.
  if (range.type === 'SEMVER') return (a, b) => compareSemver(a.replace(/^v(?=\d)/, ''), b.replace(/^v(?=\d)/, ''));
  return null;
}

// "introduced: 0" with nothing that ends it: every version is affected, known or not.
const everyVersion = (events: Event[]): boolean =>
  events.some((e) => e.kind === 'introduced' && e.version === '0') &&
  events.every((e) => e.kind === 'introduced' || (e.kind === 'limit' && e.version.includes('*')));

/** One range against one version (null or "" when the asset's version is unknown). */
export function evaluateOsvRange(version: string | null, range: OsvRange, scheme: VersionScheme): OsvOutcome {
  const text = describeOsvRange(range);
  const result = (affected: OsvOutcome['affected'], detail: OsvDetail): OsvOutcome => ({ affected, detail, range: text });
  if (range.type === 'GIT') return result(false, 'git_unsupported');
  const compare = rangeCompare(range, scheme);
  if (!compare) return result(false, 'unknown_range_type');
  const events = eventsOf(range);
  if (!events) return result(false, 'invalid_range');
  if (!version) return everyVersion(events) ? result(true, 'in_range') : result('version_unknown', 'asset_version_unknown');
  const limits = events.filter((e) => e.kind === 'limit');
  if (limits.length > 0) {
    let below = false;
    for (const limit of limits) {
      if (limit.version.includes('*')) below = true;
      else {
        const c = compare(version, limit.version);
        if (c === null) return result('version_unknown', 'version_incomparable');
        if (c < 0) below = true;
      }
    }
    if (!below) return result(false, 'outside_range');
  }
  const sorted = sortEvents(events.filter((e) => e.kind !== 'limit'), compare);
  if (!sorted) return result('version_unknown', 'version_incomparable');
  let vulnerable = false;
  for (const event of sorted) {
    const c = event.kind === 'introduced' && event.version === '0' ? 1 : compare(version, event.version);
    if (c === null) return result('version_unknown', 'version_incomparable');
    if (event.kind === 'introduced' && c >= 0) vulnerable = true;
    else if (event.kind === 'fixed' && c >= 0) vulnerable = false;
    else if (event.kind === 'last_affected' && c > 0) vulnerable = false;
  }
  return result(vulnerable, vulnerable ? 'in_range' : 'outside_range');
}

const RANK = (a: OsvOutcome['affected']): number => (a === true ? 2 : a === 'version_unknown' ? 1 : 0);

/** An `affected` entry: its exact `versions` list, then its ranges; the strongest outcome wins. */
export function evaluateOsvAffected(version: string | null, affected: OsvAffected, scheme: VersionScheme): OsvOutcome {
  if (version) {
    for (const listed of affected.versions ?? []) {
      if (listed === version || compareVersions(scheme, version, listed) === 0) {
        return { affected: true, detail: 'listed_version', range: `=${listed}` };
      }
    }
  }
  let best: OsvOutcome | null = null;
  for (const range of affected.ranges ?? []) {
    const outcome = evaluateOsvRange(version, range, scheme);
    if (best === null || RANK(outcome.affected) > RANK(best.affected)) best = outcome;
    if (outcome.affected === true) break;
  }
  if (best) return best;
  if (!version && (affected.versions ?? []).length > 0) {
    return { affected: 'version_unknown', detail: 'asset_version_unknown', range: '' };
  }
  return { affected: false, detail: (affected.versions ?? []).length > 0 ? 'outside_range' : 'no_ranges', range: '' };
}
