// A statistics series as a table: the one shape the chart, its data-table view and its CSV export all
// draw from, so they cannot disagree. Pure, and imported by the web UI as well.
export interface SeriesGroup {
  group: string;
  lessThanK: boolean;
  cells?: ReadonlyArray<{ key: string; count: number }>;
  total?: number;
}

export interface SeriesTable {
  /** The cell keys, in a fixed order (largest overall first, "other" last). */
  keys: string[];
  rows: Array<{ group: string; lessThanK: boolean; values: Array<number | null>; total: number | null }>;
}

export function seriesTable(groups: readonly SeriesGroup[]): SeriesTable {
  const sums = new Map<string, number>();
  for (const g of groups) for (const c of g.cells ?? []) sums.set(c.key, (sums.get(c.key) ?? 0) + c.count);
  const keys = [...sums.keys()].sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : (sums.get(b) ?? 0) - (sums.get(a) ?? 0) || (a < b ? -1 : 1)));
  return {
    keys,
    rows: groups.map((g) => ({
      group: g.group, lessThanK: g.lessThanK,
      values: keys.map((k) => (g.lessThanK ? null : (g.cells ?? []).find((c) => c.key === k)?.count ?? 0)),
      total: g.lessThanK ? null : (g.total ?? 0),
    })),
  };
}

// Spreadsheets run a cell starting with = + - @ (or a tab / carriage return) as a formula: prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (RFC 4180, CRLF) with a UTF-8 byte-order mark, so that spreadsheet programs read Japanese correctly. */
export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
