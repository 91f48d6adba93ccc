// The observable values of a STIX object: the value of a cyber-observable object, the hashes of files
// and artifacts, and the equality comparisons of an indicator's STIX pattern. Pure: no I/O.
import { equalityObservables, parsePattern } from '../stix/pattern/pattern.js';
import { isBenign } from './benign.js';
import { detectObservable, normaliseAs, normaliseHash, type Observable, type ObservableType } from './normalise.js';

const SCO_VALUE_TYPES: Readonly<Record<string, ObservableType>> = {
  'ipv4-addr': 'ipv4', 'ipv6-addr': 'ipv6', 'domain-name': 'domain', url: 'url', 'email-addr': 'email',
};
const HASHED = new Set(['file', 'artifact', 'x509-certificate']);

type StixObject = Record<string, unknown>;

function add(out: Map<string, Observable>, found: Observable | null): void {
  if (found) out.set(`${found.type}\u0000${found.value}`, found);
}

function hashesOf(hashes: unknown, out: Map<string, Observable>): void {
  if (typeof hashes !== 'object' || hashes === null) return;
  for (const value of Object.values(hashes)) if (typeof value === 'string') add(out, normaliseHash(value));
}

// A pattern path names the property compared: "value", "hashes.'SHA-256'", "from_ref.value", ...
function fromComparison(objectType: string, path: string, value: unknown): Observable | null {
  if (typeof value !== 'string') return null;
  const direct = SCO_VALUE_TYPES[objectType];
  if (direct && path === 'value') return normaliseAs(direct, value);
  if (HASHED.has(objectType) && path.startsWith('hashes.')) return normaliseHash(value);
  // References followed to another object's value (email-message:from_ref.value, network-traffic:dst_ref.value).
  if (/_ref\.value$|_refs\[\*\]\.value$/.test(path)) return detectObservable(value);
  return null;
}

/** Every distinct normalised observable the object names; empty for objects that name none. */
export function observablesOf(object: StixObject): Observable[] {
  const out = new Map<string, Observable>();
  const type = typeof object.type === 'string' ? object.type : '';
  const direct = SCO_VALUE_TYPES[type];
  if (direct && typeof object.value === 'string') add(out, normaliseAs(direct, object.value));
  if (HASHED.has(type)) hashesOf(object.hashes, out);
  if (type === 'indicator' && object.pattern_type === 'stix' && typeof object.pattern === 'string') {
    for (const c of equalityObservables(parsePattern(object.pattern))) add(out, fromComparison(c.objectType, c.path, c.value));
  }
  return [...out.values()];
}

/**
 * The values a version of an object holds for correlation: the non-benign observables it names, sorted by type and
 * value, and none at all when the version is revoked. Which version counts for whom is decided by the callers
 * (correlation.service.ts: the newest one the caller can read; the indexer: the newest one stored).
 */
export function heldValues(object: StixObject): Observable[] {
  if (object.revoked === true) return [];
  return observablesOf(object).filter((o) => !isBenign(o))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
