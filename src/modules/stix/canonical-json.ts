// RFC 8785 JSON Canonicalization Scheme (JCS): no whitespace, object members sorted by the UTF-16 code units
// of their names, numbers as ECMAScript Number.prototype.toString prints them, strings with the minimal JSON
// escapes. JSON.stringify already serialises strings and finite numbers exactly as JCS requires (ES2019
// well-formed JSON.stringify; -0 becomes 0), so this module adds the ordering and the errors JCS demands.

export class CanonicalJsonError extends Error {}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(s: string): string {
  // I-JSON (RFC 7493), which JCS builds on, forbids unpaired surrogates.
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('string contains an unpaired UTF-16 surrogate');
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(`${n} cannot be represented in JSON`);
  return JSON.stringify(n);
}

function serialize(value: unknown, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(serializeString(value));
      return;
    case 'number':
      out.push(serializeNumber(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) out.push('null');
      else if (Array.isArray(value)) serializeArray(value, out);
      else serializeObject(value as Record<string, unknown>, out);
      return;
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be represented in JSON`);
  }
}

function serializeArray(items: readonly unknown[], out: string[]): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    // Like JSON.stringify, a missing element (undefined) is written as null.
    serialize(items[i] === undefined ? null : items[i], out);
  }
  out.push(']');
}

function serializeObject(o: Record<string, unknown>, out: string[]): void {
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units, exactly as JCS §3.2.3 requires.
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  out.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0) out.push(',');
    out.push(serializeString(key), ':');
    serialize(o[key], out);
  }
  out.push('}');
}

/** The canonical JSON text of a JSON value (RFC 8785). Throws CanonicalJsonError for values JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  serialize(value, out);
  return out.join('');
}
