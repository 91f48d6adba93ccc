// CISA KEV entries, FIRST EPSS CSV lines and endoflife.date cycles, checked and reduced to what is stored. Pure.
import { createHash } from 'node:crypto';
import { cveId, date, FeedFormatError, list, number, object, optionalText, text, type Json } from './feed-format.js';

export interface KevEntry {
  cveId: string;
  vendorProject: string;
  product: string;
  name: string;
  dateAdded: string;
  dueDate: string | null;
  ransomware: boolean;
  requiredAction: string;
  description: string;
}

export interface EpssLine {
  cveId: string;
  score: number;
  percentile: number;
}

export interface EolCycle {
  cycle: string;
  label: string | null;
  releaseDate: string | null;
  eolDate: string | null;
  eolFlag: boolean;
  latest: string | null;
  link: string | null;
}

/** A stable hash of what is stored, so that a re-import of the same entry changes nothing. */
export const contentHash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function parseKevEntry(value: unknown, path: string): KevEntry {
  const e = object(value, path);
  const due = e.dueDate === undefined || e.dueDate === null || e.dueDate === '' ? null : date(e.dueDate, `${path}.dueDate`);
  const use = optionalText(e.knownRansomwareCampaignUse, `${path}.knownRansomwareCampaignUse`, 20);
  return {
    cveId: cveId(e.cveID, `${path}.cveID`),
    vendorProject: text(e.vendorProject, `${path}.vendorProject`, 500),
    product: text(e.product, `${path}.product`, 500),
    name: text(e.vulnerabilityName ?? '', `${path}.vulnerabilityName`, 1000),
    dateAdded: date(e.dateAdded, `${path}.dateAdded`),
    dueDate: due,
    ransomware: use?.toLowerCase() === 'known',
    requiredAction: text(e.requiredAction ?? '', `${path}.requiredAction`, 5000),
    description: text(e.shortDescription ?? '', `${path}.shortDescription`, 10_000),
  };
}

/** The "#model_version:v2023.03.01,score_date:2024-02-13T00:00:00+0000" line that opens an EPSS file. */
export function parseEpssComment(line: string): { model: string | null; scoreDate: string | null } {
  const fields = Object.fromEntries(line.replace(/^#/, '').split(',').map((p) => {
    const at = p.indexOf(':');
    return at < 0 ? [p.trim(), ''] : [p.slice(0, at).trim(), p.slice(at + 1).trim()];
  }));
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(fields.score_date ?? '')?.[1] ?? null;
  return { model: fields.model_version || null, scoreDate: day };
}

export function parseEpssLine(line: string, lineNo: number): EpssLine {
  const where = `line ${lineNo}`;
  const cells = line.split(',');
  if (cells.length !== 3) throw new FeedFormatError(where, 'expected three columns: cve,epss,percentile');
  const probability = (cell: string, name: string) => {
    if (!/^\d+(\.\d+)?([eE]-?\d+)?$/.test(cell.trim())) throw new FeedFormatError(where, `${name} "${cell.slice(0, 20)}" is not a number`);
    return number(Number(cell), `${where} ${name}`, 0, 1);
  };
  return { cveId: cveId(cells[0], where), score: probability(cells[1] ?? '', 'epss'), percentile: probability(cells[2] ?? '', 'percentile') };
}

// endoflife.date writes a date, or true/false when there is none; "eol: false" with no date is "supported".
function dateOrFlag(value: unknown, path: string): { date: string | null; flag: boolean } {
  if (typeof value === 'boolean') return { date: null, flag: value };
  if (value === undefined || value === null) return { date: null, flag: false };
  return { date: date(value, path), flag: false };
}

export function parseEolCycles(value: unknown): EolCycle[] {
  const seen = new Set<string>();
  return list(value, '$').map((entry, i) => {
    const path = `$[${i}]`;
    const c: Json = object(entry, path);
    if (typeof c.cycle !== 'string' && typeof c.cycle !== 'number') throw new FeedFormatError(`${path}.cycle`, 'expected a string or a number');
    const cycle = String(c.cycle).trim();
    if (cycle === '' || cycle.length > 100) throw new FeedFormatError(`${path}.cycle`, 'expected 1 to 100 characters');
    if (seen.has(cycle)) throw new FeedFormatError(`${path}.cycle`, `"${cycle}" appears twice`);
    seen.add(cycle);
    const eol = dateOrFlag(c.eol, `${path}.eol`);
    const latest = c.latest === undefined || c.latest === null ? null : String(c.latest).slice(0, 100);
    return {
      cycle,
      label: optionalText(c.releaseLabel, `${path}.releaseLabel`, 200),
      releaseDate: c.releaseDate === undefined || c.releaseDate === null ? null : date(c.releaseDate, `${path}.releaseDate`),
      eolDate: eol.date,
      eolFlag: eol.flag,
      latest,
      link: optionalText(c.link, `${path}.link`, 2000),
    };
  });
}
