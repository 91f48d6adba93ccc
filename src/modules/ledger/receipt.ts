// A receipt: one entry, its inclusion proof and the signed checkpoint it is included in. Verifiable
// offline with the log's verifier key (anshin ledger verify-receipt). Pure.
import { HASH_BYTES, leafHash, verifyInclusion } from './merkle.js';
import { NoteError, openCheckpoint, parseVerifierKey, type Checkpoint } from './signed-note.js';

export interface Receipt {
  format: 'anshin-ledger-receipt/1';
  index: number;
  leaf: string; // the entry's leaf data: canonical JSON of the event
  leaf_hash: string; // base64
  size: number;
  hashes: string[]; // base64 inclusion proof for index in a tree of `size`
  checkpoint: string; // the signed note
}

export const RECEIPT_FORMAT = 'anshin-ledger-receipt/1';

export class ReceiptError extends Error {}

const isBase64Hash = (v: unknown): v is string => typeof v === 'string' && Buffer.from(v, 'base64').length === HASH_BYTES;

/** Checks a receipt's shape; throws ReceiptError naming what is wrong. */
export function parseReceipt(value: unknown): Receipt {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ReceiptError('a receipt is a JSON object');
  const r = value as Record<string, unknown>;
  if (r.format !== RECEIPT_FORMAT) throw new ReceiptError(`format must be "${RECEIPT_FORMAT}"`);
  if (!Number.isSafeInteger(r.index) || (r.index as number) < 0) throw new ReceiptError('index must be a whole number');
  if (!Number.isSafeInteger(r.size) || (r.size as number) < 1) throw new ReceiptError('size must be a positive whole number');
  if (typeof r.leaf !== 'string') throw new ReceiptError('leaf must be a string');
  if (!isBase64Hash(r.leaf_hash)) throw new ReceiptError('leaf_hash must be a base64 SHA-256 hash');
  if (!Array.isArray(r.hashes) || !r.hashes.every(isBase64Hash)) throw new ReceiptError('hashes must be a list of base64 SHA-256 hashes');
  if (typeof r.checkpoint !== 'string') throw new ReceiptError('checkpoint must be the signed note text');
  return r as unknown as Receipt;
}

export interface ReceiptCheck {
  checkpoint: Checkpoint;
  event: unknown;
}

/** Verifies a receipt against a verifier key: signature, leaf hash, and the inclusion proof. */
export function verifyReceipt(value: unknown, key: string): ReceiptCheck {
  const receipt = parseReceipt(value);
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(receipt.checkpoint, parseVerifierKey(key));
  } catch (error) {
    if (error instanceof NoteError) throw new ReceiptError(`checkpoint: ${error.message}`);
    throw error;
  }
  if (checkpoint.size !== receipt.size) throw new ReceiptError(`the proof is for size ${receipt.size}, the checkpoint has size ${checkpoint.size}`);
  const computed = leafHash(Buffer.from(receipt.leaf, 'utf8'));
  if (!computed.equals(Buffer.from(receipt.leaf_hash, 'base64'))) throw new ReceiptError(`entry ${receipt.index}: the leaf does not hash to leaf_hash`);
  const proof = receipt.hashes.map((h) => Buffer.from(h, 'base64'));
  if (!verifyInclusion(receipt.index, receipt.size, computed, proof, checkpoint.root)) {
    throw new ReceiptError(`entry ${receipt.index}: the inclusion proof does not lead to the checkpoint's root`);
  }
  let event: unknown;
  try {
    event = JSON.parse(receipt.leaf);
  } catch {
    throw new ReceiptError(`entry ${receipt.index}: the leaf is not JSON`);
  }
  return { checkpoint, event };
}
