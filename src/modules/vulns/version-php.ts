// Composer/Packagist ordering: PHP's version_compare() on the version without a leading "v".
// Written by hand: no maintained npm package reproduces version_compare's special forms.
import { type Comparison, compareDigits, sign } from './version-common.js';

// PHP's special forms, matched by prefix as PHP does ("patch" counts as "p"); an unknown word sorts below "dev".
const FORMS: Array<[string, number]> = [
  ['dev', 0], ['alpha', 1], ['a', 1], ['beta', 2], ['b', 2], ['RC', 3], ['rc', 3], ['#', 4], ['pl', 5], ['p', 5],
];

function formOrder(part: string): number {
  for (const [name, order] of FORMS) if (part.startsWith(name)) return order;
  return -6;
}

// version_compare canonicalises: "-", "_", "+" become ".", and a "." goes between digits and letters.
function canonicalParts(version: string): string[] {
  const text = version.trim().replace(/^v(?=\d)/i, '');
  const spaced = text.replace(/[-_+]/g, '.').replace(/(\d)(?=[^\d.])|([^\d.])(?=\d)/g, '$1$2.');
  return spaced.split('.').filter((p) => p !== '');
}

const isNumber = (p: string): boolean => /^[0-9]+$/.test(p);

function comparePart(a: string, b: string): Comparison {
  if (isNumber(a) && isNumber(b)) return compareDigits(a, b);
  return sign(formOrder(isNumber(a) ? '#' : a) - formOrder(isNumber(b) ? '#' : b));
}

export function comparePhp(a: string, b: string): Comparison | null {
  const left = canonicalParts(a);
  const right = canonicalParts(b);
  if (left.length === 0 || right.length === 0 || !isNumber(left[0] as string) || !isNumber(right[0] as string)) {
    return null;
  }
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const result = comparePart(left[i] as string, right[i] as string);
    if (result !== 0) return result;
  }
  // The longer one wins when its next part is a number; otherwise that part is compared with "#" (the release).
  if (left.length > length) {
    const next = left[length] as string;
    return isNumber(next) ? 1 : comparePart(next, '0');
  }
  if (right.length > length) {
    const next = right[length] as string;
    if (isNumber(next)) return -1;
    const result = comparePart(next, '0');
    return result === 0 ? 0 : result === 1 ? -1 : 1;
  }
  return 0;
}
