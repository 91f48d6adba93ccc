// The last guard before publication: nothing redacted and nothing that names the victim may appear
// anywhere in what is about to be published. Compared after Unicode NFKC folding and lower-casing,
// so full-width or differently cased copies are caught too. Pure.

export interface Forbidden {
  readonly text: string;
  /** Why it may not be published, e.g. a redaction label or "victim_name". */
  readonly reason: string;
}

export interface Leak {
  readonly reason: string;
  /** Where it was found: an object id and property path, or a field name. */
  readonly where: string;
}

// Shorter strings (a single kanji, "IT") would match innocent text; names are at least two characters.
const MIN_LENGTH = 2;

const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/**
 * Every forbidden string found in the published texts; `texts` maps a location to the text there.
 * Values of at least two characters are checked; an empty result means nothing leaks.
 */
export function findLeaks(texts: ReadonlyMap<string, string>, forbidden: readonly Forbidden[]): Leak[] {
  const needles = forbidden
    .map((f) => ({ needle: fold(f.text.trim()), reason: f.reason }))
    .filter((f) => f.needle.length >= MIN_LENGTH);
  const leaks: Leak[] = [];
  for (const [where, text] of texts) {
    const haystack = fold(text);
    for (const { needle, reason } of needles) if (haystack.includes(needle)) leaks.push({ reason, where });
  }
  return leaks;
}

/** Every string inside a JSON value, keyed by its path: what a published object says. */
export function stringsOf(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => stringsOf(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringsOf(item, path ? `${path}.${key}` : key, out);
  }
  return out;
}
