// The only SQL of the ledger. Append-only: insert and read functions, nothing that updates or deletes.
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Database } from '../../db/database.js';
import type { LedgerCheckpointRow, LedgerEntryRow, LedgerKeyRow, NewLedgerEntryRow } from './ledger.table.js';

const IN_CHUNK = 1000;

export async function ledgerSize(db: Database): Promise<number> {
  const row = await db.selectFrom('ledger_entries').select('idx').orderBy('idx', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.idx) + 1 : 0;
}

/** How many entries below index `below` are stored: `below` when none of them is missing. */
export async function countEntries(db: Database, below: number): Promise<number> {
  const row = await db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).where('idx', '<', below).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEntries(db: Database, rows: readonly NewLedgerEntryRow[]): Promise<void> {
  await bulkInsert(db, 'ledger_entries', ['idx', 'type', 'org_id', 'actor_user_id', 'at', 'leaf'], rows);
}

export async function insertNodes(db: Database, rows: ReadonlyArray<{ id: number; hash: Buffer }>): Promise<void> {
  await bulkInsert(db, 'ledger_nodes', ['id', 'hash'], rows);
}

export async function findNodes(db: Database, ids: readonly number[]): Promise<Map<number, Buffer>> {
  const found = new Map<number, Buffer>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await db.selectFrom('ledger_nodes').select(['id', 'hash']).where('id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
    for (const row of rows) found.set(Number(row.id), Buffer.from(row.hash));
  }
  return found;
}

export async function findEntry(db: Database, idx: number): Promise<LedgerEntryRow | undefined> {
  return db.selectFrom('ledger_entries').selectAll().where('idx', '=', idx).executeTakeFirst();
}

export interface EntryFilter {
  before?: number | undefined;
  limit: number;
  // null: every entry; otherwise entries about these organisations or by this user
  orgIds: readonly string[] | null;
  userId?: string | undefined;
  type?: string | undefined;
}

export async function listEntries(db: Database, filter: EntryFilter): Promise<LedgerEntryRow[]> {
  let query = db.selectFrom('ledger_entries').selectAll();
  if (filter.before !== undefined) query = query.where('idx', '<', filter.before);
  if (filter.type) query = query.where('type', '=', filter.type);
  const { orgIds, userId } = filter;
  if (orgIds !== null) {
    query = query.where((eb) => eb.or([
      ...(orgIds.length > 0 ? [eb('org_id', 'in', [...orgIds])] : []),
      ...(userId ? [eb('actor_user_id', '=', userId)] : []),
      eb.lit(false),
    ]));
  }
  return query.orderBy('idx', 'desc').limit(filter.limit).execute();
}

export async function latestCheckpoint(db: Database): Promise<LedgerCheckpointRow | undefined> {
  return db.selectFrom('ledger_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertCheckpoint(db: Database, row: { size: number; root: Buffer; key_id: number; note: string; signed_at: string }): Promise<void> {
  await db.insertInto('ledger_checkpoints').values(row).execute();
}

export async function latestKey(db: Database): Promise<LedgerKeyRow | undefined> {
  return db.selectFrom('ledger_keys').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertKey(db: Database, row: { name: string; public_key: Buffer; sealed_private_key: string; created_at: string }): Promise<number> {
  const inserted = await db.insertInto('ledger_keys').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Entries [from, from + limit) in index order, for a full audit. */
export async function entriesFrom(db: Database, from: number, limit: number): Promise<Array<{ idx: number; leaf: string }>> {
  const rows = await db.selectFrom('ledger_entries').select(['idx', 'leaf']).where('idx', '>=', from).orderBy('idx').limit(limit).execute();
  return rows.map((r) => ({ idx: Number(r.idx), leaf: r.leaf }));
}

export async function listCheckpoints(db: Database): Promise<Array<{ id: number; size: number; root: Buffer; keyId: number; note: string }>> {
  const rows = await db.selectFrom('ledger_checkpoints').select(['id', 'size', 'root', 'key_id', 'note']).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), size: Number(r.size), root: Buffer.from(r.root), keyId: Number(r.key_id), note: r.note }));
}

export async function listKeys(db: Database): Promise<LedgerKeyRow[]> {
  return db.selectFrom('ledger_keys').selectAll().orderBy('id').execute();
}


/** The signed checkpoints of a size, newest first (one per key the log had at that size, usually one). */
export async function checkpointsOfSize(db: Database, size: number): Promise<LedgerCheckpointRow[]> {
  return db.selectFrom('ledger_checkpoints').selectAll().where('size', '=', size).orderBy('id', 'desc').execute();
}

/** Stores a cosignature; a second one by the same witness key on the same checkpoint is ignored. Returns whether it was stored. */
export async function insertCosignature(db: Database, row: { checkpoint_id: number; witness: string; key_id: string; time: number; line: string; received_at: string }): Promise<boolean> {
  const result = await db.insertInto('ledger_cosignatures').values(row)
    .onConflict((oc) => oc.columns(['checkpoint_id', 'witness', 'key_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The cosignature lines of a checkpoint, in the order received. */
export async function cosignatureLines(db: Database, checkpointId: number): Promise<string[]> {
  const rows = await db.selectFrom('ledger_cosignatures').select('line').where('checkpoint_id', '=', checkpointId).orderBy('id').execute();
  return rows.map((r) => r.line);
}
