// Shared by the version comparators: every comparator answers -1, 0 or 1, or null when it cannot compare.
export type Comparison = -1 | 0 | 1;

export function sign(n: number): Comparison {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares two runs of decimal digits of any length without converting them to numbers. */
export function compareDigits(a: string, b: string): Comparison {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return sign(x.length - y.length);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareText(a: string, b: string): Comparison {
  return a < b ? -1 : a > b ? 1 : 0;
}
