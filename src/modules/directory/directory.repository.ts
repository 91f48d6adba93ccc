import type { Database } from '../../db/database.js';
import { ilikeContains } from '../../db/like.js';
import { ALL_PREFECTURES, type DirectoryEntry, type DirectoryEntryInput, type DirectoryFilter } from './directory-model.js';
import type { DirectoryEntriesTable, DirectoryEntryRow, NewDirectoryEntryRow } from './directory.table.js';

// The only place with the directory's SQL. Lists are JSON text: a code is found by its quoted form,
// which LIKE matches the same way on SQLite and PostgreSQL.

export function entryOf(row: DirectoryEntryRow): DirectoryEntry {
  return {
    id: row.id,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    helpsWith: JSON.parse(row.helps_with) as DirectoryEntry['helpsWith'],
    prefectures: JSON.parse(row.prefectures) as string[],
    phone: row.phone,
    webUrl: row.web_url,
    hoursJa: row.hours_ja,
    hoursEn: row.hours_en,
    languages: JSON.parse(row.languages) as string[],
    cost: row.cost as DirectoryEntry['cost'],
    notesJa: row.notes_ja,
    notesEn: row.notes_en,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function columnsOf(input: DirectoryEntryInput): Omit<DirectoryEntriesTable, 'id' | 'curated_by' | 'version' | 'created_at' | 'updated_at'> {
  return {
    name_ja: input.nameJa,
    name_en: input.nameEn,
    helps_with: JSON.stringify(input.helpsWith),
    prefectures: JSON.stringify(input.prefectures),
    phone: input.phone,
    web_url: input.webUrl,
    hours_ja: input.hoursJa,
    hours_en: input.hoursEn,
    languages: JSON.stringify(input.languages),
    cost: input.cost,
    notes_ja: input.notesJa,
    notes_en: input.notesEn,
  };
}

function filtered(db: Database, filter: DirectoryFilter) {
  let query = db.selectFrom('directory_entries');
  if (filter.problem) query = query.where(ilikeContains('directory_entries.helps_with', `"${filter.problem}"`));
  const prefecture = filter.prefecture;
  if (prefecture && prefecture !== ALL_PREFECTURES) {
    query = query.where((eb) => eb.or([
      ilikeContains('directory_entries.prefectures', `"${ALL_PREFECTURES}"`),
      ilikeContains('directory_entries.prefectures', `"${prefecture}"`),
    ]));
  }
  const q = filter.q?.trim();
  if (q) {
    query = query.where((eb) => eb.or(
      (['name_ja', 'name_en', 'notes_ja', 'notes_en'] as const).map((column) => ilikeContains(`directory_entries.${column}`, q)),
    ));
  }
  return query;
}

/**
 * Directory entries matching a filter, by English name; also for other modules
 * (the public page lists entries). Bounded: at most 100 a page.
 */
export async function listDirectoryEntries(db: Database, filter: DirectoryFilter = {}): Promise<{ items: DirectoryEntry[]; total: number }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
  const offset = Math.max(filter.offset ?? 0, 0);
  const [rows, count] = await Promise.all([
    filtered(db, filter).selectAll().orderBy('name_en').orderBy('id').limit(limit).offset(offset).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(entryOf), total: Number(count?.n ?? 0) };
}

export async function listAllDirectoryRows(db: Database): Promise<DirectoryEntryRow[]> {
  return db.selectFrom('directory_entries').selectAll().orderBy('name_en').orderBy('id').execute();
}

export async function findDirectoryEntry(db: Database, id: string): Promise<DirectoryEntryRow | undefined> {
  return db.selectFrom('directory_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDirectoryIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('directory_entries').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertDirectoryEntry(db: Database, row: NewDirectoryEntryRow): Promise<void> {
  await db.insertInto('directory_entries').values(row).execute();
}

/** Changes the entry only if it still has the version the caller read; false when it did not. */
export async function updateDirectoryEntry(
  db: Database, id: string, expectedVersion: number | null, changes: Partial<DirectoryEntriesTable>,
): Promise<boolean> {
  let query = db.updateTable('directory_entries')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDirectoryEntry(db: Database, id: string): Promise<boolean> {
  const result = await db.deleteFrom('directory_entries').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
