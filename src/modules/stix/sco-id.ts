// Deterministic identifiers of cyber-observable objects (STIX 2.1 §2.9): a UUIDv5 in the STIX namespace whose
// name is the RFC 8785 canonical JSON of the object's ID Contributing Properties that are present.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const SCO_ID_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** ID Contributing Properties of each SCO type (§6). Process has none: its ids are always UUIDv4. */
export const ID_CONTRIBUTING_PROPERTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['artifact', ['hashes', 'payload_bin']],
  ['autonomous-system', ['number']],
  ['directory', ['path']],
  ['domain-name', ['value']],
  ['email-addr', ['value']],
  ['email-message', ['from_ref', 'subject', 'body']],
  ['file', ['hashes', 'name', 'extensions', 'parent_directory_ref']],
  ['ipv4-addr', ['value']],
  ['ipv6-addr', ['value']],
  ['mac-addr', ['value']],
  ['mutex', ['name']],
  ['network-traffic', ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions']],
  ['software', ['name', 'cpe', 'swid', 'vendor', 'version']],
  ['url', ['value']],
  ['user-account', ['account_type', 'user_id', 'account_login']],
  ['windows-registry-key', ['key', 'values']],
  ['x509-certificate', ['hashes', 'serial_number']],
]);

// When hashes contribute, only one hash does: the first present of these (§2.9).
const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'] as const;

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

const NAMESPACE_BYTES = uuidBytes(SCO_ID_NAMESPACE);

/** RFC 9562 (formerly RFC 4122) version 5 UUID: SHA-1 over namespace and name, version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace === SCO_ID_NAMESPACE ? NAMESPACE_BYTES : uuidBytes(namespace);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The single hash that contributes to the id: the first present of MD5, SHA-1, SHA-256, SHA-512; when none of
 * these is present, the first entry of the dictionary (as the OASIS reference implementation does).
 */
export function contributingHash(hashes: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const algorithm of HASH_PREFERENCE) if (hashes[algorithm] !== undefined) return { [algorithm]: hashes[algorithm] };
  for (const key of Object.keys(hashes)) if (hashes[key] !== undefined) return { [key]: hashes[key] };
  return undefined;
}

/** The object the id is computed from: its contributing properties that are present, hashes reduced to one. */
export function idContributingObject(obj: Record<string, unknown>): Record<string, unknown> | null {
  const props = typeof obj.type === 'string' ? ID_CONTRIBUTING_PROPERTIES.get(obj.type) : undefined;
  if (props === undefined) return null;
  const name: Record<string, unknown> = {};
  let present = 0;
  for (const prop of props) {
    let value = obj[prop];
    if (prop === 'hashes' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      value = contributingHash(value as Record<string, unknown>);
    }
    if (value === undefined) continue;
    name[prop] = value;
    present++;
  }
  return present === 0 ? null : name;
}

/**
 * The deterministic id `type--UUIDv5` of an SCO, or null when it has none: process, types that are not SCOs
 * or unknown, and objects without any contributing property (those use a UUIDv4, §2.9).
 */
export function deterministicScoId(obj: Record<string, unknown>): string | null {
  const name = idContributingObject(obj);
  return name === null ? null : `${obj.type as string}--${uuidV5(SCO_ID_NAMESPACE, canonicalJson(name))}`;
}
