// Tables: CSV or TSV exports with a header row, Markdown tables and column-aligned console output. A header
// cell naming users, hosts, addresses or people (user, host, 氏名, 社員番号, 端末 …) marks its column; the
// values in that column are proposed.
import type { Candidate } from '../types.js';
import { fieldKind, valueCandidate, type FieldKind } from './fields.js';

interface Cell { start: number; end: number }
interface Line { start: number; text: string }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ start, text: part.replace(/\r$/, '') });
    start += part.length + 1;
  }
  return out;
}

// Cells of a delimited line, quotes respected ("Tanaka, Ken" is one cell), offsets into the text.
function splitCells(line: Line, delimiter: string): Cell[] {
  const cells: Cell[] = [];
  let cellStart = 0;
  let quoted = false;
  for (let i = 0; i <= line.text.length; i++) {
    const c = line.text[i];
    if (c === '"') quoted = !quoted;
    if (i === line.text.length || (c === delimiter && !quoted)) {
      cells.push({ start: line.start + cellStart, end: line.start + i });
      cellStart = i + 1;
    }
  }
  return cells;
}

function markdownCells(line: Line): Cell[] {
  const inner = /^(\s*\|)(.*?)\|?\s*$/.exec(line.text);
  if (!inner) return [];
  const offset = (inner[1] as string).length;
  return splitCells({ start: line.start + offset, text: inner[2] as string }, '|');
}

const cellText = (text: string, c: Cell): string => text.slice(c.start, c.end).trim().replace(/^"|"$/g, '');

// Column kinds from a header row; a plain "Name" column counts only beside another identifying column.
const HEADER_CELL = /^(?:[A-Za-z#][\w./()#-]*(?: [\w./()#-]+){0,3}|(?:(?![、。！？])[\u0080-\uffff]){1,12}[\w()（）]*)$/;

function columnKinds(text: string, header: Cell[]): (FieldKind | undefined)[] | undefined {
  const names = header.map((c) => cellText(text, c));
  if (names.some((n) => !HEADER_CELL.test(n))) return undefined;
  const plain = (n: string): boolean => /^(?:name|名前)$/i.test(n);
  const kinds = names.map((n) => fieldKind(n, true));
  const identifying = kinds.some((k, i) => k && !plain(names[i] as string));
  const out = kinds.map((k, i) => (plain(names[i] as string) && !identifying ? undefined : k));
  return out.some(Boolean) ? out : undefined;
}

function propose(text: string, kinds: (FieldKind | undefined)[], row: Cell[], out: Candidate[]): void {
  row.forEach((cell, i) => {
    const kind = kinds[i];
    if (!kind) return;
    const c = valueCandidate(kind, text, cell.start, cell.end);
    if (c) out.push(c);
  });
}

function markdownTables(text: string, ls: Line[], out: Candidate[]): void {
  for (let i = 0; i + 1 < ls.length; i++) {
    const head = ls[i] as Line;
    if (!/^\s*\|.*\|/.test(head.text) || !/^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test((ls[i + 1] as Line).text)) continue;
    const kinds = columnKinds(text, markdownCells(head));
    if (!kinds) continue;
    let j = i + 2;
    for (; j < ls.length && /^\s*\|/.test((ls[j] as Line).text); j++) propose(text, kinds, markdownCells(ls[j] as Line), out);
    i = j - 1;
  }
}

function delimitedTables(text: string, ls: Line[], out: Candidate[]): void {
  for (let i = 0; i + 1 < ls.length; i++) {
    const head = ls[i] as Line;
    const delimiter = head.text.includes('\t') ? '\t' : head.text.includes(',') ? ',' : undefined;
    if (!delimiter || /^\s*\|/.test(head.text)) continue;
    const header = splitCells(head, delimiter);
    const kinds = header.length >= 2 ? columnKinds(text, header) : undefined;
    if (!kinds) continue;
    let j = i + 1;
    for (; j < ls.length; j++) {
      const row = splitCells(ls[j] as Line, delimiter);
      if (row.length !== header.length || row.some((c) => c.end - c.start > 120)) break;
      propose(text, kinds, row, out);
    }
    i = j - 1;
  }
}

// Cells of a column-aligned line (PowerShell Format-Table, `wevtutil` or `last` output): runs of text separated by
// two or more spaces, so that "2025-03-02 10:00:01" and "Kenji Tanabe" stay one cell.
function alignedCells(line: Line): Cell[] {
  return [...line.text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: line.start + m.index, end: line.start + m.index + m[0].length }));
}

function alignedTables(text: string, ls: Line[], out: Candidate[]): void {
  for (let i = 0; i + 1 < ls.length; i++) {
    const head = ls[i] as Line;
    if (!/\S {2,}\S/.test(head.text) || /[\t,|]/.test(head.text)) continue;
    const header = alignedCells(head);
    const kinds = header.length >= 2 ? columnKinds(text, header) : undefined;
    if (!kinds) continue;
    let j = i + 1;
    if (j < ls.length && /^[\s-]+$/.test((ls[j] as Line).text) && (ls[j] as Line).text.includes('--')) j++;
    for (; j < ls.length; j++) {
      const row = alignedCells(ls[j] as Line);
      if (row.length !== header.length) break;
      propose(text, kinds, row, out);
    }
    i = j - 1;
  }
}

export function detectTables(text: string): Candidate[] {
  const out: Candidate[] = [];
  const ls = lines(text);
  markdownTables(text, ls, out);
  delimitedTables(text, ls, out);
  alignedTables(text, ls, out);
  return out;
}
