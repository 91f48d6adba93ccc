import { describe, expect, it } from 'vitest';
import { csvCell, seriesTable, toCsv } from './series-table.js';

describe('seriesTable', () => {
  it('lines the groups up by key, largest first and other last, with suppressed groups empty', () => {
    const table = seriesTable([
      { group: '2026-01', lessThanK: false, cells: [{ key: 'other', count: 9 }, { key: 'phishing', count: 3 }], total: 12 },
      { group: '2026-02', lessThanK: true },
      { group: '2026-03', lessThanK: false, cells: [{ key: 'ransomware', count: 5 }], total: 5 },
    ]);
    expect(table.keys).toEqual(['ransomware', 'phishing', 'other']);
    expect(table.rows).toEqual([
      { group: '2026-01', lessThanK: false, values: [0, 3, 9], total: 12 },
      { group: '2026-02', lessThanK: true, values: [null, null, null], total: null },
      { group: '2026-03', lessThanK: false, values: [5, 0, 0], total: 5 },
    ]);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark, quotes what needs it and ends lines with CRLF', () => {
    expect(toCsv(['月', '件数'], [['2026-01', 3], ['a,"b"', null]])).toBe('\uFEFF月,件数\r\n2026-01,3\r\n"a,""b""",\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2'); // numbers stay numbers
  });
});
