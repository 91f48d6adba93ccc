// Words for threat-intel data: STIX types, collections and who reads them, property names.
import type { Option } from '../../components/fields.tsx';
import type { Locale, MessageKey, Translate } from '../../i18n/index.ts';
import { orgName } from '../../lib/reference.ts';
import type { CollectionRef, Readers } from './intel-api.ts';

// Every object type of STIX 2.1: domain objects, relationships, cyber-observables, meta objects.
export const STIX_TYPES = [
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator', 'infrastructure',
  'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion', 'report', 'threat-actor',
  'tool', 'vulnerability', 'relationship', 'sighting', 'artifact', 'autonomous-system', 'directory', 'domain-name',
  'email-addr', 'email-message', 'file', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process',
  'software', 'url', 'user-account', 'windows-registry-key', 'x509-certificate', 'marking-definition',
  'extension-definition', 'language-content',
] as const;
type StixType = (typeof STIX_TYPES)[number];

const isKnownType = (type: string): type is StixType => (STIX_TYPES as readonly string[]).includes(type);

/** The type in words; a custom type (x-…) as it is written. */
export function typeLabel(t: Translate, type: string): string {
  return isKnownType(type) ? t(`stixType.${type}`) : type;
}

export const typeOptions = (t: Translate): Option[] =>
  STIX_TYPES.map((type) => ({ value: type, label: `${t(`stixType.${type}`)} (${type})` }));

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export const tlpText = (level: string): string => `TLP:${level.toUpperCase()}`;
export const tlpOptions = (): Option[] => TLP_LEVELS.filter((l) => l !== 'red').map((level) => ({ value: level, label: tlpText(level) }));

export function collectionName(ref: CollectionRef, t: Translate, locale: Locale): string {
  const org = ref.org ? orgName(ref.org, locale) : '';
  switch (ref.kind) {
    case 'community': return t('intel.collection.community');
    case 'public': return t('intel.collection.public');
    case 'group': return t('intel.collection.group', { name: ref.groupName ?? '' });
    case 'feed': return t('intel.collection.feed', { org });
    case 'inbox': return t('intel.collection.inbox', { org });
  }
}

/** Who can read a collection, in words: 「コミュニティ全体」, organisation names, a group's organisations, 「公開」. */
export function readersText(readers: Readers, t: Translate, locale: Locale): string {
  const orgs = (readers.orgs ?? []).map((org) => orgName(org, locale)).join(t('intel.readers.separator'));
  switch (readers.kind) {
    case 'community': return t('intel.readers.community');
    case 'public': return t('intel.readers.public');
    case 'signed_in': return t('intel.readers.signedIn');
    case 'org': return orgs;
    case 'group': return orgs ? t('intel.readers.group', { group: readers.groupName ?? '', orgs }) : t('intel.readers.groupEmpty', { group: readers.groupName ?? '' });
  }
}

const PROPERTIES = [
  'type', 'id', 'spec_version', 'name', 'description', 'value', 'pattern', 'pattern_type', 'valid_from', 'valid_until',
  'indicator_types', 'malware_types', 'is_family', 'aliases', 'relationship_type', 'source_ref', 'target_ref',
  'sighting_of_ref', 'observed_data_refs', 'where_sighted_refs', 'count', 'first_seen', 'last_seen', 'labels',
  'confidence', 'created_by_ref', 'created', 'modified', 'revoked', 'published', 'object_refs', 'object_marking_refs',
  'external_references', 'kill_chain_phases', 'lang',
] as const;
type Property = (typeof PROPERTIES)[number];

export const PROPERTY_ORDER: readonly string[] = PROPERTIES;

export function propertyLabel(t: Translate, property: string): string {
  return (PROPERTIES as readonly string[]).includes(property) ? t(`intel.prop.${property as Property}` as MessageKey) : property;
}
