// "vers" version range specifiers (vers:<scheme>/<constraint>|<constraint>...), as CSAF 2.0's
// product_version_range uses them, evaluated with the purl-spec VERS algorithm. Written by hand: no npm package.
import { versionSchemeForPurlType } from './purl.js';
import { compareVersions, type VersionScheme } from './versions.js';

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';
interface Constraint {
  operator: Operator;
  version: string;
}
export interface VersRange {
  scheme: VersionScheme;
  all: boolean;
  constraints: Constraint[];
}

/** Parses a vers string; null when it is malformed or its scheme has no comparator here. */
export function parseVers(text: string): VersRange | null {
  const match = /^vers:([a-z0-9.+-]+)\/(.+)$/i.exec(text.trim().replace(/\s+/g, ''));
  if (!match) return null;
  const type = (match[1] as string).toLowerCase();
  // vers adds "semver" and "intdot" (integers and dots) to the purl types.
  const scheme = type === 'semver' ? 'semver' : type === 'intdot' ? 'generic' : versionSchemeForPurlType(type);
  if (!scheme) return null;
  const body = match[2] as string;
  if (body === '*') return { scheme, all: true, constraints: [] };
  const constraints: Constraint[] = [];
  for (const part of body.split('|')) {
    const c = /^(!=|<=|>=|<|>|=)?(.+)$/.exec(part);
    if (!c) return null;
    constraints.push({ operator: (c[1] ?? '=') as Operator, version: decodeURIComponent(c[2] as string) });
  }
  return { scheme, all: false, constraints };
}

/** true, false, or null when a version cannot be ordered against the constraints. */
export function versContains(range: VersRange, version: string): boolean | null {
  if (range.all) return true;
  const compare = (a: string, b: string): number | null => compareVersions(range.scheme, a, b);
  for (const c of range.constraints) {
    if (c.operator !== '=' && c.operator !== '!=') continue;
    const result = compare(version, c.version);
    if (result === null) return null;
    if (result === 0) return c.operator === '=';
  }
  const ordered = range.constraints.filter((c) => c.operator !== '=' && c.operator !== '!=');
  const sorted = sortConstraints(ordered, compare);
  if (sorted === null) return null;
  const satisfies = (c: Constraint): boolean | null => {
    const result = compare(version, c.version);
    if (result === null) return null;
    return { '<': result < 0, '<=': result <= 0, '>': result > 0, '>=': result >= 0 }[c.operator as '<'];
  };
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && (first.operator === '<' || first.operator === '<=') && satisfies(first)) return true;
  if (last && (last.operator === '>' || last.operator === '>=') && satisfies(last)) return true;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const low = sorted[i] as Constraint;
    const high = sorted[i + 1] as Constraint;
    if (!(low.operator === '>' || low.operator === '>=') || !(high.operator === '<' || high.operator === '<=')) continue;
    const above = satisfies(low);
    const below = satisfies(high);
    if (above === null || below === null) return null;
    if (above && below) return true;
  }
  for (const c of sorted) if (satisfies(c) === null) return null;
  return false;
}

function sortConstraints(list: Constraint[], compare: (a: string, b: string) => number | null): Constraint[] | null {
  let failed = false;
  const sorted = [...list].sort((a, b) => {
    const result = compare(a.version, b.version);
    if (result === null) failed = true;
    return result ?? 0;
  });
  return failed ? null : sorted;
}
