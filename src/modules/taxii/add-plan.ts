// Decides, for objects that passed validation and placement, what adding them changes: new versions,
// duplicates, versioning failures, new collection entries and their latest/first markers. Pure.
import type { Locale } from '../../auth/roles.js';
import { failureMessage } from './messages.js';
import type { Outcome, PreparedObject } from './prepare.js';
import type { StoredVersion } from './store.repository.js';

export interface PlanInput {
  objects: readonly PreparedObject[];
  stored: readonly StoredVersion[]; // every stored version of the objects' ids
  storedJson: ReadonlyMap<number, string>; // the JSON of stored versions that an object has the same version as
  entryKeys: ReadonlyArray<{ stix_id: string; version_key: string }>; // already in this collection
  locale: Locale;
}

export interface PlannedEntry {
  stixId: string;
  versionKey: string;
  type: string;
  specVersion: string;
  storedPk: number | null; // an existing version, or null for one of `newObjects`
  isLatest: boolean;
  isFirst: boolean;
}

export interface Plan {
  newObjects: PreparedObject[];
  entries: PlannedEntry[];
  clearLatest: string[]; // ids whose current latest entry in the collection stops being the latest
  clearFirst: string[];
  successes: Outcome[];
  failures: Outcome[];
}

interface Version {
  key: string;
  version: string;
  pk: number | null;
  fresh: PreparedObject | null;
  createdByRef: string | null;
  revoked: boolean;
}

/** JSON with object keys sorted at every level: two texts of the same object compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function versionsById(stored: readonly StoredVersion[]): Map<string, Map<string, Version>> {
  const byId = new Map<string, Map<string, Version>>();
  for (const s of stored) {
    const versions = byId.get(s.stix_id) ?? new Map<string, Version>();
    versions.set(s.version_key, { key: s.version_key, version: s.version, pk: s.pk, fresh: null, createdByRef: s.created_by_ref, revoked: s.revoked === 1 });
    byId.set(s.stix_id, versions);
  }
  return byId;
}

function latestOf(versions: Map<string, Version>): Version | undefined {
  let latest: Version | undefined;
  for (const v of versions.values()) if (!latest || v.key > latest.key) latest = v;
  return latest;
}

// Why a version that is not stored yet may not become the next one, if it may not.
function versioningProblem(object: PreparedObject, latest: Version | undefined, locale: Locale): string | undefined {
  if (!latest) return undefined;
  if (object.versionKey < latest.key) return failureMessage('not_newer', locale, { latest: latest.version });
  if (latest.revoked) return failureMessage('revoked', locale);
  if (object.createdByRef !== latest.createdByRef) return failureMessage('not_creator', locale, { creator: latest.createdByRef ?? '—' });
  return undefined;
}

export function planAdd(input: PlanInput): Plan {
  const plan: Plan = { newObjects: [], entries: [], clearLatest: [], clearFirst: [], successes: [], failures: [] };
  const byId = versionsById(input.stored);
  const inCollection = new Map<string, Set<string>>();
  for (const e of input.entryKeys) inCollection.set(e.stix_id, (inCollection.get(e.stix_id) ?? new Set()).add(e.version_key));
  const before = new Map([...inCollection].map(([id, keys]) => [id, { last: max(keys), first: min(keys) }]));
  const canonical = new Map<PreparedObject | number, string>();
  const canonicalOf = (of: PreparedObject | number): string => {
    if (!canonical.has(of)) canonical.set(of, canonicalJson(typeof of === 'number' ? JSON.parse(input.storedJson.get(of) ?? 'null') : of.value));
    return canonical.get(of) as string;
  };

  for (const object of input.objects) {
    const versions = byId.get(object.stixId) ?? new Map<string, Version>();
    byId.set(object.stixId, versions);
    const same = versions.get(object.versionKey);
    const fail = (message: string) => plan.failures.push({ index: object.index, detail: { id: object.stixId, version: object.version, message } });
    if (same) {
      // The same version again is a duplicate (a success) when it is the same object, a conflict otherwise.
      if (canonicalOf(same.fresh ?? (same.pk as number)) !== canonicalOf(object)) {
        fail(failureMessage('conflict', input.locale, { version: object.version }));
        continue;
      }
      addEntry(plan, inCollection, object, same.pk);
    } else {
      const problem = versioningProblem(object, latestOf(versions), input.locale);
      if (problem) {
        fail(problem);
        continue;
      }
      versions.set(object.versionKey, { key: object.versionKey, version: object.version, pk: null, fresh: object, createdByRef: object.createdByRef, revoked: object.revoked });
      plan.newObjects.push(object);
      addEntry(plan, inCollection, object, null);
    }
    plan.successes.push({ index: object.index, detail: { id: object.stixId, version: object.version } });
  }
  setMarkers(plan, inCollection, before);
  return plan;
}

function addEntry(plan: Plan, inCollection: Map<string, Set<string>>, object: PreparedObject, storedPk: number | null): void {
  const keys = inCollection.get(object.stixId) ?? new Set<string>();
  if (keys.has(object.versionKey)) return;
  inCollection.set(object.stixId, keys.add(object.versionKey));
  plan.entries.push({
    stixId: object.stixId, versionKey: object.versionKey, type: object.type, specVersion: object.specVersion, storedPk,
    isLatest: false, isFirst: false,
  });
}

function setMarkers(plan: Plan, inCollection: Map<string, Set<string>>, before: Map<string, { last?: string; first?: string }>): void {
  const touched = new Set(plan.entries.map((e) => e.stixId));
  for (const id of touched) {
    const keys = inCollection.get(id) as Set<string>;
    const last = max(keys);
    const first = min(keys);
    const previous = before.get(id);
    if (previous?.last !== undefined && previous.last !== last) plan.clearLatest.push(id);
    if (previous?.first !== undefined && previous.first !== first) plan.clearFirst.push(id);
  }
  for (const entry of plan.entries) {
    const keys = inCollection.get(entry.stixId) as Set<string>;
    entry.isLatest = entry.versionKey === max(keys);
    entry.isFirst = entry.versionKey === min(keys);
  }
}

function max(keys: Set<string>): string | undefined {
  let best: string | undefined;
  for (const k of keys) if (best === undefined || k > best) best = k;
  return best;
}

function min(keys: Set<string>): string | undefined {
  let best: string | undefined;
  for (const k of keys) if (best === undefined || k < best) best = k;
  return best;
}
