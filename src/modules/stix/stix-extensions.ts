// The extensions common property (§7.3): a dictionary whose keys are extension-definition ids (with an
// extension_type) or, on SCOs, the names of predefined extensions such as ntfs-ext.
import { EXPECT, isIdentifier, isObject, type Obj } from './stix-checks.js';
import type { IssueSink } from './stix-issues.js';
import { SCO, SDO, SRO } from './stix-kinds.js';
import { EXTENSION_TYPES } from './stix-meta-types.js';
import { PREDEFINED_EXTENSION_NAMES } from './stix-sco-extensions.js';
import { checkOtherProperty, checkShape } from './stix-shape.js';
import type { TypeRule } from './stix-types.js';

const EXTENSION_DEFINITION_PREFIX = 'extension-definition--';
const EXTENSION_TYPE_SET = new Set(EXTENSION_TYPES);
const EXTENSION_TYPE_PARAMS = { allowed: EXTENSION_TYPES.join(', ') };
const NEW_TYPE_CATEGORY: Readonly<Record<string, number>> = { 'new-sdo': SDO, 'new-sro': SRO, 'new-sco': SCO };

/** The category a custom object declares through an extension of type new-sdo, new-sro or new-sco. */
export function declaredCategory(extensions: unknown): number | undefined {
  if (!isObject(extensions)) return undefined;
  for (const key in extensions) {
    const e = extensions[key];
    if (isObject(e) && typeof e.extension_type === 'string') {
      const category = NEW_TYPE_CATEGORY[e.extension_type];
      if (category !== undefined) return category;
    }
  }
  return undefined;
}

/** True when a toplevel-property-extension allows properties the type does not define at the top level. */
export function hasToplevelExtension(extensions: unknown): boolean {
  if (!isObject(extensions)) return false;
  for (const key in extensions) {
    const e = extensions[key];
    if (isObject(e) && e.extension_type === 'toplevel-property-extension') return true;
  }
  return false;
}

function checkDefinedExtension(key: string, e: Obj, s: IssueSink, rule: TypeRule, type: string): void {
  const extensionType = e.extension_type;
  if (extensionType === undefined) s.reportAt('extension_type', 'required', { prop: 'extension_type' });
  else if (typeof extensionType !== 'string' || !EXTENSION_TYPE_SET.has(extensionType)) s.reportAt('extension_type', 'extension-type', EXTENSION_TYPE_PARAMS);
  else {
    const category = NEW_TYPE_CATEGORY[extensionType];
    if (category !== undefined && !(rule.custom && rule.category === category)) {
      s.reportAt('extension_type', 'extension-not-applicable', { key: extensionType, type });
    }
  }
  // The extension definition's schema says what else is inside; property names follow the usual rules.
  for (const name in e) if (name !== 'extension_type') checkOtherProperty(name, e[name], s, key, true);
}

export function checkExtensions(v: unknown, s: IssueSink, rule: TypeRule, type: string): void {
  if (!isObject(v)) return s.report('property-type', EXPECT.object);
  let size = 0;
  for (const key in v) {
    size++;
    const e = v[key];
    const predefined = rule.predefinedExtensions.get(key);
    if (key.startsWith(EXTENSION_DEFINITION_PREFIX)) {
      if (!isIdentifier(key)) s.reportAt(key, 'extension-key', { key });
      else if (!isObject(e)) s.reportAt(key, 'property-type', EXPECT.object);
      else {
        s.push(key);
        checkDefinedExtension(key, e, s, rule, type);
        s.pop();
      }
    } else if (predefined !== undefined) {
      s.push(key);
      if (isObject(e)) checkShape(e, s, predefined);
      else s.report('property-type', EXPECT.object);
      s.pop();
    } else if (PREDEFINED_EXTENSION_NAMES.has(key)) {
      s.reportAt(key, 'extension-not-applicable', { key, type });
    } else if (rule.category === SCO && key.startsWith('x-')) {
      // A STIX 2.0-style custom observable extension: deprecated, still allowed.
      if (!isObject(e)) s.reportAt(key, 'property-type', EXPECT.object);
    } else {
      s.reportAt(key, 'unknown-extension', { key });
    }
  }
  if (size === 0) s.report('empty-dictionary');
}
