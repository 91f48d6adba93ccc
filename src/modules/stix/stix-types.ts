// A type rule: the precompiled property table of one object type plus what the dispatcher needs to know
// about it (category, UUID version of its id, extensions).
import type { Check, Obj } from './stix-checks.js';
import { SCO_COMMON, SDO_COMMON } from './stix-common.js';
import type { IssueSink } from './stix-issues.js';
import { META, SCO, SDO, SRO } from './stix-kinds.js';
import { shape, type Shape, type ShapeOptions } from './stix-shape.js';
import { compareTimestamps, isTimestamp } from './stix-timestamp.js';

export interface TypeRule extends Shape {
  readonly category: number;
  readonly allowsExtensions: boolean; // the extensions common property applies
  readonly predefinedExtensions: ReadonlyMap<string, Shape>; // SCO extensions such as ntfs-ext
  readonly custom: boolean; // a custom object type: every property beyond the common ones is custom
}

const NONE: ReadonlyMap<string, Shape> = new Map();
const SDO_REQUIRED = ['spec_version', 'created', 'modified'];

function modifiedAfterCreated(o: Obj, s: IssueSink): void {
  const { created, modified } = o;
  if (typeof created !== 'string' || typeof modified !== 'string' || !isTimestamp(created) || !isTimestamp(modified)) return;
  if (compareTimestamps(modified, created) < 0) s.reportAt('modified', 'modified-before-created');
}

function withModifiedCheck(check: ShapeOptions['check']): (o: Obj, s: IssueSink) => void {
  return check ? (o, s) => (modifiedAfterCreated(o, s), check(o, s)) : modifiedAfterCreated;
}

function domainLike(category: number, type: string, specific: Record<string, Check>, options: ShapeOptions, custom = false): TypeRule {
  const base = shape(type, { ...SDO_COMMON, ...specific }, {
    ...options,
    required: [...SDO_REQUIRED, ...(options.required ?? [])],
    check: withModifiedCheck(options.check),
  });
  return { ...base, category, allowsExtensions: true, predefinedExtensions: NONE, custom };
}

export const sdoRule = (type: string, specific: Record<string, Check>, options: ShapeOptions = {}): TypeRule =>
  domainLike(SDO, type, specific, options);

export const sroRule = (type: string, specific: Record<string, Check>, options: ShapeOptions = {}): TypeRule =>
  domainLike(SRO, type, specific, options);

export function scoRule(type: string, specific: Record<string, Check>, options: ShapeOptions = {}, extensions = NONE, custom = false): TypeRule {
  const base = shape(type, { ...SCO_COMMON, ...specific }, options);
  return { ...base, category: SCO, allowsExtensions: true, predefinedExtensions: extensions, custom };
}

/** Meta objects choose their common properties (§7); `required` lists every required one except type and id. */
export function metaRule(
  type: string,
  properties: Record<string, Check>,
  options: ShapeOptions & { modified: boolean; extensions: boolean },
): TypeRule {
  const { modified, extensions, ...rest } = options;
  const base = shape(type, properties, modified ? { ...rest, check: withModifiedCheck(rest.check) } : rest);
  return { ...base, category: META, allowsExtensions: extensions, predefinedExtensions: NONE, custom: false };
}

/** Custom object types (x-..., or declared by an extension definition): the common properties only. */
export const CUSTOM_SDO = domainLike(SDO, 'custom object', {}, {}, true);
export const CUSTOM_SRO = domainLike(SRO, 'custom object', {}, {}, true);
export const CUSTOM_SCO = scoRule('custom object', {}, {}, NONE, true);
