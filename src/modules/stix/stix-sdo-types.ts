// STIX Domain Objects (§4) and Relationship Objects (§5). Open vocabularies are plain strings (any value is
// allowed, the vocabulary is a SHOULD); enumerations are checked.
import {
  bool, EXPECT, int, isObject, num, oneOf, ref, refList, str, strList, target, timestamp, type Check, type Obj,
} from './stix-checks.js';
import { ANY_OBJECT, ANY_SCO, ANY_SDO, killChainPhases, SCO_OR_SRO, SDO_OR_SCO } from './stix-common.js';
import type { IssueSink } from './stix-issues.js';
import { all, exclusive, requireOneOf, requires, timestampOrder } from './stix-shape.js';
import { sdoRule, sroRule, type TypeRule } from './stix-types.js';
import { parsePattern } from './pattern/pattern.js';

const SOFTWARE = target(['software']);
const seen = timestampOrder('first_seen', 'last_seen');
const objectRefs = refList(ANY_OBJECT);

function indicatorPattern(o: Obj, s: IssueSink): void {
  if (o.pattern_type !== 'stix' || typeof o.pattern !== 'string') return;
  const result = parsePattern(o.pattern);
  // The parser counts from 0; people count characters from 1.
  if (!result.ok) s.reportAt('pattern', 'pattern-syntax', { position: result.position + 1, ja: result.message.ja, en: result.message.en });
}

function malwareFamilyName(o: Obj, s: IssueSink): void {
  if (o.is_family === true && o.name === undefined) s.reportAt('name', 'required', { prop: 'name' });
}

const RELATIONSHIP_TYPE = /^[a-z0-9-]+$/;
const relationshipType: Check = (v, s) => {
  if (typeof v !== 'string') s.report('property-type', EXPECT.string);
  else if (!RELATIONSHIP_TYPE.test(v)) s.report('relationship-type-format');
};

export const SDO_RULES: readonly TypeRule[] = [
  sdoRule('attack-pattern', { name: str, description: str, aliases: strList, kill_chain_phases: killChainPhases }, { required: ['name'] }),
  sdoRule('campaign', {
    name: str, description: str, aliases: strList, first_seen: timestamp(), last_seen: timestamp(), objective: str,
  }, { required: ['name'], check: seen }),
  sdoRule('course-of-action', { name: str, description: str }, { required: ['name'] }),
  sdoRule('grouping', { name: str, description: str, context: str, object_refs: objectRefs }, { required: ['context', 'object_refs'] }),
  sdoRule('identity', {
    name: str, description: str, roles: strList, identity_class: str, sectors: strList, contact_information: str,
  }, { required: ['name'] }),
  sdoRule('incident', { name: str, description: str, kill_chain_phases: killChainPhases }, { required: ['name'] }),
  sdoRule('indicator', {
    name: str, description: str, indicator_types: strList, pattern: str, pattern_type: str, pattern_version: str,
    valid_from: timestamp(), valid_until: timestamp(), kill_chain_phases: killChainPhases,
  }, { required: ['pattern', 'pattern_type', 'valid_from'], check: all(timestampOrder('valid_from', 'valid_until', true), indicatorPattern) }),
  sdoRule('infrastructure', {
    name: str, description: str, infrastructure_types: strList, aliases: strList, kill_chain_phases: killChainPhases,
    first_seen: timestamp(), last_seen: timestamp(),
  }, { required: ['name'], check: seen }),
  sdoRule('intrusion-set', {
    name: str, description: str, aliases: strList, first_seen: timestamp(), last_seen: timestamp(), goals: strList,
    resource_level: str, primary_motivation: str, secondary_motivations: strList,
  }, { required: ['name'], check: seen }),
  sdoRule('location', {
    name: str, description: str, latitude: num(-90, 90), longitude: num(-180, 180), precision: num(0),
    region: str, country: str, administrative_area: str, city: str, street_address: str, postal_code: str,
  }, {
    check: all(
      (o, s) => {
        if (o.region === undefined && o.country === undefined && (o.latitude === undefined || o.longitude === undefined)) {
          s.report('required-one-of', { props: 'region, country, latitude + longitude' });
        }
      },
      requires('latitude', ['longitude']),
      requires('longitude', ['latitude']),
      requires('precision', ['latitude', 'longitude']),
    ),
  }),
  sdoRule('malware', {
    name: str, description: str, malware_types: strList, is_family: bool, aliases: strList, kill_chain_phases: killChainPhases,
    first_seen: timestamp(), last_seen: timestamp(), operating_system_refs: refList(SOFTWARE),
    architecture_execution_envs: strList, implementation_languages: strList, capabilities: strList,
    sample_refs: refList(target(['file', 'artifact'])),
  }, { required: ['is_family'], check: all(seen, malwareFamilyName) }),
  sdoRule('malware-analysis', {
    product: str, version: str, host_vm_ref: ref(SOFTWARE), operating_system_ref: ref(SOFTWARE),
    installed_software_refs: refList(SOFTWARE), configuration_version: str, modules: strList,
    analysis_engine_version: str, analysis_definition_version: str, submitted: timestamp(),
    analysis_started: timestamp(), analysis_ended: timestamp(), result_name: str, result: str,
    analysis_sco_refs: refList(ANY_SCO), sample_ref: ref(target(['file', 'network-traffic', 'artifact'])),
  }, { required: ['product'], check: requireOneOf(['result', 'analysis_sco_refs']) }),
  sdoRule('note', { abstract: str, content: str, authors: strList, object_refs: objectRefs }, { required: ['content', 'object_refs'] }),
  sdoRule('observed-data', {
    first_observed: timestamp(), last_observed: timestamp(), number_observed: int(1, 999_999_999),
    objects: observedObjects(), object_refs: refList(SCO_OR_SRO),
  }, {
    required: ['first_observed', 'last_observed', 'number_observed'],
    check: all(timestampOrder('first_observed', 'last_observed'), requireOneOf(['object_refs', 'objects']), exclusive('object_refs', 'objects')),
  }),
  sdoRule('opinion', {
    explanation: str, authors: strList, object_refs: objectRefs,
    opinion: oneOf(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']),
  }, { required: ['opinion', 'object_refs'] }),
  sdoRule('report', {
    name: str, description: str, report_types: strList, published: timestamp(), object_refs: objectRefs,
  }, { required: ['name', 'published', 'object_refs'] }),
  sdoRule('threat-actor', {
    name: str, description: str, threat_actor_types: strList, aliases: strList, first_seen: timestamp(), last_seen: timestamp(),
    roles: strList, goals: strList, sophistication: str, resource_level: str, primary_motivation: str,
    secondary_motivations: strList, personal_motivations: strList,
  }, { required: ['name'], check: seen }),
  sdoRule('tool', {
    name: str, description: str, tool_types: strList, aliases: strList, kill_chain_phases: killChainPhases, tool_version: str,
  }, { required: ['name'] }),
  sdoRule('vulnerability', { name: str, description: str }, { required: ['name'] }),
];

export const SRO_RULES: readonly TypeRule[] = [
  sroRule('relationship', {
    relationship_type: relationshipType, description: str, source_ref: ref(SDO_OR_SCO), target_ref: ref(SDO_OR_SCO),
    start_time: timestamp(), stop_time: timestamp(),
  }, { required: ['relationship_type', 'source_ref', 'target_ref'], check: timestampOrder('start_time', 'stop_time', true) }),
  sroRule('sighting', {
    description: str, first_seen: timestamp(), last_seen: timestamp(), count: int(0, 999_999_999),
    sighting_of_ref: ref(ANY_SDO), observed_data_refs: refList(target(['observed-data'])),
    where_sighted_refs: refList(target(['identity', 'location'])), summary: bool,
  }, { required: ['sighting_of_ref'], check: seen }),
];

// The deprecated `objects` dictionary of observed-data (§4.14): keys are local references, values SCOs in the
// STIX 2.0 style without ids. Only its shape is checked; new content uses object_refs.
function observedObjects(): Check {
  return (v, s) => {
    if (!isObject(v)) return s.report('property-type', EXPECT.object);
    let size = 0;
    for (const k in v) {
      size++;
      const item = v[k];
      if (!isObject(item) || typeof item.type !== 'string') s.reportAt(k, 'property-type', EXPECT.object);
    }
    if (size === 0) s.report('empty-dictionary');
  };
}
