// STIX 2.1 validation (pure, no I/O): every object type of the specification, custom objects and bundles.
// All issues of an object are collected (up to MAX_ISSUES_PER_OBJECT), each with its JSON path, a stable rule
// id and a message in Japanese and English. Rule tables are built once at module load.
import { EXPECT, idHasType, isIdentifier, isObject, list, type Obj } from './stix-checks.js';
import { checkExtensions, declaredCategory, hasToplevelExtension } from './stix-extensions.js';
import { IssueSink, type StixIssue } from './stix-issues.js';
import { SCO, SDO, SRO } from './stix-kinds.js';
import { META_RULES } from './stix-meta-types.js';
import { SCO_RULES } from './stix-sco-types.js';
import { SDO_RULES, SRO_RULES } from './stix-sdo-types.js';
import { checkOtherProperty } from './stix-shape.js';
import { CUSTOM_SCO, CUSTOM_SDO, CUSTOM_SRO, type TypeRule } from './stix-types.js';

export type { StixIssue } from './stix-issues.js';
export { MAX_ISSUES_PER_OBJECT } from './stix-issues.js';

const RULES: ReadonlyMap<string, TypeRule> = new Map([...SDO_RULES, ...SRO_RULES, ...SCO_RULES, ...META_RULES].map((r) => [r.name, r]));
const TYPE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const isTypeName = (t: string): boolean => t.length >= 3 && t.length <= 250 && TYPE_NAME.test(t);

/** Ids the specification fixes for its own marking definitions; they are exempt from the UUIDv4 rule. */

function customRule(o: Obj, type: string): TypeRule | undefined {
  const declared = declaredCategory(o.extensions);
  if (declared === SDO) return CUSTOM_SDO;
  if (declared === SRO) return CUSTOM_SRO;
  if (declared === SCO) return CUSTOM_SCO;
  if (!type.startsWith('x-')) return undefined;
  // A STIX 2.0-style custom object: domain-like when it has the SDO timestamps, observable-like otherwise.
  return o.created !== undefined || o.modified !== undefined ? CUSTOM_SDO : CUSTOM_SCO;
}

function checkId(o: Obj, type: string, rule: TypeRule, s: IssueSink): void {
  const id = o.id;
  if (id === undefined) return s.reportAt('id', 'required', { prop: 'id' });
  if (typeof id !== 'string') return s.reportAt('id', 'property-type', EXPECT.identifier);
  if (!isIdentifier(id)) return s.reportAt('id', 'id-format');
  if (!idHasType(id, type)) return s.reportAt('id', 'id-type-mismatch', { type });
}

function ruleFor(o: Obj, s: IssueSink): { rule: TypeRule; type: string } | undefined {
  const type = o.type;
  if (type === undefined) return void s.reportAt('type', 'required', { prop: 'type' });
  if (typeof type !== 'string') return void s.reportAt('type', 'property-type', EXPECT.string);
  const known = RULES.get(type);
  if (known !== undefined) return { rule: known, type };
  if (!isTypeName(type)) return void s.reportAt('type', 'type-name');
  const custom = customRule(o, type);
  if (custom === undefined) return void s.reportAt('type', 'unknown-type', { type });
  return { rule: custom, type };
}

function checkObject(value: unknown, s: IssueSink, index: number): void {
  if (!isObject(value)) {
    s.startObject(index, {});
    return s.report('not-object');
  }
  s.startObject(index, value);
  const found = ruleFor(value, s);
  if (found === undefined) return;
  const { rule, type } = found;
  checkId(value, type, rule, s);
  const custom = rule.custom || hasToplevelExtension(value.extensions);
  const { props } = rule;
  for (const key in value) {
    if (key === 'type' || key === 'id') continue;
    const check = props.get(key);
    if (check !== undefined) {
      s.push(key);
      check(value[key], s);
      s.pop();
    } else if (key === 'extensions' && rule.allowsExtensions) {
      s.push(key);
      checkExtensions(value[key], s, rule, type);
      s.pop();
    } else checkOtherProperty(key, value[key], s, type, custom);
  }
  for (const key of rule.required) if (value[key] === undefined) s.reportAt(key, 'required', { prop: key });
  rule.check?.(value, s);
}

/** Validates one STIX object; paths start at "$". An empty list means the object is valid. */
export function validateStixObject(value: unknown): StixIssue[] {
  const sink = new IssueSink();
  checkObject(value, sink, -1);
  return sink.issues;
}

const objectList = list(() => undefined);

/**
 * Validates the bundle's own properties (type, id, objects being a list) but not its objects: for a bundle
 * read as a stream, where each object is validated on its own with validateStixObject.
 */
export function validateBundleEnvelope(value: unknown): StixIssue[] {
  const sink = new IssueSink();
  checkEnvelope(value, sink);
  return sink.issues;
}

function checkEnvelope(value: unknown, s: IssueSink): void {
  if (!isObject(value)) {
    s.startObject(-1, {});
    return s.report('not-object');
  }
  s.startObject(-1, value);
  if (value.type !== 'bundle') s.reportAt('type', value.type === undefined ? 'required' : 'bundle-type', { prop: 'type' });
  const id = value.id;
  if (id === undefined) s.reportAt('id', 'required', { prop: 'id' });
  else if (typeof id !== 'string') s.reportAt('id', 'property-type', EXPECT.identifier);
  else if (!isIdentifier(id)) s.reportAt('id', 'id-format');
  else if (!idHasType(id, 'bundle')) s.reportAt('id', 'id-type-mismatch', { type: 'bundle' });
  for (const key in value) {
    if (key === 'type' || key === 'id') continue;
    if (key === 'objects') {
      s.push(key);
      objectList(value[key], s);
      s.pop();
    } else if (key === 'spec_version') s.reportAt(key, 'spec-version', { note: 'bundle' });
    else checkOtherProperty(key, value[key], s, 'bundle', false);
  }
}

/** Validates a bundle and every object in it; object paths start at "$.objects[i]", each object capped on its own. */
export function validateBundle(value: unknown): StixIssue[] {
  const sink = new IssueSink();
  checkEnvelope(value, sink);
  const objects = isObject(value) ? value.objects : undefined;
  if (Array.isArray(objects)) for (let i = 0; i < objects.length; i++) checkObject(objects[i], sink, i);
  return sink.issues;
}
