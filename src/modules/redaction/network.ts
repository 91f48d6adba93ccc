// URLs, e-mail addresses, IP addresses and domain names: the victim's (redact) or the attacker's (keep).
import { AT, DOT, LABEL, isDefanged, refang } from './defang.js';
import { indicator, normaliseIp } from './indicator.js';
import { ipv4Kind, ipv6Kind, parseIpv4, parseIpv6 } from './ip.js';
import { inVictimRanges, isMemberTenant, memberShortNames, victimDomainOf } from './profile.js';
import { emailIsStaff, isRansomNote } from './email-context.js';
import { acceptsBareDomain, isInternalHostName, isPublicTld } from './tlds.js';
import { before, matches } from './text.js';
import type { Candidate, OrgProfile } from './types.js';

const sensitive = (label: Candidate['label'], start: number, end: number, reason: string): Candidate =>
  ({ kind: 'sensitive', label, start, end, reason }) as Candidate;

const URL_RE = new RegExp(String.raw`(?:h[tx]{2}ps?|fxps?|ftps?|wss?)(?:://|\[:\]//|\[://\])[^\s<>"'\`「」『』（）【】、。，；]+`, 'gi');
const EMAIL_RE = new RegExp(String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z]{2,24}(?![A-Za-z0-9-])`, 'gi');
const HOST_RE = new RegExp(String.raw`(?<![A-Za-z0-9_@.\-\[])${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z][a-z0-9-]{1,23}(?![A-Za-z0-9_\-@]|${DOT}[A-Za-z0-9])`, 'gi');
const IPV4_RE = new RegExp(String.raw`(?<![\d.])\d{1,3}(?:${DOT}\d{1,3}){3}(?:/\d{1,2}(?!\d))?(?![\d]|\.\d)`, 'g');
const IPV6_RE = /(?<![0-9A-Za-z:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\/\d{1,3})?(?![0-9A-Za-z:])/gi;

function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const last = u.slice(-1);
    if (/[.,;:!?'"*]/.test(last)) u = u.slice(0, -1);
    else if (last === ')' && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1);
    else if (last === ']' && (u.match(/\[/g) ?? []).length < (u.match(/\]/g) ?? []).length) u = u.slice(0, -1);
    else return u;
  }
}

// A host name (offsets into the text): the member's domain, an internal host or an attacker domain.
export function classifyHost(host: string, start: number, org: OrgProfile, bare: boolean): Candidate | undefined {
  const name = refang(host).toLowerCase().replace(/\.$/, '');
  const own = victimDomainOf(name, org);
  const end = start + host.length;
  if (own !== undefined) {
    if (name === own) return sensitive('VICTIM_DOMAIN', start, end, 'victim_profile_domain');
    // www.<member domain> is the public site: the domain is the identifying part.
    if (name === `www.${own}`) return sensitive('VICTIM_DOMAIN', start + 4, end, 'victim_profile_domain');
    return sensitive('INTERNAL_HOST', start, end, 'victim_profile_host');
  }
  if (isInternalHostName(name)) return sensitive('INTERNAL_HOST', start, end, 'internal_tld_host');
  if (isMemberTenant(name, org)) return sensitive('INTERNAL_HOST', start, end, 'victim_profile_host');
  // fs01.shirakaba, intra.aoba.ad: a name under the member's own directory name, which is no public domain.
  if (!isPublicTld(name) && name.split('.').some((l) => memberShortNames(org).has(l))) return sensitive('INTERNAL_HOST', start, end, 'victim_profile_host');
  if (bare && !acceptsBareDomain(name, isDefanged(host))) return undefined;
  if (!bare && !name.includes('.')) return sensitive('INTERNAL_HOST', start, end, 'host_context');
  return indicator('IOC_DOMAIN', start, end, host, 'public_domain');
}

export function classifyIp(raw: string, start: number, org: OrgProfile): Candidate | undefined {
  const [address = '', bits] = refang(raw).split('/');
  const end = start + raw.length;
  const v4 = parseIpv4(address);
  const v6 = v4 === undefined ? parseIpv6(address) : undefined;
  if (v4 === undefined && !v6) return undefined;
  if (bits !== undefined && Number(bits) > (v4 !== undefined ? 32 : 128)) return undefined;
  const kind = v4 !== undefined ? ipv4Kind(v4) : ipv6Kind(v6 as number[]);
  if (kind !== 'public') return sensitive('INTERNAL_IP', start, end, 'private_ip_range');
  if (inVictimRanges(normaliseIp(address), org)) return sensitive('VICTIM_IP', start, end, 'victim_profile_cidr');
  return indicator('IOC_IP', start, end, raw, 'public_ip');
}

function classifyUrl(start: number, raw: string, org: OrgProfile): Candidate[] {
  const url = trimUrl(raw);
  const m = /^[a-z]+(?:\[:\]\/\/|\[:\/\/\]|:\/\/)(?:[^/?#@\s]*@)?(\[[0-9a-f:]+\]|[^/?#:]+)/i.exec(url);
  if (!m) return [];
  const host = (m[1] as string).replace(/^\[|\]$/g, '');
  const hostStart = start + m[0].length - (m[1] as string).length + ((m[1] as string).startsWith('[') ? 1 : 0);
  const hostName = refang(host);
  if (parseIpv4(hostName) !== undefined || parseIpv6(hostName)) {
    const ip = classifyIp(host, hostStart, org);
    if (ip && ip.kind === 'sensitive') return [ip];
    return [indicator('IOC_URL', start, start + url.length, url, 'public_url')];
  }
  const hostCandidate = classifyHost(host, hostStart, org, false);
  if (hostCandidate && hostCandidate.kind === 'sensitive') return [hostCandidate];
  if (!isPublicTld(hostName) && !hostName.includes('.')) return [];
  return [indicator('IOC_URL', start, start + url.length, url, 'public_url')];
}

function classifyEmail(text: string, start: number, raw: string, org: OrgProfile): Candidate {
  const address = refang(raw).toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const end = start + raw.length;
  if (victimDomainOf(domain, org) !== undefined) return sensitive('EMAIL', start, end, 'victim_profile_email');
  if (isInternalHostName(domain) || isMemberTenant(domain, org)) return sensitive('EMAIL', start, end, 'victim_profile_email');
  if (!isDefanged(raw) && emailIsStaff(before(text, start, 40), isRansomNote(text))) return sensitive('EMAIL', start, end, 'staff_email_context');
  return indicator('IOC_EMAIL', start, end, raw, 'attacker_email');
}

const overlaps = (taken: [number, number][], s: number, e: number): boolean => taken.some(([a, b]) => s < b && a < e);

// `text` is the folded text.
export function detectNetwork(text: string, org: OrgProfile): Candidate[] {
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const add = (cands: (Candidate | undefined)[], s: number, e: number): void => {
    taken.push([s, e]);
    for (const c of cands) if (c) out.push(c);
  };
  for (const m of matches(URL_RE, text)) {
    const url = trimUrl(m[0]);
    add(classifyUrl(m.index, url, org), m.index, m.index + url.length);
  }
  for (const m of matches(EMAIL_RE, text)) {
    if (!overlaps(taken, m.index, m.index + m[0].length)) add([classifyEmail(text, m.index, m[0], org)], m.index, m.index + m[0].length);
  }
  for (const re of [IPV4_RE, IPV6_RE]) {
    for (const m of matches(re, text)) {
      if (overlaps(taken, m.index, m.index + m[0].length) || isVersionNumber(text, m.index)) continue;
      const c = classifyIp(m[0], m.index, org);
      if (c) add([c], m.index, m.index + m[0].length);
    }
  }
  for (const m of matches(HOST_RE, text)) {
    if (!overlaps(taken, m.index, m.index + m[0].length)) add([classifyHost(m[0], m.index, org, true)], m.index, m.index + m[0].length);
  }
  return out;
}

const isVersionNumber = (text: string, start: number): boolean => /(?:\bv|version\s?|ver\.?\s?|バージョン\s?)$/i.test(before(text, start, 12));
