// Building kept indicators: normalised value, STIX type and pattern.
import { canonicalIpv4, canonicalIpv6, parseIpv4, parseIpv6 } from './ip.js';
import { isDefanged, refang } from './defang.js';
import type { Candidate, Indicator, IndicatorLabel } from './types.js';

const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const HASH_BY_LENGTH: Record<number, NonNullable<Indicator['hashAlgorithm']>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' };

export function normaliseUrl(raw: string): string {
  const url = refang(raw);
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(url);
  if (!m) return url;
  return `${(m[1] as string).toLowerCase()}://${(m[2] as string).toLowerCase()}${m[3] as string}`;
}

export function normaliseIp(raw: string): string {
  const v = refang(raw);
  if (parseIpv4(v) !== undefined) return canonicalIpv4(v);
  const g = parseIpv6(v);
  return g ? canonicalIpv6(g) : v.toLowerCase();
}

function describe(label: IndicatorLabel, value: string): Pick<Indicator, 'stixType' | 'pattern' | 'hashAlgorithm'> {
  switch (label) {
    case 'IOC_IP': {
      const type = value.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
      return { stixType: type, pattern: `[${type}:value = ${quote(value)}]` };
    }
    case 'IOC_DOMAIN': return { stixType: 'domain-name', pattern: `[domain-name:value = ${quote(value)}]` };
    case 'IOC_URL': return { stixType: 'url', pattern: `[url:value = ${quote(value)}]` };
    case 'IOC_EMAIL': return { stixType: 'email-addr', pattern: `[email-addr:value = ${quote(value)}]` };
    case 'IOC_HASH': {
      const algorithm = HASH_BY_LENGTH[value.length] ?? 'SHA-256';
      return { stixType: 'file', hashAlgorithm: algorithm, pattern: `[file:hashes.${quote(algorithm)} = ${quote(value)}]` };
    }
    case 'CVE': return { stixType: 'vulnerability' };
    case 'MALWARE': return { stixType: 'malware' };
  }
}

function normalise(label: IndicatorLabel, raw: string): string {
  switch (label) {
    case 'IOC_IP': return normaliseIp(raw);
    case 'IOC_URL': return normaliseUrl(raw);
    case 'IOC_DOMAIN': return refang(raw).toLowerCase().replace(/\.$/, '');
    case 'IOC_EMAIL': return refang(raw).toLowerCase();
    case 'IOC_HASH': return raw.toLowerCase();
    case 'CVE': return raw.toUpperCase();
    case 'MALWARE': return raw;
  }
}

// `raw` is the matched text (folded); `value` overrides the normalised value (malware canonical names).
export function indicator(label: IndicatorLabel, start: number, end: number, raw: string, reason: string, value?: string): Candidate {
  const v = value ?? normalise(label, raw);
  return { kind: 'indicator', label, start, end, value: v, reason, defanged: isDefanged(raw), ...describe(label, v) };
}
