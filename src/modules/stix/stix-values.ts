// Formats of observable values: IPv4/IPv6 addresses with an optional CIDR prefix, domain names.

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV4_PREFIX = /^(?:3[0-2]|[12]?\d)$/;
const IPV6_PREFIX = /^(?:12[0-8]|1[01]\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function withPrefix(v: string, prefix: RegExp): string | null {
  const slash = v.indexOf('/');
  if (slash < 0) return v;
  return prefix.test(v.slice(slash + 1)) ? v.slice(0, slash) : null;
}

export function isIpv4(v: string): boolean {
  const address = withPrefix(v, IPV4_PREFIX);
  return address !== null && IPV4.test(address);
}

const groupsValid = (groups: readonly string[]): boolean => groups.every((g) => HEX_GROUP.test(g));

export function isIpv6(v: string): boolean {
  let address = withPrefix(v, IPV6_PREFIX);
  if (address === null) return false;
  const lastColon = address.lastIndexOf(':');
  if (lastColon < 0) return false;
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 address counts as two groups.
    if (!IPV4.test(tail)) return false;
    address = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const gap = address.indexOf('::');
  if (gap < 0) {
    const groups = address.split(':');
    return groups.length === 8 && groupsValid(groups);
  }
  if (address.indexOf('::', gap + 1) >= 0) return false;
  const head = address.slice(0, gap);
  const rest = address.slice(gap + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === '' ? [] : rest.split(':');
  return headGroups.length + restGroups.length <= 7 && groupsValid(headGroups) && groupsValid(restGroups);
}

// Internationalised names are allowed (RFC 5890), so labels are checked for length and forbidden characters only.
const FORBIDDEN_IN_DOMAIN = /[\s/\\@:?#[\]]/;

export function isDomainName(v: string): boolean {
  const name = v.endsWith('.') ? v.slice(0, -1) : v;
  if (name.length === 0 || name.length > 253 || FORBIDDEN_IN_DOMAIN.test(name)) return false;
  for (const label of name.split('.')) if (label.length === 0 || label.length > 63) return false;
  return true;
}
