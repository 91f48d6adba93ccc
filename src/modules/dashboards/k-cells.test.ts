// The k rule on small crafted data: no exact value below k leaves these functions, and no total lets a
// suppressed cell or month be computed by subtraction.
import { describe, expect, it } from 'vitest';
import { foldSeries, kCount, monthsEnding, OTHER, suppressGroup, suppressSeries, type CellRow, type Group } from './k-cells.js';

const rows = (group: string, key: string, orgs: string[], each = 1): CellRow[] => orgs.map((orgId) => ({ group, key, orgId, count: each }));
const orgs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const cells = (g: Group) => (g.lessThanK ? null : Object.fromEntries(g.cells.map((c) => [c.key, c.count])));

describe('suppressGroup', () => {
  it('shows cells with at least k organisations exactly and merges smaller ones into other', () => {
    const data = [...rows('m', 'phishing', orgs('a', 3), 2), ...rows('m', 'ransomware', orgs('b', 3)), ...rows('m', 'ddos', ['c0']), ...rows('m', 'leak', ['d0', 'd1'])];
    expect(cells(suppressGroup(data, 'm', 3))).toEqual({ phishing: 6, ransomware: 3, [OTHER]: 3 });
  });

  it('merges a second cell when other alone stays below k, so other cannot be derived from a total', () => {
    // ddos has one organisation: alone in "other" it would be 1 < k, and the total minus phishing would show it.
    const data = [...rows('m', 'phishing', orgs('a', 5)), ...rows('m', 'ransomware', orgs('b', 3)), ...rows('m', 'ddos', ['c0'])];
    const group = suppressGroup(data, 'm', 3);
    expect(cells(group)).toEqual({ phishing: 5, [OTHER]: 4 });
    expect(group.lessThanK ? 0 : group.total).toBe(9);
  });

  it('counts distinct organisations, not events: many reports of one organisation are still one', () => {
    const data = [...rows('m', 'phishing', ['a0'], 40), ...rows('m', 'ransomware', orgs('b', 3))];
    expect(cells(suppressGroup(data, 'm', 3))).toEqual({ [OTHER]: 43 });
    // The same organisation in two small cells counts once for other.
    const overlap = [...rows('m', 'x', ['a0', 'a1']), ...rows('m', 'y', ['a0', 'a1'])];
    expect(suppressGroup(overlap, 'm', 3).lessThanK).toBe(true);
  });

  it('suppresses the whole group when fewer than k organisations are behind it', () => {
    const data = [...rows('m', 'phishing', ['a0', 'a1']), ...rows('m', 'ddos', ['a0'], 3)];
    expect(suppressGroup(data, 'm', 3)).toEqual({ group: 'm', lessThanK: true });
  });

  it('folds a real category named other into the merged cell', () => {
    const data = [...rows('m', OTHER, ['a0']), ...rows('m', 'phishing', orgs('b', 3)), ...rows('m', 'ddos', orgs('c', 3))];
    expect(cells(suppressGroup(data, 'm', 3))).toEqual({ [OTHER]: 4, phishing: 3 });
  });
});

describe('suppressSeries', () => {
  const months = ['2026-01', '2026-02', '2026-03'];
  const data = [
    ...rows('2026-01', 'phishing', orgs('a', 4)),
    ...rows('2026-02', 'phishing', ['b0']), // one organisation: suppressed
    ...rows('2026-03', 'phishing', orgs('c', 3)),
  ];

  it('never lets a number below k leave, cells, groups or totals', () => {
    const series = suppressSeries(data, months, 3);
    for (const g of series.groups) {
      if (g.lessThanK) continue;
      for (const c of g.cells) expect(c.count).toBeGreaterThanOrEqual(3);
    }
    expect(JSON.stringify(series)).not.toMatch(/"count":[12][,}]/);
  });

  it('derives the total from the shown months only, so total minus the shown months is zero, not the hidden month', () => {
    const series = suppressSeries(data, months, 3);
    expect(series.groups[1]).toEqual({ group: '2026-02', lessThanK: true });
    const shown = series.groups.reduce((sum, g) => sum + (g.lessThanK ? 0 : g.total), 0);
    expect(series.total).toEqual({ count: 7, partial: true });
    expect(series.total.count - shown).toBe(0);
  });

  it('lists empty months as zero and keeps the order', () => {
    const series = suppressSeries([], months, 3);
    expect(series.groups.map((g) => g.group)).toEqual(months);
    expect(series.total).toEqual({ count: 0, partial: false });
  });
});

describe('foldSeries', () => {
  it('sums only the shown cells, so a period view and the monthly view cannot be subtracted into a merged cell', () => {
    const months = ['2026-01', '2026-02'];
    const data = [
      ...rows('2026-01', 'phishing', orgs('a', 3)), ...rows('2026-01', 'ddos', ['x0']), ...rows('2026-01', 'leak', orgs('l', 3)),
      ...rows('2026-02', 'phishing', orgs('b', 4)),
    ];
    const series = suppressSeries(data, months, 3);
    // January: ddos (one organisation) is merged into other with the next smallest cell.
    expect(cells(series.groups[0] as Group)).toEqual({ phishing: 3, [OTHER]: 4 });
    const folded = foldSeries(series, 'period');
    expect(folded).toEqual({ group: 'period', cells: [{ key: 'phishing', count: 7 }, { key: OTHER, count: 4 }], total: 11, partial: false });
    // A breakdown of its own over the period would show phishing 7, leak 3, ddos 1: ddos would be out.
    expect(folded.cells.some((c) => c.key === 'ddos' || c.key === 'leak')).toBe(false);
  });
});

describe('kCount and monthsEnding', () => {
  it('gives an exact count only from k organisations', () => {
    expect(kCount(10, 2, 3)).toEqual({ count: null, lessThanK: true });
    expect(kCount(10, 3, 3)).toEqual({ count: 10, lessThanK: false });
    expect(kCount(0, 0, 3)).toEqual({ count: 0, lessThanK: false });
  });

  it('lists the months ending with the current one, across a year boundary', () => {
    expect(monthsEnding(new Date('2026-02-15T00:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
