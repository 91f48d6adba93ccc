// IP address parsing, canonical forms and range checks (IPv4 and IPv6), no dependencies.

export type IpKind = 'private' | 'loopback' | 'link-local' | 'cgnat' | 'ula' | 'unspecified' | 'public';

export function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    value = value * 256 + Number(p);
  }
  return value;
}

export const canonicalIpv4 = (s: string): string => s.split('.').map((p) => String(Number(p))).join('.');

// Eight 16-bit groups, or undefined.
export function parseIpv6(s: string): number[] | undefined {
  if (!/^[0-9a-f:]+$/i.test(s) || !/[0-9a-f]/i.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string | undefined): number[] | undefined => {
    if (h === undefined || h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  if (head.length + tail.length > 7) return undefined;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

// RFC 5952 text: lower case, longest run of zero groups (two or more) as '::'.
export function canonicalIpv6(groups: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

const V4_RANGES: [string, number, IpKind][] = [
  ['10.0.0.0', 8, 'private'], ['172.16.0.0', 12, 'private'], ['192.168.0.0', 16, 'private'],
  ['127.0.0.0', 8, 'loopback'], ['169.254.0.0', 16, 'link-local'], ['100.64.0.0', 10, 'cgnat'], ['0.0.0.0', 8, 'unspecified'],
];

const inV4 = (ip: number, base: number, bits: number): boolean =>
  bits === 0 || Math.floor(ip / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));

export function ipv4Kind(ip: number): IpKind {
  for (const [base, bits, kind] of V4_RANGES) if (inV4(ip, parseIpv4(base) as number, bits)) return kind;
  return 'public';
}

export function ipv6Kind(g: number[]): IpKind {
  const first = g[0] as number;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if ((first & 0xfe00) === 0xfc00) return 'ula';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  return 'public';
}

// Does the member's range (IPv4 "a.b.c.d/n" or a single address, IPv6 "x::/n") contain the address?
export function cidrContains(cidr: string, address: string): boolean {
  const [base = '', bitsText] = cidr.trim().split('/');
  const v4 = parseIpv4(base);
  const ip4 = parseIpv4(address);
  if (v4 !== undefined && ip4 !== undefined) return inV4(ip4, v4, bitsText === undefined ? 32 : Number(bitsText));
  const v6 = parseIpv6(base);
  const ip6 = parseIpv6(address);
  if (!v6 || !ip6) return false;
  let bits = bitsText === undefined ? 128 : Number(bitsText);
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((v6[i] as number) & mask) !== ((ip6[i] as number) & mask)) return false;
  }
  return true;
}
