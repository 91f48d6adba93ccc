// Timestamps of the store: STIX versions compared as instants, and the server's date_added. Pure.

// RFC 3339 in UTC with "Z", the form STIX and TAXII use; any number of fractional digits.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,32}))?Z$/;

// The version of an object that has neither `modified` nor `created` (SCOs): one value, the same everywhere.
export const NO_VERSION = '1970-01-01T00:00:00.000Z';

interface Parts {
  whole: string; // "YYYY-MM-DDTHH:MM:SS"
  fraction: string; // digits after the point, possibly empty
  epochSeconds: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function parts(text: string): Parts | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // Checked by hand rather than through Date, which rolls February 30th over into March.
  const days = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  if (days === undefined || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return undefined;
  return { whole: text.slice(0, 19), fraction: m[7] ?? '', epochSeconds: Date.UTC(y, mo - 1, d, h, mi, s) / 1000 };
}

export const isTimestamp = (text: string): boolean => parts(text) !== undefined;

/**
 * A STIX timestamp as a fixed-width key (nanoseconds) that sorts as text, so that
 * "2016-01-01T00:00:00Z" and "2016-01-01T00:00:00.000Z" are the same version. Digits beyond
 * nanoseconds are dropped. Undefined when the text is not a timestamp.
 */
export function versionKey(text: string): string | undefined {
  const p = parts(text);
  return p ? `${p.whole}.${p.fraction.slice(0, 9).padEnd(9, '0')}Z` : undefined;
}

/**
 * A client's `added_after` in the form of date_added (microseconds). Truncating is exact:
 * for whole microseconds d, d > t holds exactly when d > floor_µs(t).
 */
export function addedAfterKey(text: string): string | undefined {
  const p = parts(text);
  return p ? `${p.whole}.${p.fraction.slice(0, 6).padEnd(6, '0')}Z` : undefined;
}

export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros - ms * 1000).padStart(3, '0')}Z`;
}

export function microsOf(dateAdded: string): number {
  const p = parts(dateAdded);
  if (!p) throw new Error(`not a timestamp: ${dateAdded}`);
  return p.epochSeconds * 1_000_000 + Number(p.fraction.slice(0, 6).padEnd(6, '0'));
}

export function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/**
 * The first new date_added (microseconds) of a collection whose latest is `last`: after `last`, and the
 * current time when the clock is ahead. The entries of one write take it and the microseconds after it,
 * so date_added stays strictly increasing. Callers hold the collection's write lock.
 */
export function firstDateAdded(last: string | null, now = nowMicros()): number {
  return last === null ? now : Math.max(now, microsOf(last) + 1);
}
