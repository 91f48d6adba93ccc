// Checks shared by the feed parsers: every problem names where it is, as a JSON path or a line number, so that the
// operator can find it in a file of a million lines. Pure.

export class FeedFormatError extends Error {
  constructor(readonly where: string, readonly problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'FeedFormatError';
  }
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new FeedFormatError(path, 'expected an object');
  return value;
}

export function list(value: unknown, path: string, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new FeedFormatError(path, 'expected a list');
  return value;
}

export function text(value: unknown, path: string, maxLength = 100_000): string {
  if (typeof value !== 'string') throw new FeedFormatError(path, 'expected a string');
  if (value.length > maxLength) throw new FeedFormatError(path, `longer than ${maxLength} characters`);
  return value;
}

export function optionalText(value: unknown, path: string, maxLength = 100_000): string | null {
  return value === undefined || value === null ? null : text(value, path, maxLength);
}

export function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new FeedFormatError(path, `expected a number from ${min} to ${max}`);
  }
  return value;
}

/** NVD writes UTC times without a zone ("2024-02-09T09:15:08.087"); stored as ISO-8601 with "Z". */
export function timestamp(value: unknown, path: string): string {
  const raw = text(value, path, 40);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    throw new FeedFormatError(path, `"${raw.slice(0, 40)}" is not a date and time`);
  }
  const zoned = /T/.test(raw) && !/(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? `${raw}Z` : raw;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) throw new FeedFormatError(path, `"${raw}" is not a date and time`);
  return new Date(time).toISOString();
}

/** A calendar date "YYYY-MM-DD". */
export function date(value: unknown, path: string): string {
  const raw = text(value, path, 40);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    throw new FeedFormatError(path, `"${raw.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
  }
  return raw;
}

export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

export function cveId(value: unknown, path: string): string {
  const id = text(value, path, 40).trim().toUpperCase();
  if (!CVE_ID.test(id)) throw new FeedFormatError(path, `"${id}" is not a CVE id`);
  return id;
}
