// STIX Cyber-observable Objects (§6). Value formats are not checked when the object says it is defanged.
import {
  binary, bool, dict, EXPECT, hashes, hex, int, isLangTag, list, oneOf, ref, refList, str, strList, target, timestamp,
  type Check, type Obj,
} from './stix-checks.js';
import { ANY_SCO, url } from './stix-common.js';
import type { IssueSink } from './stix-issues.js';
import {
  FILE_EXTENSIONS, NETWORK_TRAFFIC_EXTENSIONS, PROCESS_EXTENSIONS, strOrInt, USER_ACCOUNT_EXTENSIONS,
} from './stix-sco-extensions.js';
import { all, exclusive, nested, requireOneOf, requires, shape, timestampOrder, type Shape } from './stix-shape.js';
import { scoRule, type TypeRule } from './stix-types.js';
import { isIpv4, isIpv6, isDomainName } from './stix-values.js';

/** A format rule on a value property, skipped when the object is defanged. */
function valueFormat(prop: string, test: (v: string) => boolean, description: string): (o: Obj, s: IssueSink) => void {
  const params = { format: description };
  return (o, s) => {
    const v = o[prop];
    if (o.defanged !== true && typeof v === 'string' && !test(v)) s.reportAt(prop, 'value-format', params);
  };
}

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const URL = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/;
const CPE = /^cpe:2\.3:[aho*-]:/;
const ABBREVIATED_HIVE = /^(?:HKLM|HKCC|HKCR|HKCU|HKU)(?:\\|$)/i;

const strOrStrList: Check = (v, s) => {
  if (typeof v === 'string') return;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) s.report('property-type', EXPECT.stringOrList);
  else if (v.length === 0) s.report('empty-list');
};

const t = (...types: string[]) => target(types);
const EMAIL_ADDR = t('email-addr');
const USER_ACCOUNT = t('user-account');
const NETWORK_TRAFFIC = t('network-traffic');
const ADDRESS = t('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name');
const ip = { resolves_to_refs: refList(t('mac-addr')), belongs_to_refs: refList(t('autonomous-system')) };

const MIME_PART = shape('mime-part-type', {
  body: str, body_raw_ref: ref(t('artifact', 'file')), content_type: str, content_disposition: str,
}, { atLeastOne: ['body', 'body_raw_ref'] });

const REGISTRY_VALUE = shape('windows-registry-value-type', {
  name: str, data: str,
  data_type: oneOf([
    'REG_NONE', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY', 'REG_DWORD', 'REG_DWORD_BIG_ENDIAN', 'REG_DWORD_LITTLE_ENDIAN',
    'REG_LINK', 'REG_MULTI_SZ', 'REG_RESOURCE_LIST', 'REG_FULL_RESOURCE_DESCRIPTION', 'REG_RESOURCE_REQUIREMENTS_LIST',
    'REG_QWORD', 'REG_INVALID_TYPE',
  ]),
}, { atLeastOne: ['name', 'data', 'data_type'] });

const X509_V3_PROPS: Record<string, Check> = {
  basic_constraints: str, name_constraints: str, policy_constraints: str, key_usage: str, extended_key_usage: str,
  subject_key_identifier: str, authority_key_identifier: str, subject_alternative_name: str, issuer_alternative_name: str,
  subject_directory_attributes: str, crl_distribution_points: str, inhibit_any_policy: str,
  private_key_usage_period_not_before: timestamp(), private_key_usage_period_not_after: timestamp(),
  certificate_policies: str, policy_mappings: str,
};
const X509_V3 = shape('x509-v3-extensions-type', X509_V3_PROPS, { atLeastOne: Object.keys(X509_V3_PROPS) });

// Types whose only requirement is "at least one of their own properties" (§6.11, §6.16, §6.17, §6.18).
function someOwn(type: string, props: Record<string, Check>, extensions?: ReadonlyMap<string, Shape>, check?: (o: Obj, s: IssueSink) => void): TypeRule {
  const names = [...Object.keys(props), ...(extensions ? ['extensions'] : [])];
  return scoRule(type, props, { atLeastOne: names, ...(check ? { check } : {}) }, extensions);
}

function emailBody(o: Obj, s: IssueSink): void {
  if (o.is_multipart === true && o.body !== undefined) s.reportAt('body', 'property-dependency', { prop: 'body', needs: 'is_multipart: false' });
  if (o.is_multipart === false && o.body_multipart !== undefined) {
    s.reportAt('body_multipart', 'property-dependency', { prop: 'body_multipart', needs: 'is_multipart: true' });
  }
}

function activeTraffic(o: Obj, s: IssueSink): void {
  if (o.is_active === true && o.end !== undefined) s.reportAt('end', 'mutually-exclusive', { props: 'is_active: true, end' });
}

export const SCO_RULES: readonly TypeRule[] = [
  scoRule('artifact', {
    mime_type: str, payload_bin: binary, url, hashes,
    encryption_algorithm: oneOf(['AES-256-GCM', 'ChaCha20-Poly1305', 'mime-type-indicated']), decryption_key: str,
  }, {
    check: all(requireOneOf(['payload_bin', 'url']), exclusive('payload_bin', 'url'), requires('url', ['hashes']), requires('decryption_key', ['encryption_algorithm'])),
  }),
  scoRule('autonomous-system', { number: int(0), name: str, rir: str }, { required: ['number'] }),
  scoRule('directory', {
    path: str, path_enc: str, ctime: timestamp(), mtime: timestamp(), atime: timestamp(), contains_refs: refList(t('file', 'directory')),
  }, { required: ['path'] }),
  scoRule('domain-name', { value: str, resolves_to_refs: refList(t('ipv4-addr', 'ipv6-addr', 'domain-name')) }, {
    required: ['value'], check: valueFormat('value', isDomainName, 'an RFC 1034/5890 domain name'),
  }),
  scoRule('email-addr', { value: str, display_name: str, belongs_to_ref: ref(USER_ACCOUNT) }, {
    required: ['value'], check: valueFormat('value', (v) => EMAIL.test(v), 'an RFC 5322 addr-spec (no display name)'),
  }),
  scoRule('email-message', {
    is_multipart: bool, date: timestamp(), content_type: str, from_ref: ref(EMAIL_ADDR), sender_ref: ref(EMAIL_ADDR),
    to_refs: refList(EMAIL_ADDR), cc_refs: refList(EMAIL_ADDR), bcc_refs: refList(EMAIL_ADDR), message_id: str, subject: str,
    received_lines: strList, additional_header_fields: dict(strOrStrList), body: str, body_multipart: list(nested(MIME_PART)),
    raw_email_ref: ref(t('artifact')),
  }, { required: ['is_multipart'], check: emailBody }),
  scoRule('file', {
    hashes, size: int(0), name: str, name_enc: str, magic_number_hex: hex, mime_type: str, ctime: timestamp(),
    mtime: timestamp(), atime: timestamp(), parent_directory_ref: ref(t('directory')), contains_refs: refList(ANY_SCO),
    content_ref: ref(t('artifact')),
  }, { atLeastOne: ['hashes', 'name'] }, FILE_EXTENSIONS),
  scoRule('ipv4-addr', { value: str, ...ip }, { required: ['value'], check: valueFormat('value', isIpv4, 'an IPv4 address or CIDR block') }),
  scoRule('ipv6-addr', { value: str, ...ip }, { required: ['value'], check: valueFormat('value', isIpv6, 'an IPv6 address or CIDR block') }),
  scoRule('mac-addr', { value: str }, {
    required: ['value'], check: valueFormat('value', (v) => MAC.test(v), 'a lowercase, colon-delimited MAC-48 address'),
  }),
  scoRule('mutex', { name: str }, { required: ['name'] }),
  scoRule('network-traffic', {
    start: timestamp(), end: timestamp(), is_active: bool, src_ref: ref(ADDRESS), dst_ref: ref(ADDRESS),
    src_port: int(0, 65535), dst_port: int(0, 65535), protocols: strList, src_byte_count: int(0), dst_byte_count: int(0),
    src_packets: int(0), dst_packets: int(0), ipfix: dict(strOrInt), src_payload_ref: ref(t('artifact')),
    dst_payload_ref: ref(t('artifact')), encapsulates_refs: refList(NETWORK_TRAFFIC), encapsulated_by_ref: ref(NETWORK_TRAFFIC),
  }, {
    required: ['protocols'], check: all(requireOneOf(['src_ref', 'dst_ref']), timestampOrder('start', 'end'), activeTraffic),
  }, NETWORK_TRAFFIC_EXTENSIONS),
  someOwn('process', {
    is_hidden: bool, pid: int(), created_time: timestamp(), cwd: str, command_line: str, environment_variables: dict(str),
    opened_connection_refs: refList(NETWORK_TRAFFIC), creator_user_ref: ref(USER_ACCOUNT), image_ref: ref(t('file')),
    parent_ref: ref(t('process')), child_refs: refList(t('process')),
  }, PROCESS_EXTENSIONS),
  scoRule('software', {
    name: str, cpe: str, swid: str, languages: list((v, s) => {
      if (typeof v !== 'string') s.report('property-type', EXPECT.string);
      else if (!isLangTag(v)) s.report('lang-format');
    }), vendor: str, version: str,
  }, { required: ['name'], check: valueFormat('cpe', (v) => CPE.test(v), 'a CPE 2.3 name (cpe:2.3:...)') }),
  scoRule('url', { value: str }, { required: ['value'], check: valueFormat('value', (v) => URL.test(v), 'an RFC 3986 URL') }),
  someOwn('user-account', {
    user_id: str, credential: str, account_login: str, account_type: str, display_name: str, is_service_account: bool,
    is_privileged: bool, can_escalate_privs: bool, is_disabled: bool, account_created: timestamp(), account_expires: timestamp(),
    credential_last_changed: timestamp(), account_first_login: timestamp(), account_last_login: timestamp(),
  }, USER_ACCOUNT_EXTENSIONS),
  someOwn('windows-registry-key', {
    key: str, values: list(nested(REGISTRY_VALUE)), modified_time: timestamp(), creator_user_ref: ref(USER_ACCOUNT),
    number_of_subkeys: int(0),
  }, undefined, valueFormat('key', (v) => !ABBREVIATED_HIVE.test(v), 'the hive spelled out, e.g. HKEY_LOCAL_MACHINE, not HKLM')),
  someOwn('x509-certificate', {
    is_self_signed: bool, hashes, version: str, serial_number: str, signature_algorithm: str, issuer: str,
    validity_not_before: timestamp(), validity_not_after: timestamp(), subject: str, subject_public_key_algorithm: str,
    subject_public_key_modulus: str, subject_public_key_exponent: int(), x509_v3_extensions: nested(X509_V3),
  }),
];
