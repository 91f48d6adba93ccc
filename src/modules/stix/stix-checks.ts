// Building blocks of the validator: each property rule is a precompiled closure `(value, sink) => void` that
// reports at the sink's current path. Regular expressions and parameter objects are created once, here.
import type { IssueSink } from './stix-issues.js';
import { CATEGORY } from './stix-kinds.js';
import { hasPrecision, isLeapSecond, isTimestamp, type TimestampPrecision } from './stix-timestamp.js';

export type Check = (value: unknown, sink: IssueSink) => void;
export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const EXPECT = {
  string: { expected: 'string' },
  integer: { expected: 'integer' },
  number: { expected: 'number' },
  boolean: { expected: 'boolean' },
  list: { expected: 'list' },
  object: { expected: 'object' },
  identifier: { expected: 'identifier' },
  timestamp: { expected: 'timestamp' },
  stringOrInteger: { expected: 'string-or-integer' },
  stringOrList: { expected: 'string-or-list' },
} as const;

// STIX integers must fit a signed 54-bit value (§2.7).
const MIN_INT = -(2 ** 53) + 2;
const MAX_INT = 2 ** 53 - 2;

export const str: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
};

export const bool: Check = (v, s) => {
  if (typeof v !== 'boolean') s.report('property-type', EXPECT.boolean);
};

export function int(min = MIN_INT, max = MAX_INT): Check {
  const range = { min, max };
  return (v, s) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) s.report('property-type', EXPECT.integer);
    else if (v < min || v > max) s.report('range', range);
  };
}

export function num(min = -Infinity, max = Infinity): Check {
  const range = { min, max };
  return (v, s) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) s.report('property-type', EXPECT.number);
    else if (v < min || v > max) s.report('range', range);
  };
}

export function timestamp(precision: TimestampPrecision = 'any'): Check {
  const params = { precision };
  return (v, s) => {
    if (typeof v !== 'string') s.report('property-type', EXPECT.timestamp);
    else if (!isTimestamp(v)) s.report(isLeapSecond(v) ? 'timestamp-leap-second' : 'timestamp-format');
    else if (!hasPrecision(v, precision)) s.report('timestamp-precision', params);
  };
}

export function oneOf(values: readonly string[]): Check {
  const allowed = new Set(values);
  const params = { allowed: values.join(', ') };
  return (v, s) => {
    if (typeof v !== 'string') s.report('property-type', EXPECT.string);
    else if (!allowed.has(v)) s.report('enum', params);
  };
}

export function list(item: Check): Check {
  return (v, s) => {
    if (!Array.isArray(v)) return s.report('property-type', EXPECT.list);
    if (v.length === 0) return s.report('empty-list');
    for (let i = 0; i < v.length; i++) {
      s.push(i);
      item(v[i], s);
      s.pop();
    }
  };
}

export const strList = list(str);

// --- identifiers and references -------------------------------------------------------------------------

const UUID_PART = 38; // "--" and 36 characters of UUID

const IDENTIFIER = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/**
 * `type--UUID`: a type name of 3-250 characters (a-z, 0-9, single hyphens, starting with a letter) and an
 * RFC 4122 UUID (versions 1-5, RFC variant; hex digits in either case, as RFC 4122 reads them).
 */
export function isIdentifier(v: string): boolean {
  const typeLength = v.length - UUID_PART;
  return typeLength >= 3 && typeLength <= 250 && IDENTIFIER.test(v);
}

export const identifierType = (id: string): string => id.slice(0, id.length - UUID_PART);

/** True when the valid identifier `id` names an object of `type`. */
export const idHasType = (id: string, type: string): boolean => id.length - UUID_PART === type.length && id.startsWith(type);

/** Version digit of the UUID of a valid identifier. */

export interface RefTarget {
  readonly types: ReadonlySet<string>;
  readonly categories: number; // bit flags from stix-kinds
  readonly custom: boolean; // types this specification does not define (x-..., extension-defined) are allowed
  readonly label: string;
  readonly single: string | undefined; // the only allowed type, for a check without slicing the id
}

export function target(types: readonly string[], categories = 0, custom = false, label = types.join(', ')): RefTarget {
  return { types: new Set(types), categories, custom, label, single: types.length === 1 && categories === 0 && !custom ? types[0] : undefined };
}

export function refAllowed(id: string, t: RefTarget): boolean {
  if (t.single !== undefined && id.length - UUID_PART === t.single.length && id.startsWith(t.single)) return true;
  const type = identifierType(id);
  if (t.types.has(type)) return true;
  const category = CATEGORY.get(type);
  return category === undefined ? t.custom : (category & t.categories) !== 0;
}

export function ref(t: RefTarget): Check {
  return (v, s) => {
    if (typeof v !== 'string') return s.report('property-type', EXPECT.identifier);
    if (!isIdentifier(v)) return s.report('ref-format');
    if (!refAllowed(v, t)) s.report('ref-target', { target: identifierType(v), allowed: t.label });
  };
}

export const refList = (t: RefTarget): Check => list(ref(t));

// --- formats --------------------------------------------------------------------------------------------

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 5646 language tags (langtag, private use, the irregular i-* grandfathered tags), case-insensitive.
const LANG = /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+|i-[a-z]{2,8})$/i;

export const hex: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
  else if (!HEX.test(v)) s.report('hex-format');
};

export const binary: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
  else if (!BASE64.test(v)) s.report('binary-format');
};

export const isLangTag = (v: string): boolean => LANG.test(v);

export const lang: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
  else if (!LANG.test(v)) s.report('lang-format');
};

export function format(test: (v: string) => boolean, description: string): Check {
  const params = { format: description };
  return (v, s) => {
    if (typeof v !== 'string') s.report('property-type', EXPECT.string);
    else if (!test(v)) s.report('value-format', params);
  };
}

// --- dictionaries and hashes ----------------------------------------------------------------------------

const DICT_KEY = /^[a-zA-Z0-9_-]{1,250}$/;

export function dict(value?: Check): Check {
  return (v, s) => {
    if (!isObject(v)) return s.report('property-type', EXPECT.object);
    let size = 0;
    for (const key in v) {
      size++;
      if (!DICT_KEY.test(key)) s.reportAt(key, 'dictionary-key', { key });
      else if (value !== undefined) {
        s.push(key);
        value(v[key], s);
        s.pop();
      }
    }
    if (size === 0) s.report('empty-dictionary');
  };
}

const HASH_KEY = /^[a-zA-Z0-9_-]{3,250}$/;
const HASH_FORMATS = new Map<string, { re: RegExp; params: { algorithm: string; format: string } }>();
for (const [algorithm, re, description] of [
  ['MD5', /^[0-9a-fA-F]{32}$/, '32 hex digits'],
  ['SHA-1', /^[0-9a-fA-F]{40}$/, '40 hex digits'],
  ['SHA-256', /^[0-9a-fA-F]{64}$/, '64 hex digits'],
  ['SHA-512', /^[0-9a-fA-F]{128}$/, '128 hex digits'],
  ['SHA3-256', /^[0-9a-fA-F]{64}$/, '64 hex digits'],
  ['SHA3-512', /^[0-9a-fA-F]{128}$/, '128 hex digits'],
  ['SSDEEP', /^\d+:[A-Za-z0-9/+]+:[A-Za-z0-9/+]+$/, 'blocksize:hash:hash'],
  ['TLSH', /^(?:T1)?[0-9a-fA-F]{70}$/, '70 hex digits, optionally after T1'],
] as const) {
  HASH_FORMATS.set(algorithm, { re, params: { algorithm, format: description } });
}

/** A hashes dictionary (§2.5): algorithm names of 3-250 characters, string values, known algorithms in their format. */
export const hashes: Check = (v, s) => {
  if (!isObject(v)) return s.report('property-type', EXPECT.object);
  let size = 0;
  for (const key in v) {
    size++;
    const value = v[key];
    if (!HASH_KEY.test(key)) s.reportAt(key, 'hash-algorithm-name', { key });
    else if (typeof value !== 'string') s.reportAt(key, 'property-type', EXPECT.string);
    else {
      const known = HASH_FORMATS.get(key) ?? (key.length <= 8 ? HASH_FORMATS.get(key.toUpperCase()) : undefined);
      if (known !== undefined && !known.re.test(value)) s.reportAt(key, 'hash-value', known.params);
      else if (value.length === 0) s.reportAt(key, 'hash-value', { algorithm: key, format: 'not empty' });
    }
  }
  if (size === 0) s.report('empty-dictionary');
};
