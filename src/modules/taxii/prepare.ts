// The in-memory half of adding objects: validate each one, find its version, TLP level and placement, and
// check that every marking definition it references is known. Pure.
import type { Locale } from '../../auth/roles.js';
import { validateStixObject, type StixIssue } from '../stix/validate.js';
import { markingRefsOf, placementAllowed, tlpOfMarking, tlpOfObject, type Audience, type TlpLevel } from '../stix/tlp.js';
import { failureMessage, placementMessage } from './messages.js';
import { NO_VERSION, versionKey } from './timestamps.js';

export const SUPPORTED_SPEC_VERSION = '2.1';

export interface PreparedObject {
  index: number; // position in the envelope
  stixId: string;
  type: string;
  version: string;
  versionKey: string;
  specVersion: string;
  tlp: TlpLevel;
  createdByRef: string | null;
  revoked: boolean;
  value: Record<string, unknown>;
  json: string;
}

// One line of a status resource (§4.3.1 status-details).
export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface Outcome {
  index: number;
  detail: StatusDetail;
}

export interface PrepareOptions {
  audience: Audience;
  defaultTlp: TlpLevel;
  locale: Locale;
  // The marking definitions of `markingsToLookUp(objects)` that the store holds. An object may reference
  // only TLP's marking definitions, these, and those that arrive with it and are accepted.
  storedMarkings?: ReadonlySet<string>;
  // The identities the writer may name as an object's creator (taxii/identity-claims.ts); absent: any.
  mayClaim?: (identityId: string) => boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const MARKING_PREFIX = 'marking-definition--';
const MARKING_ID_LENGTH = MARKING_PREFIX.length + 36; // and a UUID
const NO_MARKINGS: ReadonlySet<string> = new Set();

/** The marking definitions that the objects reference and only the store can vouch for: all but TLP's. */
export function markingsToLookUp(objects: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const value of objects) {
    if (!isRecord(value)) continue;
    for (const ref of markingRefsOf(value)) {
      if (ref.length === MARKING_ID_LENGTH && ref.startsWith(MARKING_PREFIX) && tlpOfMarking(ref) === undefined) ids.add(ref);
    }
  }
  return [...ids];
}

// What a status line calls an object, even one that is not valid enough to have an id or a version.
function describe(value: unknown, index: number): StatusDetail {
  const object = isRecord(value) ? value : {};
  return { id: text(object.id) ?? `$.objects[${index}]`, version: text(object.modified) ?? text(object.created) ?? NO_VERSION };
}

function issuesText(issues: readonly StixIssue[], locale: Locale): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message[locale]} (${issue.rule})`);
  return issues.length > 5 ? `${shown.join('; ')}; …(+${issues.length - 5})` : shown.join('; ');
}

function prepareOne(value: unknown, index: number, options: PrepareOptions): PreparedObject | Outcome {
  const fail = (message: string): Outcome => ({ index, detail: { ...describe(value, index), message } });
  // Another STIX version fails on its own, before validation: its other issues would only follow from it.
  if (isRecord(value) && value.spec_version !== undefined && value.spec_version !== SUPPORTED_SPEC_VERSION) {
    const version = typeof value.spec_version === 'string' ? value.spec_version : JSON.stringify(value.spec_version);
    return fail(failureMessage('spec_version', options.locale, { version: version.slice(0, 20), supported: SUPPORTED_SPEC_VERSION }));
  }
  const issues = validateStixObject(value);
  if (issues.length > 0 || !isRecord(value) || !text(value.id) || !text(value.type)) {
    const shown = issues.length > 0 ? issuesText(issues, options.locale) : '$: id and type';
    return fail(failureMessage('invalid', options.locale, { issues: shown }));
  }
  const version = text(value.modified) ?? text(value.created) ?? NO_VERSION;
  const key = versionKey(version);
  if (!key) return fail(failureMessage('invalid', options.locale, { issues: `$.modified: ${version}` }));
  const tlp = tlpOfObject(value, options.defaultTlp);
  if (!placementAllowed(tlp, options.audience)) return fail(placementMessage(tlp, options.audience, options.locale));
  return {
    index, stixId: value.id as string, type: value.type as string, version, versionKey: key,
    specVersion: text(value.spec_version) ?? SUPPORTED_SPEC_VERSION, tlp,
    createdByRef: text(value.created_by_ref) ?? null, revoked: value.revoked === true, value, json: JSON.stringify(value),
  };
}

/**
 * The objects that reference a marking definition the server does not know: not TLP's, not stored,
 * and not one of the envelope's that is prepared. A marking definition of the envelope that is refused
 * (here or before) is unknown in turn, so refusals follow chains of markings, each object once.
 */
function refuseUnknownMarkings(prepared: readonly PreparedObject[], options: PrepareOptions): Map<number, Outcome> {
  const stored = options.storedMarkings ?? NO_MARKINGS;
  const vouched = (id: string): boolean => tlpOfMarking(id) !== undefined || stored.has(id);
  const defined = new Map<string, number>(); // the envelope's prepared marking definitions: how many of each id
  for (const p of prepared) if (p.type === 'marking-definition') defined.set(p.stixId, (defined.get(p.stixId) ?? 0) + 1);
  const referrers = new Map<string, PreparedObject[]>(); // marking ids only the envelope may define → who references them
  for (const p of prepared) {
    for (const ref of markingRefsOf(p.value)) {
      if (vouched(ref)) continue;
      const list = referrers.get(ref);
      if (list) list.push(p);
      else referrers.set(ref, [p]);
    }
  }
  const unknown = [...referrers.keys()].filter((id) => !defined.has(id)).reverse();
  const refused = new Map<number, Outcome>();
  for (let id = unknown.pop(); id !== undefined; id = unknown.pop()) {
    for (const p of referrers.get(id) ?? []) {
      if (refused.has(p.index)) continue;
      const message = failureMessage('unknown_marking', options.locale, { marking: id });
      refused.set(p.index, { index: p.index, detail: { id: p.stixId, version: p.version, message } });
      if (p.type !== 'marking-definition' || vouched(p.stixId)) continue;
      const left = (defined.get(p.stixId) ?? 1) - 1;
      if (left > 0) defined.set(p.stixId, left);
      else if (defined.delete(p.stixId) && referrers.has(p.stixId)) unknown.push(p.stixId);
    }
  }
  return refused;
}

export interface Prepared {
  prepared: PreparedObject[];
  failures: Outcome[];
}

/** The identities an object names: its creator, and its own id when it is an identity. */
export function identitiesNamedBy(object: PreparedObject): string[] {
  const named = object.createdByRef ? [object.createdByRef] : [];
  if (object.type === 'identity') named.push(object.stixId);
  return named;
}

/** Splits an envelope's objects into those that may be stored here and failures with their reason, in envelope order. */
export function prepareObjects(objects: readonly unknown[], options: PrepareOptions): Prepared {
  return settleObjects(validateObjects(objects, options), options);
}

/** The first half of prepareObjects: each object on its own (validity, version, TLP and placement). */
export function validateObjects(objects: readonly unknown[], options: PrepareOptions): Prepared {
  const prepared: PreparedObject[] = [];
  const failures: Outcome[] = [];
  objects.forEach((value, index) => {
    const result = prepareOne(value, index, options);
    if ('stixId' in result) prepared.push(result);
    else failures.push(result);
  });
  return { prepared, failures };
}

/**
 * The second half, cheap enough to run under the store's lock, where the owners of identities are decided: the
 * identities each object names must be the writer's to name, and its markings known.
 */
export function settleObjects(validated: Prepared, options: PrepareOptions): Prepared {
  const { mayClaim } = options;
  const refused = new Map<number, Outcome>();
  for (const p of validated.prepared) {
    const identity = mayClaim && identitiesNamedBy(p).find((id) => !mayClaim(id));
    if (identity) refused.set(p.index, { index: p.index, detail: { id: p.stixId, version: p.version, message: failureMessage('identity_not_yours', options.locale, { identity }) } });
  }
  const candidates = refused.size > 0 ? validated.prepared.filter((p) => !refused.has(p.index)) : validated.prepared;
  for (const [index, outcome] of refuseUnknownMarkings(candidates, options)) refused.set(index, outcome);
  if (refused.size === 0) return { prepared: candidates, failures: validated.failures };
  return {
    prepared: candidates.filter((p) => !refused.has(p.index)),
    failures: [...validated.failures, ...refused.values()].sort((a, b) => a.index - b.index),
  };
}
