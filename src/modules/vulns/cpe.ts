// CPE 2.3 names: the formatted-string binding (NISTIR 7695 §6.2) and attribute-wise name comparison
// (NISTIR 7696, CPE Name Matching). Pure functions; the NVD criterion rules built on them are in cpe-criterion.ts.

export const CPE_ATTRIBUTES = [
  'part', 'vendor', 'product', 'version', 'update', 'edition', 'language', 'sw_edition', 'target_sw', 'target_hw',
  'other',
] as const;
export type CpeAttribute = (typeof CPE_ATTRIBUTES)[number];

/**
 * ANY ("*"), NA ("-"), or a value. A value is unescaped and lower-cased (matching is case-insensitive); `lead` and
 * `trail` hold unquoted wildcards at its ends ("*" or a run of "?"), which the spec allows nowhere else.
 */
export type CpeValue =
  | { kind: 'any' }
  | { kind: 'na' }
  | { kind: 'value'; text: string; lead: string; trail: string };

export type CpeName = Readonly<Record<CpeAttribute, CpeValue>>;

export class CpeSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CpeSyntaxError';
  }
}

const PREFIX = 'cpe:2.3:';

/** Splits on unescaped colons, keeping escapes in place. */
function splitComponents(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      if (i + 1 >= text.length) throw new CpeSyntaxError('a backslash ends the name');
      current += c + (text[i + 1] as string);
      i++;
    } else if (c === ':') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function parseComponent(raw: string, attribute: CpeAttribute): CpeValue {
  if (raw === '*') return { kind: 'any' };
  if (raw === '-') return { kind: 'na' };
  if (raw === '') throw new CpeSyntaxError(`${attribute} is empty`);
  let text = '';
  let lead = '';
  let trail = '';
  let seenLiteral = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\') {
      text += raw[i + 1] as string;
      i++;
      seenLiteral = true;
    } else if (c === '*' || c === '?') {
      if (!seenLiteral) lead += c;
      else if (/^[*?]*$/.test(raw.slice(i))) trail += c; // only wildcards from here to the end
      else throw new CpeSyntaxError(`${attribute} has an unquoted "${c}" inside its value`);
    } else if (/\s/.test(c)) {
      throw new CpeSyntaxError(`${attribute} contains white space`);
    } else {
      text += c;
      seenLiteral = true;
    }
  }
  const validRun = (run: string): boolean => run === '' || run === '*' || /^\?+$/.test(run);
  if (!validRun(lead) || !validRun(trail)) throw new CpeSyntaxError(`${attribute} has a malformed wildcard`);
  if (!seenLiteral && lead !== '*') {
    // "??" alone is a legal pattern (any two characters); "**" is not.
    if (!/^\?+$/.test(lead)) throw new CpeSyntaxError(`${attribute} has a malformed wildcard`);
  }
  return { kind: 'value', text: text.toLowerCase(), lead, trail };
}

/** Parses a CPE 2.3 formatted string; throws CpeSyntaxError with the reason when it is not one. */
export function parseCpe(input: string): CpeName {
  const text = input.trim();
  if (text.slice(0, PREFIX.length).toLowerCase() !== PREFIX) throw new CpeSyntaxError('does not start with cpe:2.3:');
  const parts = splitComponents(text.slice(PREFIX.length));
  if (parts.length !== CPE_ATTRIBUTES.length) {
    throw new CpeSyntaxError(`has ${parts.length} components instead of ${CPE_ATTRIBUTES.length}`);
  }
  const entries = CPE_ATTRIBUTES.map((attribute, i) => [attribute, parseComponent(parts[i] as string, attribute)]);
  const name = Object.fromEntries(entries) as Record<CpeAttribute, CpeValue>;
  const part = name.part;
  if (part.kind === 'na' || (part.kind === 'value' && (!['a', 'o', 'h'].includes(part.text) || hasWildcard(part)))) {
    throw new CpeSyntaxError('part is not a, o, h or *');
  }
  return name;
}

// Parsed names, kept: a full match reads the same NVD criteria for every asset of a product, and parsing was a fifth of
// its time. Callers only read the result (it is shared). Bounded: cleared when it grows past CACHE_MAX.
const parsed = new Map<string, CpeName | null>();
const CACHE_MAX = 200_000;

export function tryParseCpe(input: string): CpeName | null {
  const known = parsed.get(input);
  if (known !== undefined) return known;
  let name: CpeName | null;
  try {
    name = parseCpe(input);
  } catch (error) {
    if (!(error instanceof CpeSyntaxError)) throw error;
    name = null;
  }
  if (parsed.size >= CACHE_MAX) parsed.clear();
  parsed.set(input, name);
  return name;
}

export const hasWildcard = (value: CpeValue): boolean =>
  value.kind === 'value' && (value.lead !== '' || value.trail !== '');

function formatValue(value: CpeValue): string {
  if (value.kind === 'any') return '*';
  if (value.kind === 'na') return '-';
  // The formatted string leaves letters, digits, "_", "." and "-" unquoted and quotes every other character.
  const body = [...value.text].map((c) => (/[a-z0-9_.-]/.test(c) ? c : `\\${c}`)).join('');
  return value.lead + (body === '-' ? '\\-' : body) + value.trail;
}

/** The canonical formatted string (lower case, minimal quoting): equal names give equal strings. */
export function formatCpe(name: CpeName): string {
  return PREFIX + CPE_ATTRIBUTES.map((a) => formatValue(name[a])).join(':');
}

/** A plain (unescaped) value: "vendor", "7.2.4"; null for ANY, NA or a pattern. */
export function plainValue(value: CpeValue): string | null {
  return value.kind === 'value' && !hasWildcard(value) ? value.text : null;
}

export type CpeRelation = 'SUPERSET' | 'EQUAL' | 'SUBSET' | 'DISJOINT' | 'UNDEFINED';

function wildcardMatches(pattern: Extract<CpeValue, { kind: 'value' }>, target: string): boolean {
  const quantifier = (run: string): string => (run === '*' ? '.*' : run === '' ? '' : `.{${run.length}}`);
  const literal = pattern.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${quantifier(pattern.lead)}${literal}${quantifier(pattern.trail)}$`, 's').test(target);
}

/** NISTIR 7696 Table 6-2: how the source attribute value relates to the target's (target wildcards are undefined). */
export function compareAttribute(source: CpeValue, target: CpeValue): CpeRelation {
  if (source.kind === 'any') return target.kind === 'any' ? 'EQUAL' : 'SUPERSET';
  if (source.kind === 'na') return target.kind === 'na' ? 'EQUAL' : target.kind === 'any' ? 'SUBSET' : 'DISJOINT';
  if (target.kind === 'any') return 'SUBSET';
  if (target.kind === 'na') return 'DISJOINT';
  if (hasWildcard(target)) return 'UNDEFINED';
  if (hasWildcard(source)) return wildcardMatches(source, target.text) ? 'SUPERSET' : 'DISJOINT';
  return source.text === target.text ? 'EQUAL' : 'DISJOINT';
}

export function compareCpeNames(source: CpeName, target: CpeName): Record<CpeAttribute, CpeRelation> {
  const entries = CPE_ATTRIBUTES.map((a) => [a, compareAttribute(source[a], target[a])]);
  return Object.fromEntries(entries) as Record<CpeAttribute, CpeRelation>;
}

/** CPE_SUPERSET or CPE_EQUAL: the source name (a criterion) covers the target name (an asset). */
export function cpeCovers(source: CpeName, target: CpeName): boolean {
  return Object.values(compareCpeNames(source, target)).every((r) => r === 'SUPERSET' || r === 'EQUAL');
}

/**
 * A name from free-text fields (the asset form): lower-cased, white space as "_" as in the CPE dictionary.
 * An empty field is ANY ("unknown"), which never satisfies a vendor, product or version condition.
 */
export function cpeFromFields(fields: { part?: string; vendor?: string; product?: string; version?: string }): CpeName {
  const value = (field: string | undefined, spaces: boolean): CpeValue => {
    const text = (field ?? '').trim().toLowerCase();
    if (text === '' || text === '*') return { kind: 'any' };
    if (text === '-') return { kind: 'na' };
    return { kind: 'value', text: spaces ? text.replace(/\s+/g, '_') : text, lead: '', trail: '' };
  };
  const any: CpeValue = { kind: 'any' };
  const part = value(fields.part, false);
  if (part.kind === 'value' && !['a', 'o', 'h'].includes(part.text)) throw new CpeSyntaxError('part is not a, o or h');
  return {
    part, vendor: value(fields.vendor, true), product: value(fields.product, true), version: value(fields.version, false),
    update: any, edition: any, language: any, sw_edition: any, target_sw: any, target_hw: any, other: any,
  };
}
