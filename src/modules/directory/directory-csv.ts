// CSV import and export of the directory (RFC 4180). Pure: no I/O.
import { ENTRY_ID, type DirectoryEntry, type Issue } from './directory-model.js';

/** The columns of an import, and of an export (so an export can be edited and imported again). */
export const CSV_COLUMNS = [
  'id', 'name_ja', 'name_en', 'helps_with', 'prefectures', 'phone', 'web_url', 'hours_ja', 'hours_en', 'languages', 'cost', 'notes_ja', 'notes_en',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly Column[] = ['id'];
const LIST_COLUMNS: readonly Column[] = ['helps_with', 'prefectures', 'languages'];
export const LIST_SEPARATOR = ';';

const FIELD_OF: Record<Column, string> = {
  id: 'id', name_ja: 'nameJa', name_en: 'nameEn', helps_with: 'helpsWith', prefectures: 'prefectures', phone: 'phone', web_url: 'webUrl',
  hours_ja: 'hoursJa', hours_en: 'hoursEn', languages: 'languages', cost: 'cost', notes_ja: 'notesJa', notes_en: 'notesEn',
};

/** Records of a CSV text; null when a quote is never closed. A leading byte-order mark is dropped. */
export function parseCsv(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  if (field !== '' || record.length > 0) records.push([...record, field]);
  // Blank lines (a trailing newline, an empty last line of a spreadsheet) are not records.
  return records.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

// Cells written by the export start with an apostrophe when they could be read as a formula; undo that.
const unescapeCell = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export interface ImportRow {
  row: number; // as a spreadsheet numbers it: the header is row 1
  id: string | null;
  raw: Record<string, unknown>;
}

export type RowsOrIssues = { ok: true; rows: ImportRow[] } | { ok: false; issues: Array<Issue & { row: number }> };

/** Turns CSV text into raw rows with the API's field names; lists are separated by ";". */
export function rowsFromCsv(text: string): RowsOrIssues {
  const records = parseCsv(text);
  if (!records) return { ok: false, issues: [{ row: 1, field: '', code: 'bad_csv' }] };
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const issues: Array<Issue & { row: number }> = [];
  for (const name of header) {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) issues.push({ row: 1, field: name, code: 'unknown_column' });
  }
  for (const name of new Set(header)) if (header.indexOf(name) !== header.lastIndexOf(name)) issues.push({ row: 1, field: name, code: 'duplicate_column' });
  for (const column of CSV_COLUMNS) {
    if (!OPTIONAL_COLUMNS.includes(column) && !header.includes(column)) issues.push({ row: 1, field: column, code: 'missing_column' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const rows = records.slice(1).map((record, index) => {
    const raw: Record<string, unknown> = {};
    let id: string | null = null;
    header.forEach((name, column) => {
      const cell = unescapeCell(record[column] ?? '').trim();
      if (name === 'id') id = cell || null;
      else if (LIST_COLUMNS.includes(name as Column)) raw[FIELD_OF[name as Column]] = cell.split(LIST_SEPARATOR).map((v) => v.trim()).filter(Boolean);
      else raw[FIELD_OF[name as Column]] = cell;
    });
    if (record.length > header.length) raw[`column ${header.length + 1}`] = record[header.length];
    return { row: index + 2, id, raw };
  });
  return { ok: true, rows };
}

/** The same for a JSON import: a list of entries, or {"entries": [...]} as the JSON export writes it. */
export function rowsFromJson(body: unknown): RowsOrIssues {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? (body as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) return { ok: false, issues: [{ row: 0, field: 'entries', code: 'not_list' }] };
  return {
    ok: true,
    rows: list.map((item: unknown, index) => {
      const raw = typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...(item as Record<string, unknown>) } : item;
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : undefined;
      if (typeof raw === 'object' && raw !== null) delete (raw as { id?: unknown }).id;
      return { row: index + 1, id: typeof id === 'string' ? id : id === undefined || id === null ? null : String(id), raw: raw as Record<string, unknown> };
    }),
  };
}

/** An id given in an import must look like an id; the same id twice in one file is a mistake. */
export function checkIds(rows: readonly ImportRow[]): Array<Issue & { row: number }> {
  const seen = new Set<string>();
  const issues: Array<Issue & { row: number }> = [];
  for (const { row, id } of rows) {
    if (id === null) continue;
    if (!ENTRY_ID.test(id)) issues.push({ row, field: 'id', code: 'invalid_id' });
    else if (seen.has(id)) issues.push({ row, field: 'id', code: 'duplicate_id' });
    seen.add(id);
  }
  return issues;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) gets a leading apostrophe.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Japanese text correctly. */
export function entriesToCsv(entries: readonly DirectoryEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const cells = CSV_COLUMNS.map((column) => {
      const value = column === 'id' ? entry.id : (entry as unknown as Record<string, unknown>)[FIELD_OF[column]];
      if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
      return value === null || value === undefined ? '' : String(value);
    });
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
