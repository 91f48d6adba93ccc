// The STIX 2.1 object types by category, as bit flags so a reference rule can allow several categories at once.

export const SDO = 1;
export const SRO = 2;
export const SCO = 4;
export const META = 8;
export const ANY_CATEGORY = SDO | SRO | SCO | META;

export const SDO_TYPES = [
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator', 'infrastructure',
  'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion', 'report',
  'threat-actor', 'tool', 'vulnerability',
] as const;

export const SRO_TYPES = ['relationship', 'sighting'] as const;

export const SCO_TYPES = [
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr',
  'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account',
  'windows-registry-key', 'x509-certificate',
] as const;

export const META_TYPES = ['language-content', 'marking-definition', 'extension-definition'] as const;

/** Category of every type the specification defines; `bundle` is no STIX Object and has none. */
export const CATEGORY: ReadonlyMap<string, number> = new Map<string, number>([
  ...SDO_TYPES.map((t) => [t, SDO] as const),
  ...SRO_TYPES.map((t) => [t, SRO] as const),
  ...SCO_TYPES.map((t) => [t, SCO] as const),
  ...META_TYPES.map((t) => [t, META] as const),
  ['bundle', 0],
]);

export function categoryName(category: number): 'sdo' | 'sro' | 'sco' | 'meta' {
  if (category === SRO) return 'sro';
  if (category === SCO) return 'sco';
  if (category === META) return 'meta';
  return 'sdo';
}
