// Object shapes (a property table plus required properties and cross-property rules), the treatment of
// properties a shape does not define (x_ custom properties), and the cross-property helpers the types use.
import { binary, EXPECT, hex, isObject, ref, refList, target, type Check, type Obj } from './stix-checks.js';
import type { IssueSink } from './stix-issues.js';
import { ANY_CATEGORY } from './stix-kinds.js';
import { compareTimestamps, isTimestamp } from './stix-timestamp.js';

export interface Shape {
  readonly name: string; // used in messages: "x is not a property of <name>"
  readonly props: ReadonlyMap<string, Check>;
  readonly required: readonly string[];
  readonly check?: (o: Obj, s: IssueSink) => void;
}

export interface ShapeOptions {
  required?: readonly string[];
  atLeastOne?: readonly string[];
  check?: (o: Obj, s: IssueSink) => void;
}

export function shape(name: string, props: Record<string, Check>, options: ShapeOptions = {}): Shape {
  const { required = [], atLeastOne, check } = options;
  const some = atLeastOne && requireOneOf(atLeastOne);
  const combined = some && check ? (o: Obj, s: IssueSink) => (some(o, s), check(o, s)) : (some ?? check);
  return { name, props: new Map(Object.entries(props)), required, ...(combined ? { check: combined } : {}) };
}

export function checkShape(o: Obj, s: IssueSink, sh: Shape): void {
  const { props } = sh;
  for (const key in o) {
    const check = props.get(key);
    if (check === undefined) checkOtherProperty(key, o[key], s, sh.name, false);
    else {
      s.push(key);
      check(o[key], s);
      s.pop();
    }
  }
  for (const key of sh.required) if (o[key] === undefined) s.reportAt(key, 'required', { prop: key });
  sh.check?.(o, s);
}

export const nested =
  (sh: Shape): Check =>
  (v, s) => {
    if (isObject(v)) checkShape(v, s, sh);
    else s.report('property-type', EXPECT.object);
  };

// --- properties a shape does not define -----------------------------------------------------------------

const PROPERTY_NAME = /^[a-z][a-z0-9_]{2,249}$/;
const RESERVED = new Set(['action', 'severity', 'username', 'phone_numbers']);
const ANY_OBJECT = target([], ANY_CATEGORY, true, 'any STIX object');
const anyRef = ref(ANY_OBJECT);
const anyRefs = refList(ANY_OBJECT);

/**
 * A property the shape does not define. Custom properties (x_..., or any name when `custom` is set: custom
 * objects, top-level property extensions, extension-definition payloads) must have a valid name, and the
 * name suffixes _ref, _refs, _bin and _hex keep their meaning (§3.1). Anything else is unknown.
 */
export function checkOtherProperty(key: string, value: unknown, s: IssueSink, typeName: string, custom: boolean): void {
  if (!custom && !key.startsWith('x_')) {
    s.reportAt(key, RESERVED.has(key) ? 'reserved-property' : 'unknown-property', { prop: key, type: typeName });
    return;
  }
  if (!PROPERTY_NAME.test(key)) return s.reportAt(key, 'property-name', { prop: key });
  if (RESERVED.has(key)) return s.reportAt(key, 'reserved-property', { prop: key });
  const check = key.endsWith('_ref') ? anyRef : key.endsWith('_refs') ? anyRefs : key.endsWith('_bin') ? binary : key.endsWith('_hex') ? hex : undefined;
  if (check !== undefined) {
    s.push(key);
    check(value, s);
    s.pop();
  }
}

// --- cross-property rules -------------------------------------------------------------------------------

/** `later` must be >= `earlier` (or > when strict), when both are valid timestamps. */
export function timestampOrder(earlier: string, later: string, strict = false): (o: Obj, s: IssueSink) => void {
  const params = { prop: later, other: earlier, strict: strict ? 1 : 0 };
  return (o, s) => {
    const a = o[earlier];
    const b = o[later];
    if (typeof a !== 'string' || typeof b !== 'string' || !isTimestamp(a) || !isTimestamp(b)) return;
    const order = compareTimestamps(b, a);
    if (order < 0 || (strict && order === 0)) s.reportAt(later, 'timestamp-order', params);
  };
}

export function requireOneOf(props: readonly string[]): (o: Obj, s: IssueSink) => void {
  const params = { props: props.join(', ') };
  return (o, s) => {
    for (const p of props) if (o[p] !== undefined) return;
    s.report('required-one-of', params);
  };
}

/** When `prop` is present, every property of `needs` must be too. */
export function requires(prop: string, needs: readonly string[]): (o: Obj, s: IssueSink) => void {
  const params = { prop, needs: needs.join(', ') };
  return (o, s) => {
    if (o[prop] === undefined) return;
    for (const n of needs) if (o[n] === undefined) return s.reportAt(prop, 'property-dependency', params);
  };
}

export function exclusive(a: string, b: string): (o: Obj, s: IssueSink) => void {
  const params = { props: `${a}, ${b}` };
  return (o, s) => {
    if (o[a] !== undefined && o[b] !== undefined) s.reportAt(b, 'mutually-exclusive', params);
  };
}

export function all(...checks: ((o: Obj, s: IssueSink) => void)[]): (o: Obj, s: IssueSink) => void {
  return (o, s) => {
    for (const c of checks) c(o, s);
  };
}
