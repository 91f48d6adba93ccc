// The ledger's writes: appending events (inside the caller's transaction), the signing key, and signed
// checkpoints. Appends take one lock, so that writers on several server processes extend one tree.
import { seal, unseal } from '../../auth/crypto.js';
import type { Database } from '../../db/database.js';
import { lockForWrite } from '../../db/write-lock.js';
import { AppError } from '../../errors.js';
import { canonicalJson } from '../stix/canonical-json.js';
import type { LedgerEventInput } from './ledger-events.js';
import {
  findNodes, insertCheckpoint, insertEntries, insertKey, insertNodes, latestCheckpoint, latestKey, ledgerSize,
} from './ledger.repository.js';
import type { LedgerCheckpointRow } from './ledger.table.js';
import { consistencyProof, nodeId, rootHash, verifyConsistency, type NodeSource } from './merkle.js';
import { checkpointText, generateSigningKey, loadSigningKey, signNote, verifierKey } from './signed-note.js';
import { appendNodes, frontierKeys } from './tree-append.js';

export const LEDGER_WRITE_LOCK = 'anshin.ledger';

export const nodeSource = (db: Database): NodeSource => (ids) => findNodes(db, ids);

/** The leaf data of an event: RFC 8785 canonical JSON of the event with its time. */
export const leafOf = (event: LedgerEventInput, at: string): string => canonicalJson({ ...event, org: event.org ?? null, at });

/**
 * Appends events to the ledger within the caller's transaction: the events and their entries commit
 * together or not at all. Returns the entries' indexes.
 */
export async function appendLedgerEvents(trx: Database, events: readonly LedgerEventInput[], at = new Date().toISOString()): Promise<number[]> {
  if (events.length === 0) return [];
  await lockForWrite(trx, LEDGER_WRITE_LOCK);
  const size = await ledgerSize(trx);
  const keys = frontierKeys(size);
  const stored = await findNodes(trx, keys.map((k) => nodeId(k.level, k.index)));
  const edge = new Map(keys.map((k) => [k.level, stored.get(nodeId(k.level, k.index)) as Buffer]));
  const leaves = events.map((event) => leafOf(event, at));
  const { nodes } = appendNodes(size, edge, leaves.map((leaf) => Buffer.from(leaf, 'utf8')));
  await insertEntries(trx, events.map((event, i) => ({
    idx: size + i, type: event.type, org_id: event.org ?? null, actor_user_id: event.actor, at, leaf: leaves[i] as string,
  })));
  await insertNodes(trx, nodes);
  return events.map((_, i) => size + i);
}

export interface LedgerKeyDeps {
  readonly secretKey: Buffer;
  readonly config: { readonly baseUrl: string };
}

/** The log's origin and key name: the host of BASE_URL (with its path) and "/ledger". */
export const ledgerOrigin = (baseUrl: string): string => `${baseUrl.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/ledger`;

/** Creates the signing key on first start (and logs that as the ledger's first key change); idempotent. */
export async function ensureLedgerKey(db: Database, deps: LedgerKeyDeps): Promise<void> {
  if (await latestKey(db)) return;
  await db.transaction().execute(async (trx) => {
    await lockForWrite(trx, LEDGER_WRITE_LOCK);
    if (await latestKey(trx)) return;
    const { key, privatePkcs8 } = generateSigningKey(ledgerOrigin(deps.config.baseUrl));
    await insertKey(trx, { name: key.name, public_key: key.publicKey, sealed_private_key: seal(deps.secretKey, privatePkcs8), created_at: new Date().toISOString() });
    await appendLedgerEvents(trx, [{ type: 'ledger_key_changed', actor: null, key: verifierKey(key.name, key.publicKey), previous: null }]);
  });
}

export async function publishedKey(db: Database): Promise<string> {
  const row = await latestKey(db);
  if (!row) throw new AppError('not_ready');
  return verifierKey(row.name, row.public_key);
}

/**
 * The latest signed checkpoint, signing a new one first when the log has grown. A new checkpoint is
 * signed only if the stored tree is consistent with the last checkpoint signed (RFC 9162 §2.1.4.2).
 */
export async function currentCheckpoint(db: Database, deps: LedgerKeyDeps & { log?: { error: (o: object, m: string) => void } }): Promise<LedgerCheckpointRow> {
  const last = await latestCheckpoint(db);
  if (last && Number(last.size) === (await ledgerSize(db))) return last;
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, LEDGER_WRITE_LOCK);
    const previous = await latestCheckpoint(trx);
    const size = await ledgerSize(trx);
    if (previous && Number(previous.size) === size) return previous;
    const source = nodeSource(trx);
    const root = await rootHash(size, source);
    if (previous && Number(previous.size) > 0) {
      const first = Number(previous.size);
      const proof = await consistencyProof(first, size, source);
      if (!verifyConsistency(first, size, proof, previous.root, root)) {
        deps.log?.error({ first, second: size }, 'ledger: the stored tree is inconsistent with the last signed checkpoint');
        throw new AppError('ledger_inconsistent');
      }
    }
    const keyRow = await latestKey(trx);
    if (!keyRow) throw new AppError('not_ready');
    const key = loadSigningKey(keyRow.name, keyRow.public_key, unseal(deps.secretKey, keyRow.sealed_private_key));
    const note = signNote(checkpointText({ origin: key.name, size, root }), key);
    await insertCheckpoint(trx, { size, root, key_id: Number(keyRow.id), note, signed_at: new Date().toISOString() });
    return (await latestCheckpoint(trx)) as LedgerCheckpointRow;
  });
}
