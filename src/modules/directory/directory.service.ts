import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkIds, entriesToCsv, rowsFromCsv, rowsFromJson, type ImportRow } from './directory-csv.js';
import {
  cleanEntryInput, DIRECTORY_LIMITS, ENTRY_FIELDS, type DirectoryEntry, type DirectoryEntryInput, type DirectoryFilter, type Issue,
} from './directory-model.js';
import {
  columnsOf, deleteDirectoryEntry, entryOf, findDirectoryEntry, findDirectoryIds, insertDirectoryEntry, listAllDirectoryRows,
  listDirectoryEntries, updateDirectoryEntry,
} from './directory.repository.js';

// Reading the directory is public (no access check: it is published for anyone); every change is the
// coordinator desk's, checked first and audited in the same transaction.

export const searchDirectory = (db: Database, filter: DirectoryFilter) => listDirectoryEntries(db, filter);

export async function getDirectoryEntry(db: Database, id: string): Promise<DirectoryEntry> {
  const row = await findDirectoryEntry(db, id);
  if (!row) throw notFound();
  return entryOf(row);
}

// Fields the JSON export writes that an import may carry back unchanged; they are not input.
const READ_ONLY_FIELDS = ['version', 'createdAt', 'updatedAt'];

function cleanOrThrow(raw: unknown, ignored: readonly string[] = []): DirectoryEntryInput {
  const cleaned = cleanEntryInput(raw, ignored);
  if (cleaned.ok) return cleaned.value;
  const fields = cleaned.issues.map((i) => `${i.field}: ${i.code}`).join(', ');
  throw new AppError('directory_invalid_entry', { fields }, cleaned.issues);
}

const curator = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

export async function createEntry(db: Database, ctx: RequestContext, body: unknown): Promise<DirectoryEntry> {
  requireAccess({ actor: ctx.actor, permission: 'directory.manage' });
  return createEntryAsOperator(db, ctx, body);
}

/** What createEntry does after its access check: for the demo and the CLI, which already hold the database. */
export async function createEntryAsOperator(db: Database, ctx: RequestContext, body: unknown): Promise<DirectoryEntry> {
  const input = cleanOrThrow(body);
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertDirectoryEntry(trx, { id, ...columnsOf(input), curated_by: curator(ctx), version: 1, created_at: now, updated_at: now });
    await recordAudit(trx, ctx, { action: 'directory.created', targetType: 'directory_entry', targetId: id, details: { nameJa: input.nameJa } });
  });
  return getDirectoryEntry(db, id);
}

export async function updateEntry(db: Database, ctx: RequestContext, id: string, body: { version: number } & Record<string, unknown>): Promise<DirectoryEntry> {
  requireAccess({ actor: ctx.actor, permission: 'directory.manage' });
  const { version, ...rest } = body;
  const input = cleanOrThrow(rest);
  await db.transaction().execute(async (trx) => {
    const row = await findDirectoryEntry(trx, id);
    if (!row) throw notFound();
    const before = entryOf(row);
    const changed = ENTRY_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(input[field]));
    const updated = await updateDirectoryEntry(trx, id, version, { ...columnsOf(input), curated_by: curator(ctx), updated_at: new Date().toISOString() });
    if (!updated) throw new AppError('directory_version_conflict');
    await recordAudit(trx, ctx, { action: 'directory.updated', targetType: 'directory_entry', targetId: id, details: { changed, version: version + 1 } });
  });
  return getDirectoryEntry(db, id);
}

export async function deleteEntry(db: Database, ctx: RequestContext, id: string): Promise<void> {
  requireAccess({ actor: ctx.actor, permission: 'directory.manage' });
  await db.transaction().execute(async (trx) => {
    const row = await findDirectoryEntry(trx, id);
    if (!row || !(await deleteDirectoryEntry(trx, id))) throw notFound();
    await recordAudit(trx, ctx, { action: 'directory.deleted', targetType: 'directory_entry', targetId: id, details: { nameJa: row.name_ja, version: row.version } });
  });
}

export type ImportIssue = Issue & { row: number };
export type ImportOutcome = { ok: true; created: number; updated: number } | { ok: false; issues: ImportIssue[] };

function cleanRows(rows: readonly ImportRow[]): { inputs: Array<{ id: string | null; input: DirectoryEntryInput }>; issues: ImportIssue[] } {
  const issues: ImportIssue[] = checkIds(rows);
  const inputs: Array<{ id: string | null; input: DirectoryEntryInput }> = [];
  for (const { row, id, raw } of rows) {
    const cleaned = cleanEntryInput(raw, READ_ONLY_FIELDS);
    if (cleaned.ok) inputs.push({ id, input: cleaned.value });
    else issues.push(...cleaned.issues.map((issue) => ({ row, ...issue })));
  }
  return { inputs, issues };
}

/**
 * All or nothing: every row is checked first and any problem (row number, field, code) stops the import.
 * A row with the id of an existing entry replaces it; other rows are new entries (with their id, if given).
 */
export async function importEntries(db: Database, ctx: RequestContext, body: unknown, format: 'csv' | 'json'): Promise<ImportOutcome> {
  requireAccess({ actor: ctx.actor, permission: 'directory.manage' });
  const parsed = format === 'csv' ? rowsFromCsv(String(body)) : rowsFromJson(body);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length > DIRECTORY_LIMITS.importRows) throw new AppError('directory_import_too_large', { max: DIRECTORY_LIMITS.importRows });
  const { inputs, issues } = cleanRows(parsed.rows);
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 200) };
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await findDirectoryIds(trx, inputs.flatMap(({ id }) => (id ? [id] : [])));
    const created: string[] = [];
    const updated: string[] = [];
    for (const { id, input } of inputs) {
      const columns = { ...columnsOf(input), curated_by: curator(ctx), updated_at: now };
      if (id && existing.has(id)) {
        await updateDirectoryEntry(trx, id, null, columns);
        updated.push(id);
      } else {
        const newId = id ?? randomUUID();
        await insertDirectoryEntry(trx, { id: newId, ...columns, version: 1, created_at: now });
        created.push(newId);
      }
    }
    await recordAudit(trx, ctx, { action: 'directory.imported', targetType: 'directory_entry', details: { format, created, updated } });
    return { ok: true as const, created: created.length, updated: updated.length };
  });
}

export async function exportEntries(db: Database, ctx: RequestContext, format: 'csv' | 'json'): Promise<{ filename: string; type: string; body: string }> {
  requireAccess({ actor: ctx.actor, permission: 'directory.manage' });
  const entries = (await listAllDirectoryRows(db)).map(entryOf);
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'csv') return { filename: `anshin-directory-${day}.csv`, type: 'text/csv; charset=utf-8', body: entriesToCsv(entries) };
  return { filename: `anshin-directory-${day}.json`, type: 'application/json; charset=utf-8', body: JSON.stringify({ entries }, null, 2) };
}
