// Package URLs (purl): parsing through packageurl-js, and which version ordering each purl type uses.
import { PackageURL } from 'packageurl-js';
import type { VersionScheme } from './versions.js';

export interface Purl {
  type: string;
  namespace: string | null;
  name: string;
  version: string | null;
  qualifiers: Readonly<Record<string, string>>;
}

export class PurlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PurlSyntaxError';
  }
}

/** Parses and normalises a purl (lower-cased type, PyPI name normalisation, ...); throws PurlSyntaxError. */
export function parsePurl(text: string): Purl {
  let parsed: PackageURL;
  try {
    parsed = PackageURL.fromString(text.trim());
  } catch (error) {
    throw new PurlSyntaxError(error instanceof Error ? error.message : String(error));
  }
  return {
    type: parsed.type,
    namespace: parsed.namespace ?? null,
    name: parsed.name,
    version: parsed.version ?? null,
    qualifiers: { ...(parsed.qualifiers ?? {}) },
  };
}

export function tryParsePurl(text: string): Purl | null {
  try {
    return parsePurl(text);
  } catch (error) {
    if (error instanceof PurlSyntaxError) return null;
    throw error;
  }
}

const SCHEMES: Readonly<Record<string, VersionScheme>> = {
  npm: 'npm', pypi: 'pypi', maven: 'maven', deb: 'debian', rpm: 'rpm', golang: 'golang', nuget: 'nuget', gem: 'gem',
  cargo: 'cargo', composer: 'composer', generic: 'generic',
};

/** The version ordering of a purl type, or null for types we have no comparator for (never a fallback guess). */
export function versionSchemeForPurlType(type: string): VersionScheme | null {
  return SCHEMES[type.toLowerCase()] ?? null;
}

// Types whose names are case-insensitive in their registry (packageurl-js already lower-cases pypi, npm, ...).
const CASE_INSENSITIVE = new Set(['nuget', 'composer', 'pypi', 'npm', 'deb', 'golang', 'github', 'bitbucket']);

/** Same package (type, namespace, name), whatever the versions and qualifiers. */
export function samePackage(a: Purl, b: Purl): boolean {
  if (a.type !== b.type) return false;
  const fold = (s: string | null): string => (CASE_INSENSITIVE.has(a.type) ? (s ?? '').toLowerCase() : s ?? '');
  return fold(a.namespace) === fold(b.namespace) && fold(a.name) === fold(b.name);
}

// OSV ecosystem names by purl type; deb and rpm depend on the distribution (the purl namespace).
const OSV_ECOSYSTEMS: Readonly<Record<string, string>> = {
  npm: 'npm', pypi: 'PyPI', maven: 'Maven', golang: 'Go', nuget: 'NuGet', gem: 'RubyGems', cargo: 'crates.io',
  composer: 'Packagist',
};
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  debian: 'Debian', ubuntu: 'Ubuntu', redhat: 'Red Hat', almalinux: 'AlmaLinux', rocky: 'Rocky Linux',
  opensuse: 'openSUSE', suse: 'SUSE', alpine: 'Alpine',
};

/** The OSV ecosystem (without a ":release" suffix) and package name an asset's purl corresponds to. */
export function osvPackageOf(purl: Purl): { ecosystem: string; name: string } | null {
  const ecosystem = OSV_ECOSYSTEMS[purl.type] ??
    ((purl.type === 'deb' || purl.type === 'rpm') && purl.namespace ? DISTRIBUTIONS[purl.namespace.toLowerCase()] : undefined);
  if (!ecosystem) return null;
  // OSV names: "group:artifact" for Maven, the full module path for Go, "@scope/name" for npm, "vendor/name" for Composer.
  const separator = purl.type === 'maven' ? ':' : '/';
  const name = purl.namespace && !(purl.type === 'deb' || purl.type === 'rpm')
    ? `${purl.namespace}${separator}${purl.name}` : purl.name;
  return { ecosystem, name };
}
