// RPM version ordering: rpmvercmp for version and release, with an optional numeric epoch.
// Written by hand: the npm packages that do this are unmaintained or wrap librpm natively.
import { type Comparison, compareDigits, compareText } from './version-common.js';

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// rpm treats every byte outside ASCII as an equal separator, so "1.1.α" == "1.1.β"; such strings are refused instead.
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** rpmvercmp: segments of digits or letters; '~' sorts before anything (pre-release), '^' after the end (post-release). */
export function rpmvercmp(a: string, b: string): Comparison | null {
  if (!PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) return null;
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const test = numeric ? isDigit : (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
    const startA = i;
    const startB = j;
    while (test(a[i])) i++;
    while (test(b[j])) j++;
    const segA = a.slice(startA, i);
    const segB = b.slice(startB, j);
    // A numeric segment is newer than an alphabetic one.
    if (segB === '') return numeric ? 1 : -1;
    const result = numeric ? compareDigits(segA, segB) : compareText(segA, segB);
    if (result !== 0) return result;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

interface Evr {
  epoch: string;
  version: string;
  release: string | null;
}

export function parseRpmEvr(input: string): Evr | null {
  const text = input.trim();
  const match = /^(?:(\d+):)?([^:-]+)(?:-([^:-]+))?$/.exec(text);
  if (!match || match[2] === undefined) return null;
  return { epoch: match[1] ?? '0', version: match[2], release: match[3] ?? null };
}

/** Compares [epoch:]version[-release]; a missing epoch is 0, a missing release sorts before any release. */
export function compareRpm(a: string, b: string): Comparison | null {
  const left = parseRpmEvr(a);
  const right = parseRpmEvr(b);
  if (!left || !right) return null;
  const epoch = compareDigits(left.epoch, right.epoch);
  if (epoch !== 0) return epoch;
  const version = rpmvercmp(left.version, right.version);
  if (version !== 0) return version;
  if (left.release === null || right.release === null) {
    return left.release === right.release ? 0 : left.release === null ? -1 : 1;
  }
  return rpmvercmp(left.release, right.release);
}
