// The in-memory half of adding objects: validate each one, find its version, TLP level and placement. Pure.
import type { Locale } from '../../auth/roles.js';
import { validateStixObject, type StixIssue } from '../stix/validate.js';
import { placementAllowed, tlpOfObject, type Audience, type TlpLevel } from '../stix/tlp.js';
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
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The first spec_version in the envelope that this server does not store, if any. */
export function unsupportedSpecVersion(objects: readonly unknown[]): string | undefined {
  for (const value of objects) {
    if (isRecord(value) && value.spec_version !== undefined && value.spec_version !== SUPPORTED_SPEC_VERSION) return String(value.spec_version);
  }
  return undefined;
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

/** Splits an envelope's objects into those that may be stored here and failures with their reason. */
export function prepareObjects(objects: readonly unknown[], options: PrepareOptions): { prepared: PreparedObject[]; failures: Outcome[] } {
  const prepared: PreparedObject[] = [];
  const failures: Outcome[] = [];
  objects.forEach((value, index) => {
    const result = prepareOne(value, index, options);
    if ('stixId' in result) prepared.push(result);
    else failures.push(result);
  });
  return { prepared, failures };
}
