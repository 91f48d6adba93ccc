// `anshin feeds import`: one file, one transaction. A file is read as a stream and stored in batches inside that
// transaction, so a malformed record anywhere rolls the whole file back; the problem is named by JSON path or line.
// Re-importing a file changes nothing (same lastModified, same content); an older record never replaces a newer one.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import { FeedFormatError } from './feed-format.js';
import { detectFeedKind, type FeedKind, openFeed, productFromFileName, readHead } from './feed-files.js';
import { contentHash, parseEolCycles, parseEpssComment, parseEpssLine, parseKevEntry } from './feed-records.js';
import { JsonStreamError, readArrayMember } from './json-array-stream.js';
import * as repo from './knowledge.repository.js';
import { applyNvdBatch, type Tally } from './nvd-import.js';
import { importOsvValue } from './osv-import.js';
import { importCsafValue } from './csaf-import.js';
import { parseNvdRecord, type NvdCve } from './nvd-record.js';

export interface FeedImportResult {
  file: string;
  kind: FeedKind | 'unknown';
  outcome: 'imported' | 'rejected';
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Why records were skipped or left unchanged, with how many: { older_than_stored: 2, same_last_modified: 10 }. */
  reasons: Record<string, number>;
  message: string;
}

export interface FeedImportOptions {
  product?: string | undefined; // endoflife.date: the product, when the file name does not say it
  now?: Date;
}

const BATCH = 500;
const MAX_EOL_BYTES = 20 * 1024 * 1024;
const MAX_OSV_BYTES = 200 * 1024 * 1024; // OSV lists and CSAF advisories are read whole
const PRODUCT = /^[a-z0-9][a-z0-9._+-]{0,99}$/;

function newTally(): Tally {
  return { added: 0, updated: 0, unchanged: 0, skipped: 0, reasons: {} };
}

async function* elements(path: string, member: string) {
  try {
    yield* readArrayMember(openFeed(path), member);
  } catch (error) {
    if (error instanceof JsonStreamError) throw new FeedFormatError(`line ${error.line}`, error.message.replace(/^line \d+: /, ''));
    throw error;
  }
}

async function importNvd(trx: Database, path: string, at: string, tally: Tally): Promise<void> {
  let batch: NvdCve[] = [];
  for await (const item of elements(path, 'vulnerabilities')) {
    if (item.kind === 'end') {
      if (!item.sawArray) throw new FeedFormatError('$.vulnerabilities', 'missing: not an NVD CVE API 2.0 file');
      if (item.header.format !== undefined && item.header.format !== 'NVD_CVE') throw new FeedFormatError('$.format', 'expected "NVD_CVE"');
      break;
    }
    batch.push(parseNvdRecord(item.value, `$.vulnerabilities[${item.index}]`));
    if (batch.length >= BATCH) {
      await applyNvdBatch(trx, batch, at, tally);
      batch = [];
    }
  }
  await applyNvdBatch(trx, batch, at, tally);
}

async function importKev(trx: Database, path: string, at: string, tally: Tally): Promise<void> {
  for await (const item of elements(path, 'vulnerabilities')) {
    if (item.kind === 'end') {
      if (!item.sawArray) throw new FeedFormatError('$.vulnerabilities', 'missing: not a KEV catalogue');
      break;
    }
    const entry = parseKevEntry(item.value, `$.vulnerabilities[${item.index}]`);
    const hash = contentHash(entry);
    const known = (await repo.kevHashes(trx, [entry.cveId])).get(entry.cveId);
    if (known === hash) {
      count(tally, 'unchanged', 'same_content');
      continue;
    }
    await repo.upsertKev(trx, {
      cve_id: entry.cveId, vendor_project: entry.vendorProject, product: entry.product, name: entry.name, date_added: entry.dateAdded,
      due_date: entry.dueDate, ransomware: entry.ransomware ? 1 : 0, required_action: entry.requiredAction, description: entry.description,
      content_hash: hash, imported_at: at,
    });
    tally[known === undefined ? 'added' : 'updated']++;
  }
}

function count(tally: Tally, kind: 'unchanged' | 'skipped', reason: string): void {
  tally[kind]++;
  tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
}

async function importEpss(trx: Database, path: string, fileName: string, tally: Tally): Promise<void> {
  const lines = createInterface({ input: Readable.from(openFeed(path)), crlfDelay: Infinity });
  let lineNo = 0;
  let scoreDate: string | null = /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1] ?? null;
  let model: string | null = null;
  let batch: Array<{ cveId: string; score: number; percentile: number }> = [];
  const flush = async () => {
    await applyEpssBatch(trx, batch, scoreDate as string, model, tally);
    batch = [];
  };
  for await (const raw of lines) {
    lineNo++;
    const line = raw.replace(/^\ufeff/, '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const comment = parseEpssComment(line);
      scoreDate = comment.scoreDate ?? scoreDate;
      model = comment.model;
      continue;
    }
    if (/^cve,epss,percentile$/i.test(line)) continue;
    if (scoreDate === null) throw new FeedFormatError(`line ${lineNo}`, 'no score date: neither a "#model_version…,score_date:…" line nor a date in the file name');
    batch.push(parseEpssLine(line, lineNo));
    if (batch.length >= BATCH * 2) await flush();
  }
  if (batch.length > 0) await flush();
}

async function applyEpssBatch(trx: Database, batch: ReadonlyArray<{ cveId: string; score: number; percentile: number }>, scoreDate: string, model: string | null, tally: Tally) {
  const known = await repo.epssOf(trx, batch.map((b) => b.cveId));
  const rows = new Map<string, { cve_id: string; score: number; percentile: number; score_date: string; model_version: string | null }>();
  for (const line of batch) {
    const old = known.get(line.cveId);
    if (old && old.score_date > scoreDate) count(tally, 'skipped', 'older_than_stored');
    else if (old && old.score_date === scoreDate && old.score === line.score && old.percentile === line.percentile) count(tally, 'unchanged', 'same_score');
    else if (rows.has(line.cveId)) count(tally, 'skipped', 'duplicate_in_file');
    else {
      rows.set(line.cveId, { cve_id: line.cveId, score: line.score, percentile: line.percentile, score_date: scoreDate, model_version: model });
      tally[old ? 'updated' : 'added']++;
    }
  }
  await repo.upsertEpss(trx, [...rows.values()]);
}

async function readJson(path: string, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of openFeed(path)) {
    size += chunk.length;
    if (size > maxBytes) throw new FeedFormatError('$', `larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new FeedFormatError('$', `invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function importEol(trx: Database, path: string, product: string, at: string, tally: Tally): Promise<void> {
  if (!PRODUCT.test(product)) throw new FeedFormatError('--product', `"${product.slice(0, 100)}" is not an endoflife.date product name (a-z, 0-9, . _ + -)`);
  const value = await readJson(path, MAX_EOL_BYTES);
  const known = await repo.eolHashes(trx, product);
  for (const cycle of parseEolCycles(value)) {
    const hash = contentHash(cycle);
    if (known.get(cycle.cycle) === hash) {
      count(tally, 'unchanged', 'same_content');
      continue;
    }
    await repo.upsertEolCycle(trx, {
      product, cycle: cycle.cycle, label: cycle.label, release_date: cycle.releaseDate, eol_date: cycle.eolDate, eol_flag: cycle.eolFlag ? 1 : 0,
      latest_version: cycle.latest, link: cycle.link, content_hash: hash, imported_at: at,
    });
    tally[known.has(cycle.cycle) ? 'updated' : 'added']++;
  }
}

const isZlibError = (error: unknown): boolean => {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('Z_');
};

function isReadableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports one file as the operator (the CLI): no access check, one transaction, a line in the import log either way. */
export async function importFeedFileAsOperator(db: Database, path: string, options: FeedImportOptions = {}): Promise<FeedImportResult> {
  const started = (options.now ?? new Date()).toISOString();
  const tally = newTally();
  const fileName = path.split(/[\\/]/).pop() ?? path;
  let kind: FeedKind | 'unknown' = 'unknown';
  let message = '';
  try {
    if (!isReadableFile(path)) throw new FeedFormatError(path, 'no such file');
    const detected = detectFeedKind(await readHead(path));
    kind = detected ?? 'unknown';
    if (detected === null) throw new FeedFormatError('$', 'not a feed this command knows (NVD CVE API 2.0 JSON, CISA KEV JSON, FIRST EPSS CSV, endoflife.date JSON, OSV JSON, CSAF 2.0 JSON)');
    await db.transaction().execute(async (trx) => {
      if (detected === 'nvd') await importNvd(trx, path, started, tally);
      else if (detected === 'kev') await importKev(trx, path, started, tally);
      else if (detected === 'epss') await importEpss(trx, path, fileName, tally);
      else if (detected === 'osv') await importOsvValue(trx, await readJson(path, MAX_OSV_BYTES), started, tally);
      else if (detected === 'csaf') await importCsafValue(trx, await readJson(path, MAX_OSV_BYTES), started, tally);
      else await importEol(trx, path, options.product ?? productFromFileName(path), started, tally);
    });
  } catch (error) {
    if (isZlibError(error)) message = '$: the gzip data is damaged or cut short';
    else if (error instanceof FeedFormatError) message = error.message;
    else throw error;
  }
  const outcome = message === '' ? 'imported' : 'rejected';
  const result: FeedImportResult = outcome === 'imported'
    ? { file: path, kind, outcome, ...tally, message }
    : { file: path, kind, outcome, added: 0, updated: 0, unchanged: 0, skipped: 0, reasons: {}, message };
  await repo.insertImportLog(db, {
    id: randomUUID(), file_name: fileName.slice(0, 500), kind, sha256: isReadableFile(path) ? await sha256Of(path) : '', outcome, added: result.added, updated: result.updated,
    unchanged: result.unchanged, skipped: result.skipped, message: message.slice(0, 2000), started_at: started, finished_at: new Date().toISOString(),
  });
  return result;
}

