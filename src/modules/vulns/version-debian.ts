// Debian package version ordering (deb-version(7), Debian Policy §5.6.12), as dpkg implements it.
// Written by hand: no maintained npm package implements dpkg ordering without native code.
import { type Comparison, sign } from './version-common.js';

interface DebianVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

// Characters the policy allows; anything else means the string is not a Debian version and we refuse to compare it.
const UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]*$/;

export function parseDebianVersion(input: string): DebianVersion | null {
  const text = input.trim();
  const colon = text.indexOf(':');
  let epoch = 0;
  let rest = text;
  if (colon >= 0) {
    const epochText = text.slice(0, colon);
    if (!/^\d+$/.test(epochText)) return null;
    epoch = Number(epochText);
    rest = text.slice(colon + 1);
  }
  // The revision is everything after the last hyphen; without one (or after a trailing hyphen) it is empty,
  // which compares the same as "0".
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (!UPSTREAM.test(upstream) || !REVISION.test(revision)) return null;
  if (colon < 0 && upstream.includes(':')) return null;
  return { epoch, upstream, revision };
}

// dpkg's character weight: '~' sorts before everything, even the end of the string; letters before other symbols.
function weight(char: string | undefined): number {
  if (char === undefined) return 0;
  if (char === '~') return -1;
  if (/[0-9]/.test(char)) return 0;
  if (/[A-Za-z]/.test(char)) return char.charCodeAt(0);
  return char.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// Alternates non-digit runs (compared by weight) and digit runs (compared numerically), as dpkg's verrevcmp.
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const diff = weight(a[i]) - weight(b[j]);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

export function compareDebian(a: string, b: string): Comparison | null {
  const left = parseDebianVersion(a);
  const right = parseDebianVersion(b);
  if (!left || !right) return null;
  if (left.epoch !== right.epoch) return sign(left.epoch - right.epoch);
  const upstream = compareFragment(left.upstream, right.upstream);
  if (upstream !== 0) return sign(upstream);
  return sign(compareFragment(left.revision, right.revision));
}
