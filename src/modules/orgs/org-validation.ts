// Domains and IP ranges that organisations register: validated and brought to one canonical form,
// so that "Example.COM", "example.com" and "ｅｘａｍｐｌｅ．ｃｏｍ" are the same registration.
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { AppError } from '../../errors.js';

// Echoed back in the error message: bounded so that a huge value cannot make a huge response.
const shown = (value: string): string => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A registrable host name in its ASCII (IDNA/punycode) form, lower-case: "日本.jp" → "xn--wgv71a.jp".
 * At least two labels, no wildcards, no IP addresses, no trailing dot.
 */
export function normaliseDomain(input: string): string {
  const invalid = () => new AppError('invalid_domain', { value: shown(input) });
  const text = input.trim();
  // The URL host parser would quietly cut at "/", "?", "#", "\\" ("example.com/x" → "example.com") and
  // percent-decode "%41" → "a": refuse those characters rather than store something else than was given.
  if (text === '' || text.length > 1000 || /[\s%/\\?#@:[\]]/u.test(text)) throw invalid();
  // The WHATWG URL host parser: UTS #46 mapping (case, full-width forms, "。"), then punycode.
  const ascii = domainToASCII(text);
  const labels = ascii.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (ascii.length > 253 || labels.length < 2 || !labels.every((label) => LDH_LABEL.test(label))) throw invalid();
  // A numeric last label is an IPv4 address to the URL parser ("1.2.3" → "1.2.0.3"), never a domain.
  if (/^[0-9]+$/.test(tld) || isIPv4(ascii)) throw invalid();
  return ascii;
}

interface AddressFamily {
  readonly bits: number;
  parse(text: string): bigint | null;
  format(value: bigint): string;
}

function parseIpv4(text: string): bigint | null {
  if (!isIPv4(text)) return null;
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
}

const formatIpv4 = (value: bigint): string =>
  [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');

function parseIpv6(text: string): bigint | null {
  if (!isIPv6(text) || text.includes('%')) return null; // zone ids name a link, not a range
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let hex = text;
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (v4 === null) return null;
    hex = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [left = '', right] = hex.split('::');
  const head = left === '' ? [] : left.split(':');
  const rest = right === undefined || right === '' ? [] : right.split(':');
  const groups = [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

// RFC 5952: lower-case, no leading zeros, the longest run of two or more zero groups as "::"
// (the first such run on a tie), and IPv4-mapped addresses with a dotted tail.
function formatIpv6(value: bigint): string {
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > best.length) best = { start: i, length: end - i };
  }
  const hex = (part: number[]) => part.map((g) => g.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

const IPV4: AddressFamily = { bits: 32, parse: parseIpv4, format: formatIpv4 };
const IPV6: AddressFamily = { bits: 128, parse: parseIpv6, format: formatIpv6 };

/**
 * An IPv4 or IPv6 range in CIDR notation, normalised. Host bits are accepted and cleared
 * ("192.0.2.77/24" → "192.0.2.0/24"): people often write the address they know with the prefix of
 * its network, and the normalised value shown back makes the range explicit. Private and loopback
 * ranges are accepted; whether a range is public is not a syntax question.
 */
export function normaliseCidr(input: string): string {
  const match = /^([^/]+)\/(0|[1-9][0-9]{0,2})$/.exec(input.trim());
  const address = match?.[1] ?? '';
  const family = isIPv4(address) ? IPV4 : IPV6;
  const value = family.parse(address);
  const prefix = Number(match?.[2]);
  if (!match || value === null || prefix > family.bits) throw new AppError('invalid_cidr', { value: shown(input) });
  const hostBits = BigInt(family.bits - prefix);
  return `${family.format((value >> hostBits) << hostBits)}/${prefix}`;
}

// Exact duplicates (after normalisation) are dropped, first occurrence kept. Overlapping ranges
// (10.0.0.0/8 and 10.1.0.0/16) are kept as given: both may be meaningful registrations.
const unique = (values: readonly string[]): string[] => [...new Set(values)];

export const normaliseDomains = (values: readonly string[]): string[] => unique(values.map(normaliseDomain));
export const normaliseCidrs = (values: readonly string[]): string[] => unique(values.map(normaliseCidr));
