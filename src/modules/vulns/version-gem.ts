// RubyGems version ordering (Gem::Version#<=>): numeric segments, and a letter segment marks a pre-release.
// Written by hand: no maintained npm package implements Gem::Version.
import { type Comparison, compareDigits, compareText } from './version-common.js';

// Gem::Version's accepted format; a "-" is read as ".pre.".
const GEM_VERSION = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

type Segment = string | { text: string };

function segments(version: string): Segment[] | null {
  const text = version.trim();
  if (!GEM_VERSION.test(text)) return null;
  const parts = text.replace(/-/g, '.pre.').match(/[0-9]+|[a-z]+/gi) ?? [];
  const all: Segment[] = parts.map((p) => (/^[0-9]/.test(p) ? p.replace(/^0+(?=\d)/, '') : { text: p }));
  // canonical_segments: trailing zeros are dropped from the release part and from the pre-release part.
  const firstText = all.findIndex((s) => typeof s !== 'string');
  const release = firstText === -1 ? all : all.slice(0, firstText);
  const pre = firstText === -1 ? [] : all.slice(firstText);
  return [...dropTrailingZeros(release), ...dropTrailingZeros(pre)];
}

function dropTrailingZeros(list: Segment[]): Segment[] {
  const copy = [...list];
  while (copy.length > 0 && copy[copy.length - 1] === '0') copy.pop();
  return copy;
}

export function compareGem(a: string, b: string): Comparison | null {
  const left = segments(a);
  const right = segments(b);
  if (!left || !right) return null;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const l = left[i] ?? '0';
    const r = right[i] ?? '0';
    if (typeof l === 'string' && typeof r === 'string') {
      const result = compareDigits(l, r);
      if (result !== 0) return result;
    } else if (typeof l === 'string') {
      return 1; // a number is newer than a pre-release word
    } else if (typeof r === 'string') {
      return -1;
    } else {
      const result = compareText(l.text, r.text);
      if (result !== 0) return result;
    }
  }
  return 0;
}
