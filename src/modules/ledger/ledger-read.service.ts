// The ledger's reads: proofs and hashes for anyone, events for those allowed, receipts for members.
import { can } from '../../auth/access.js';
import type { Actor, RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { findEntry, latestCheckpoint, latestKey, ledgerSize, listEntries } from './ledger.repository.js';
import type { LedgerEntryRow } from './ledger.table.js';
import { currentCheckpoint, damageOf, missingEntries, nodeSource, publishedKey, type LedgerKeyDeps } from './ledger.service.js';
import { verifierKey } from './signed-note.js';
import { consistencyProof, inclusionProof, leafHash, verifyConsistency } from './merkle.js';
import { RECEIPT_FORMAT, ReceiptError, verifyReceipt, type Receipt } from './receipt.js';

const badRange = (detail: string) => new AppError('ledger_bad_range', { detail });
const b64 = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('base64'));

export async function inclusion(db: Database, index: number, size: number) {
  const current = await ledgerSize(db);
  if (size > current) throw badRange(`size ${size} is larger than the log (${current} entries)`);
  if (index >= size) throw badRange(`index ${index} must be less than size ${size}`);
  return { index, size, hashes: b64(await inclusionProof(index, size, nodeSource(db))) };
}

export async function consistency(db: Database, first: number, second: number) {
  const current = await ledgerSize(db);
  if (second > current) throw badRange(`second ${second} is larger than the log (${current} entries)`);
  if (first > second) throw badRange(`first ${first} must not be larger than second ${second}`);
  return { first, second, hashes: b64(await consistencyProof(first, second, nodeSource(db))) };
}

/** Events about an organisation are readable by its members; every event by auditors, coordinators and administrators. */
export function canReadEvent(actor: Actor, row: Pick<LedgerEntryRow, 'org_id' | 'actor_user_id'>): boolean {
  if (actor.kind !== 'user' || actor.mfaEnrollmentRequired) return false;
  return can(actor, 'ledger.read-all') || (row.org_id !== null && actor.orgRoles.has(row.org_id)) || row.actor_user_id === actor.userId;
}

const entryView = (row: LedgerEntryRow, readable: boolean) => ({
  index: Number(row.idx),
  leaf_hash: leafHash(Buffer.from(row.leaf, 'utf8')).toString('base64'),
  ...(readable ? { event: JSON.parse(row.leaf) as Record<string, unknown> } : {}),
});

export async function readEntry(db: Database, ctx: RequestContext, index: number) {
  const row = await findEntry(db, index);
  if (!row) {
    // The log's size is public (its checkpoint), so an index past it is a bad range, as for the proofs.
    const current = await ledgerSize(db);
    throw index >= current ? badRange(`index ${index} must be less than the log's size (${current} entries)`) : notFound();
  }
  return entryView(row, canReadEvent(ctx.actor, row));
}

export async function listReadableEntries(db: Database, ctx: RequestContext, filter: { before?: number | undefined; limit: number; type?: string | undefined }) {
  const { actor } = ctx;
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (actor.mfaEnrollmentRequired) throw new AppError('mfa_enrollment_required');
  const orgIds = can(actor, 'ledger.read-all') ? null : [...actor.orgRoles.keys()];
  const rows = await listEntries(db, { ...filter, orgIds, userId: actor.userId });
  const last = rows.at(-1);
  return {
    size: await ledgerSize(db),
    items: rows.map((row) => ({ ...entryView(row, true), at: row.at, type: row.type })),
    nextBefore: rows.length === filter.limit && last ? Number(last.idx) : null,
  };
}

/**
 * Size, latest signed checkpoint and key. When the ledger does not verify (nothing is signed over it), the
 * last good checkpoint with `damaged` saying why; a missing entry is found by a count even when the log
 * has not grown since the last checkpoint.
 */
export async function ledgerStatus(db: Database, deps: LedgerKeyDeps & { log?: { error: (o: object, m: string) => void } }) {
  let damaged: string | null = null;
  let checkpoint;
  try {
    checkpoint = await currentCheckpoint(db, deps);
  } catch (error) {
    damaged = damageOf(error);
    checkpoint = damaged ? await latestCheckpoint(db) : undefined;
    if (!checkpoint) throw error;
  }
  damaged ??= await missingEntries(db, await ledgerSize(db));
  let key: string;
  try {
    key = await publishedKey(db, deps);
  } catch (error) {
    const problem = damageOf(error);
    const row = problem ? await latestKey(db) : undefined;
    if (!row) throw error;
    damaged ??= problem;
    key = verifierKey(row.name, row.public_key);
  }
  return { size: Number(checkpoint.size), checkpoint: checkpoint.note, signedAt: checkpoint.signed_at, key, ...(damaged ? { damaged } : {}) };
}

/** A receipt for an entry the caller may read: the entry, its inclusion proof and a signed checkpoint. */
export async function receiptFor(db: Database, deps: LedgerKeyDeps, ctx: RequestContext, index: number): Promise<Receipt> {
  const row = await findEntry(db, index);
  if (!row || !canReadEvent(ctx.actor, row)) throw notFound();
  const checkpoint = (await latestCheckpoint(db)) ?? (await currentCheckpoint(db, deps));
  const signed = Number(checkpoint.size) > index ? checkpoint : await currentCheckpoint(db, deps);
  const size = Number(signed.size);
  return {
    format: RECEIPT_FORMAT, index, leaf: row.leaf, leaf_hash: leafHash(Buffer.from(row.leaf, 'utf8')).toString('base64'),
    size, hashes: b64(await inclusionProof(index, size, nodeSource(db))), checkpoint: signed.note,
  };
}

/**
 * Verifies a receipt with this log's key, and that its checkpoint is consistent with the log now
 * (so a receipt from a different history fails too).
 */
export async function checkReceipt(db: Database, deps: LedgerKeyDeps, receipt: unknown) {
  const key = await publishedKey(db, deps);
  try {
    const { checkpoint, event } = verifyReceipt(receipt, key);
    const now = await currentCheckpoint(db, deps);
    const proof = await consistencyProof(checkpoint.size, Number(now.size), nodeSource(db));
    if (!verifyConsistency(checkpoint.size, Number(now.size), proof, checkpoint.root, now.root)) {
      throw new ReceiptError(`the receipt's checkpoint (size ${checkpoint.size}) is not consistent with this log now (size ${Number(now.size)})`);
    }
    return { valid: true as const, index: (receipt as Receipt).index, size: checkpoint.size, currentSize: Number(now.size), event };
  } catch (error) {
    if (error instanceof ReceiptError) return { valid: false as const, reason: error.message };
    throw error;
  }
}
