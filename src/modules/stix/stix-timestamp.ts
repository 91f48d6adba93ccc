// STIX timestamps: RFC 3339 in UTC with a literal Z, any number of fraction digits (§2.13).
// Checked and compared without Date, so precision beyond milliseconds is kept and nothing is allocated.
// Leap seconds (second 60) are refused although RFC 3339 allows them: the store could not order them
// (taxii/timestamps.ts) and many STIX and TAXII readers cannot parse them (issue 17).

const TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const LEAP_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:60(?:\.\d+)?Z$/;

export type TimestampPrecision = 'any' | 'millisecond' | 'second';

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `s` is a STIX timestamp (format and calendar date). */
export function isTimestamp(s: string): boolean {
  if (!TIMESTAMP.test(s)) return false;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  return day <= daysInMonth(year, month);
}

/** True when `s` has the form of a timestamp with second 60: a leap second, which isTimestamp refuses. */
export const isLeapSecond = (s: string): boolean => LEAP_SECOND.test(s);

/** Number of fraction digits of a valid timestamp (0 when there is no fraction). */
export function fractionDigits(s: string): number {
  return s.charCodeAt(19) === 46 /* . */ ? s.length - 21 : 0;
}

export function hasPrecision(s: string, precision: TimestampPrecision): boolean {
  if (precision === 'any') return true;
  const digits = fractionDigits(s);
  return precision === 'second' ? digits === 0 : digits >= 3;
}

/**
 * Compares two valid timestamps: negative when a < b, 0 when equal, positive when a > b.
 * The first 19 characters have a fixed width; fractions compare digit by digit with missing digits as 0.
 */
export function compareTimestamps(a: string, b: string): number {
  for (let i = 0; i < 19; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  const fa = fractionDigits(a);
  const fb = fractionDigits(b);
  const n = fa > fb ? fa : fb;
  for (let i = 0; i < n; i++) {
    const da = i < fa ? a.charCodeAt(20 + i) : 48;
    const db = i < fb ? b.charCodeAt(20 + i) : 48;
    if (da !== db) return da - db;
  }
  return 0;
}
