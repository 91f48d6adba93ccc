// Canonical IP addresses and CIDR blocks. IPv4: dotted decimal, no leading zeros (010 could mean octal 8
// to one tool and ten to another, so it is refused rather than guessed). IPv6: RFC 5952. Pure.

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function splitPrefix(text: string, max: number): { address: string; prefix: number | null } | null {
  const slash = text.indexOf('/');
  if (slash < 0) return { address: text, prefix: null };
  const digits = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(digits) || Number(digits) > max) return null;
  return { address: text.slice(0, slash), prefix: Number(digits) };
}

// Host bits cleared, so that 192.0.2.7/24 and 192.0.2.0/24 are one block.
function mask(bits: number[], prefix: number): number[] {
  return bits.map((b, i) => (i < prefix ? b : 0));
}

const toBits = (words: number[], width: number): number[] => words.flatMap((w) => Array.from({ length: width }, (_, i) => (w >> (width - 1 - i)) & 1));
const fromBits = (bits: number[], width: number): number[] =>
  Array.from({ length: bits.length / width }, (_, i) => bits.slice(i * width, (i + 1) * width).reduce((n, b) => n * 2 + b, 0));

/** "192.0.2.1", or a CIDR block "192.0.2.0/24" (host bits cleared; /32 is the plain address). */
export function normaliseIpv4(raw: string): string | null {
  const split = splitPrefix(raw.trim(), 32);
  if (!split) return null;
  const bytes = ipv4Bytes(split.address);
  if (!bytes) return null;
  if (split.prefix === null || split.prefix === 32) return bytes.join('.');
  return `${fromBits(mask(toBits(bytes, 8), split.prefix), 8).join('.')}/${split.prefix}`;
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail), or null. No zone ids. */
function ipv6Words(text: string): number[] | null {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail is two more groups.
    const bytes = ipv4Bytes(body.slice(lastColon + 1));
    if (!bytes) return null;
    body = `${body.slice(0, lastColon + 1)}${((bytes[0] as number) * 256 + (bytes[1] as number)).toString(16)}:${((bytes[2] as number) * 256 + (bytes[3] as number)).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] as string);
  const rest = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (!head || !rest) return null;
  const given = head.length + rest.length;
  if (halves.length === 1) return given === 8 ? head : null;
  if (given > 7) return null;
  return [...head, ...Array<number>(8 - given).fill(0), ...rest];
}

// RFC 5952 §4.2: the longest run of two or more zero groups becomes "::" (the first one on a tie).
function longestZeroRun(words: number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (j < words.length && words[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

function formatIpv6(words: number[]): string {
  // §5: IPv4-mapped addresses keep the dotted tail.
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    return `::ffff:${words[6]! >> 8}.${words[6]! & 255}.${words[7]! >> 8}.${words[7]! & 255}`;
  }
  const hex = words.map((w) => w.toString(16));
  const run = longestZeroRun(words);
  if (run.start < 0) return hex.join(':');
  return `${hex.slice(0, run.start).join(':')}::${hex.slice(run.start + run.length).join(':')}`;
}

/** RFC 5952 text of an IPv6 address, or a CIDR block with host bits cleared (/128 is the address). */
export function normaliseIpv6(raw: string): string | null {
  const split = splitPrefix(raw.trim().replace(/^\[(.*)\]$/, '$1'), 128);
  if (!split || !split.address.includes(':')) return null;
  const words = ipv6Words(split.address);
  if (!words) return null;
  if (split.prefix === null || split.prefix === 128) return formatIpv6(words);
  return `${formatIpv6(fromBits(mask(toBits(words, 16), split.prefix), 16))}/${split.prefix}`;
}

/** A CIDR block of either family, canonical; a bare address is not a block. */
export function normaliseCidr(raw: string): string | null {
  if (!raw.includes('/')) return null;
  return normaliseIpv4(raw) ?? normaliseIpv6(raw);
}
