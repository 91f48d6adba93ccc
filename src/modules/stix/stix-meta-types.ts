// STIX Meta Objects (§7): language content, marking definitions, extension definitions. Each uses its own
// subset of the common properties.
import { EXPECT, isLangTag, isObject, list, oneOf, ref, str, timestamp, type Check, type Obj } from './stix-checks.js';
import { ANY_OBJECT, IDENTITY, pick, SDO_COMMON } from './stix-common.js';
import type { IssueSink } from './stix-issues.js';
import { all, requires } from './stix-shape.js';
import { checkTlpMarking } from './stix-tlp-markings.js';
import { metaRule, type TypeRule } from './stix-types.js';

export const EXTENSION_TYPES = ['new-sdo', 'new-sco', 'new-sro', 'property-extension', 'toplevel-property-extension'];

// contents: language tag -> (property name -> translated value) (§7.1).
const contents: Check = (v, s) => {
  if (!isObject(v)) return s.report('property-type', EXPECT.object);
  let size = 0;
  for (const tag in v) {
    size++;
    const translation = v[tag];
    if (!isLangTag(tag)) s.reportAt(tag, 'lang-format');
    else if (!isObject(translation)) s.reportAt(tag, 'property-type', EXPECT.object);
    else {
      let properties = 0;
      for (const _ in translation) properties++;
      if (properties === 0) s.reportAt(tag, 'empty-dictionary');
    }
  }
  if (size === 0) s.report('empty-dictionary');
};

const statement = { prop: 'definition.statement' };

function markingDefinition(o: Obj, s: IssueSink): void {
  const legacy = o.extensions === undefined;
  if (legacy && o.definition_type === undefined) s.reportAt('definition_type', 'required', { prop: 'definition_type' });
  if (legacy && o.definition === undefined) s.reportAt('definition', 'required', { prop: 'definition' });
  if (o.definition_type === 'statement' && isObject(o.definition) && typeof o.definition.statement !== 'string') {
    s.push('definition');
    if (o.definition.statement === undefined) s.reportAt('statement', 'required', statement);
    else s.reportAt('statement', 'property-type', EXPECT.string);
    s.pop();
  }
  checkTlpMarking(o, s);
  checkSelfMarking(o, s);
}

// A marking definition may carry markings, but not itself (no circular references).
function checkSelfMarking(o: Obj, s: IssueSink): void {
  const { id, object_marking_refs: refs, granular_markings: granular } = o;
  if (Array.isArray(refs)) {
    s.push('object_marking_refs');
    refs.forEach((ref, i) => ref === id && s.reportAt(i, 'self-marking'));
    s.pop();
  }
  if (Array.isArray(granular)) {
    granular.forEach((g, i) => {
      if (isObject(g) && g.marking_ref === id) {
        s.push('granular_markings');
        s.push(i);
        s.reportAt('marking_ref', 'self-marking');
        s.pop();
        s.pop();
      }
    });
  }
}

function extensionProperties(o: Obj, s: IssueSink): void {
  const types = o.extension_types;
  if (o.extension_properties !== undefined && Array.isArray(types) && !types.includes('toplevel-property-extension')) {
    s.reportAt('extension_properties', 'property-dependency', { prop: 'extension_properties', needs: 'extension_types: toplevel-property-extension' });
  }
}

const definitionObject: Check = (v, s) => {
  if (!isObject(v)) s.report('property-type', EXPECT.object);
};

export const META_RULES: readonly TypeRule[] = [
  metaRule('language-content', {
    ...pick(SDO_COMMON, [
      'spec_version', 'created_by_ref', 'created', 'modified', 'revoked', 'labels', 'confidence', 'external_references',
      'object_marking_refs', 'granular_markings',
    ]),
    object_ref: ref(ANY_OBJECT), object_modified: timestamp(), contents,
  }, { required: ['spec_version', 'created', 'modified', 'object_ref', 'contents'], modified: true, extensions: true }),
  metaRule('marking-definition', {
    ...pick(SDO_COMMON, ['spec_version', 'created_by_ref', 'created', 'external_references', 'object_marking_refs', 'granular_markings']),
    name: str, definition_type: str, definition: definitionObject,
  }, { required: ['spec_version', 'created'], check: all(requires('definition', ['definition_type']), markingDefinition), modified: false, extensions: true }),
  metaRule('extension-definition', {
    ...pick(SDO_COMMON, [
      'spec_version', 'created_by_ref', 'created', 'modified', 'revoked', 'labels', 'external_references', 'object_marking_refs',
      'granular_markings',
    ]),
    created_by_ref: ref(IDENTITY), name: str, description: str, schema: str, version: str,
    extension_types: list(oneOf(EXTENSION_TYPES)), extension_properties: list(str),
  }, {
    required: ['spec_version', 'created_by_ref', 'created', 'modified', 'name', 'schema', 'version', 'extension_types'],
    check: extensionProperties, modified: true, extensions: false,
  }),
];
