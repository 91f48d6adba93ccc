// Version comparison per ecosystem. Every comparator answers -1, 0, 1, or null when a string is not a version of
// that ecosystem or the two cannot be ordered: callers must treat null as "cannot tell", never as a match.
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import { type Comparison, compareDigits, sign } from './version-common.js';
import { compareDebian } from './version-debian.js';
import { compareGem } from './version-gem.js';
import { compareGeneric } from './version-generic.js';
import { compareMaven } from './version-maven.js';
import { comparePhp } from './version-php.js';
import { compareRpm } from './version-rpm.js';

export type { Comparison } from './version-common.js';

export const VERSION_SCHEMES = [
  'semver', 'npm', 'pypi', 'maven', 'debian', 'rpm', 'golang', 'nuget', 'gem', 'cargo', 'composer', 'generic',
] as const;
export type VersionScheme = (typeof VERSION_SCHEMES)[number];

/** Strict SemVer 2.0 (no "v", no loose forms), as the OSV SEMVER range type and npm/crates.io use. */
export function compareSemver(a: string, b: string): Comparison | null {
  const left = semver.valid(a.trim());
  const right = semver.valid(b.trim());
  if (left === null || right === null) return null;
  return semver.compare(left, right);
}

/** Go module versions are SemVer with a mandatory "v" (pseudo-versions are SemVer pre-releases). */
export function compareGo(a: string, b: string): Comparison | null {
  const strip = (v: string): string | null => (/^v\d/.test(v.trim()) ? v.trim().slice(1) : null);
  const left = strip(a);
  const right = strip(b);
  // "+incompatible" is build metadata, which SemVer ignores, as Go does.
  return left === null || right === null ? null : compareSemver(left, right);
}

/** PEP 440 through @renovatebot/pep440; its compare() throws on invalid input, so validity is checked first. */
export function comparePypi(a: string, b: string): Comparison | null {
  if (pep440.valid(a.trim()) === null || pep440.valid(b.trim()) === null) return null;
  return sign(pep440.compare(a.trim(), b.trim()));
}

// NuGet: up to four numeric parts, then a SemVer 2.0 pre-release compared case-insensitively; metadata ignored.
// Written by hand (no npm package); the pre-release part reuses semver's identifier ordering.
const NUGET = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function compareNuget(a: string, b: string): Comparison | null {
  const left = NUGET.exec(a.trim());
  const right = NUGET.exec(b.trim());
  if (!left || !right) return null;
  for (let i = 1; i <= 4; i++) {
    const result = compareDigits(left[i] ?? '0', right[i] ?? '0');
    if (result !== 0) return result;
  }
  const preLeft = left[5]?.toLowerCase();
  const preRight = right[5]?.toLowerCase();
  if (preLeft === undefined || preRight === undefined) {
    return preLeft === preRight ? 0 : preLeft === undefined ? 1 : -1;
  }
  return semver.compare(`0.0.0-${preLeft}`, `0.0.0-${preRight}`);
}

const COMPARATORS: Record<VersionScheme, (a: string, b: string) => Comparison | null> = {
  semver: compareSemver,
  npm: compareSemver,
  cargo: compareSemver,
  golang: compareGo,
  pypi: comparePypi,
  nuget: compareNuget,
  maven: compareMaven,
  debian: compareDebian,
  rpm: compareRpm,
  gem: compareGem,
  composer: comparePhp,
  generic: compareGeneric,
};

export function compareVersions(scheme: VersionScheme, a: string, b: string): Comparison | null {
  return COMPARATORS[scheme](a, b);
}
