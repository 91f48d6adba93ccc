// The anonymity threshold k applied to statistics of member data, on the server. Pure.
//
// A cell (one category in one month, say) counts distinct organisations. A cell that fewer than k
// organisations contributed to is merged into "other"; when "other" itself stays below k, the next
// smallest cell is merged into it too (complementary suppression), so the number behind a merged cell
// can never be recovered by subtracting the shown cells from a total. A group whose organisations are
// fewer than k altogether is returned only as { lessThanK: true }.
//
// Totals are never counted separately: a group's total is the sum of its shown cells, and a total over
// groups (a year) is the sum of the shown groups, flagged `partial` when a group was suppressed. So no
// total ever carries a number that a suppressed group or cell adds to it (the differencing guard).

/** One input row: `count` events (reports, sightings…) of one organisation in one cell of one group. */
export interface CellRow {
  readonly group: string; // e.g. the month "2026-11"
  readonly key: string; // e.g. the category "phishing"
  readonly orgId: string;
  readonly count: number;
}

export const OTHER = 'other';

export interface ShownCell {
  readonly key: string; // OTHER for the merged cell
  readonly count: number;
}

export type Group =
  | { readonly group: string; readonly lessThanK: false; readonly cells: readonly ShownCell[]; readonly total: number }
  | { readonly group: string; readonly lessThanK: true };

export interface Series {
  readonly k: number;
  readonly groups: readonly Group[];
  /** The sum of the shown groups; `partial` when some group was suppressed (then it is a lower bound). */
  readonly total: { readonly count: number; readonly partial: boolean };
}

interface Cell {
  key: string;
  count: number;
  orgs: Set<string>;
}

function collect(rows: readonly CellRow[], group: string): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    if (row.group !== group || row.count <= 0) continue;
    const cell = cells.get(row.key) ?? { key: row.key, count: 0, orgs: new Set<string>() };
    cell.count += row.count;
    cell.orgs.add(row.orgId);
    cells.set(row.key, cell);
  }
  return cells;
}

const smallestFirst = (a: Cell, b: Cell) => a.orgs.size - b.orgs.size || a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The cells of one group under the k rule. */
export function suppressGroup(rows: readonly CellRow[], group: string, k: number): Group {
  const visible = [...collect(rows, group).values()].sort(smallestFirst);
  const other: Cell = { key: OTHER, count: 0, orgs: new Set() };
  const mergeSmallest = () => {
    const cell = visible.shift() as Cell;
    other.count += cell.count;
    for (const org of cell.orgs) other.orgs.add(org);
  };
  // A real category called "other" starts the merged cell, so the key means one thing.
  const named = visible.findIndex((c) => c.key === OTHER);
  if (named >= 0) {
    visible.unshift(...visible.splice(named, 1));
    mergeSmallest();
  }
  while (visible.length > 0 && (visible[0] as Cell).orgs.size < k) mergeSmallest();
  while (visible.length > 0 && other.count > 0 && other.orgs.size < k) mergeSmallest();
  if (other.count > 0 && other.orgs.size < k) return { group, lessThanK: true };
  const cells: ShownCell[] = visible.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).map((c) => ({ key: c.key, count: c.count }));
  if (other.count > 0) cells.push({ key: OTHER, count: other.count });
  return { group, lessThanK: false, cells, total: cells.reduce((sum, c) => sum + c.count, 0) };
}

/** Every group (in the given order, e.g. each month of a year, empty ones included) under the k rule. */
export function suppressSeries(rows: readonly CellRow[], groups: readonly string[], k: number): Series {
  const byGroup = new Map<string, CellRow[]>(groups.map((g) => [g, []]));
  for (const row of rows) byGroup.get(row.group)?.push(row);
  const shown = groups.map((g) => suppressGroup(byGroup.get(g) ?? [], g, k));
  let count = 0;
  let partial = false;
  for (const g of shown) {
    if (g.lessThanK) partial = true;
    else count += g.total;
  }
  return { k, groups: shown, total: { count, partial } };
}

/** A single figure about member data: exact only when at least k organisations stand behind it. */
export type KCount = { readonly count: number; readonly lessThanK: false } | { readonly count: null; readonly lessThanK: true };

export function kCount(count: number, orgs: number, k: number): KCount {
  return orgs >= k || count === 0 ? { count, lessThanK: false } : { count: null, lessThanK: true };
}

/** The months "YYYY-MM" of the `months` months ending with the one `now` falls in (UTC), oldest first. */
export function monthsEnding(now: Date, months: number): string[] {
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/**
 * A series folded into one group: each key's sum over the shown groups. Only numbers already shown are
 * added up, so the result tells nothing the series does not (a separately computed breakdown of the
 * whole period would: subtracting the shown months from it recovers what the k rule merged).
 */
export function foldSeries(series: Series, group: string): { group: string; cells: ShownCell[]; total: number; partial: boolean } {
  const sums = new Map<string, number>();
  for (const g of series.groups) {
    if (g.lessThanK) continue;
    for (const c of g.cells) sums.set(c.key, (sums.get(c.key) ?? 0) + c.count);
  }
  const cells = [...sums].map(([key, count]) => ({ key, count }))
    .sort((a, b) => (a.key === OTHER ? 1 : b.key === OTHER ? -1 : b.count - a.count || (a.key < b.key ? -1 : 1)));
  return { group, cells, total: series.total.count, partial: series.total.partial };
}
