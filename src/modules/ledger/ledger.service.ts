// The ledger's writes: appending events (inside the caller's transaction), the signing key, and signed
// checkpoints. Appends take one lock, so that writers on several server processes extend one tree.
import { seal, unseal } from '../../auth/crypto.js';
import type { Database } from '../../db/database.js';
import { lockForWrite } from '../../db/write-lock.js';
import { AppError } from '../../errors.js';
import { canonicalJson } from '../stix/canonical-json.js';
import { LedgerKeyError, readLedgerKeyFile, type KeyFileKey } from './ledger-key-file.js';
import type { LedgerEventInput } from './ledger-events.js';
import {
  countEntries, entriesFrom, findNodes, insertCheckpoint, insertEntries, insertKey, insertNodes, latestCheckpoint, latestKey, ledgerSize,
} from './ledger.repository.js';
import type { LedgerCheckpointRow, LedgerKeyRow } from './ledger.table.js';
import { consistencyProof, nodeId, verifyConsistency, type NodeSource } from './merkle.js';
import { checkpointText, generateSigningKey, loadSigningKey, signNote, verifierKey, type SigningKey } from './signed-note.js';
import { appendNodes, edgeRoot, frontierKeys, nodeProblems } from './tree-append.js';

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
  // ledgerKeyFile: the private key lives in that file (LEDGER_KEY_FILE) and the database holds only the public key
  readonly config: { readonly baseUrl: string; readonly ledgerKeyFile?: string | null };
}

type Logger = { error: (o: object, m: string) => void };

// sealed_private_key of a key whose private half is not in the database but in LEDGER_KEY_FILE.
const HELD_OUTSIDE = '';

/** The log's origin and key name: the host of BASE_URL (with its path) and "/ledger". */
export const ledgerOrigin = (baseUrl: string): string => `${baseUrl.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/ledger`;

const rowKey = (row: Pick<LedgerKeyRow, 'name' | 'public_key'>): string => verifierKey(row.name, row.public_key);

/** Why the stored key cannot be used with this configuration, or null. */
function keyMismatch(row: LedgerKeyRow, file: KeyFileKey | null, path: string | null | undefined): string | null {
  if (file && !file.publicKey.equals(Buffer.from(row.public_key))) {
    return `the database claims the ledger key ${rowKey(row)}, but LEDGER_KEY_FILE (${path}) holds ${verifierKey(row.name, file.publicKey)}`;
  }
  if (!file && row.sealed_private_key === HELD_OUTSIDE) {
    return `the ledger key ${rowKey(row)} is held outside the database, but LEDGER_KEY_FILE is not set`;
  }
  return null;
}

/**
 * At start: checks the ledger's key against the configuration, or creates it on the first start (and logs
 * that as the ledger's first key change). Without LEDGER_KEY_FILE the key is generated and its private key
 * sealed into the database; with it, only its public key is stored. A database whose key is not the key
 * file's is refused (a LedgerKeyError), as is a key held outside when no key file is configured.
 */
export async function ensureLedgerKey(db: Database, deps: LedgerKeyDeps): Promise<void> {
  const path = deps.config.ledgerKeyFile;
  const file = path ? readLedgerKeyFile(path) : null;
  const refuse = (row: LedgerKeyRow) => {
    const problem = keyMismatch(row, file, path);
    if (problem) throw new LedgerKeyError(`${problem}: refusing to start. If the database was restored from elsewhere or rewritten, its ledger cannot be trusted; check it with "anshin ledger audit --key <the verifier key you published>".`);
  };
  const existing = await latestKey(db);
  if (existing) return refuse(existing);
  await db.transaction().execute(async (trx) => {
    await lockForWrite(trx, LEDGER_WRITE_LOCK);
    const row = await latestKey(trx);
    if (row) return refuse(row);
    const name = ledgerOrigin(deps.config.baseUrl);
    let publicKey: Buffer;
    let sealed = HELD_OUTSIDE;
    if (file) {
      publicKey = file.publicKey;
    } else {
      const generated = generateSigningKey(name);
      publicKey = generated.key.publicKey;
      sealed = seal(deps.secretKey, generated.privatePkcs8);
    }
    await insertKey(trx, { name, public_key: publicKey, sealed_private_key: sealed, created_at: new Date().toISOString() });
    await appendLedgerEvents(trx, [{ type: 'ledger_key_changed', actor: null, key: verifierKey(name, publicKey), previous: null }]);
  });
}

/** The error a damaged ledger answers with (409); the problem goes to the log and the status, not to everyone. */
export const ledgerDamaged = (problem: string): AppError => new AppError('ledger_inconsistent', {}, { problem });
export const damageOf = (error: unknown): string | null =>
  error instanceof AppError && error.code === 'ledger_inconsistent' ? ((error.details as { problem?: string } | undefined)?.problem ?? 'inconsistent') : null;

/** The verifier key of the checkpoints; refused when the database's key is not the configured key file's. */
export async function publishedKey(db: Database, deps?: LedgerKeyDeps): Promise<string> {
  const row = await latestKey(db);
  if (!row) throw new AppError('not_ready');
  const path = deps?.config.ledgerKeyFile;
  const problem = path ? keyMismatch(row, readLedgerKeyFile(path), path) : null;
  if (problem) throw ledgerDamaged(problem);
  return rowKey(row);
}

function signingKey(row: LedgerKeyRow, deps: LedgerKeyDeps): SigningKey {
  const path = deps.config.ledgerKeyFile;
  const file = path ? readLedgerKeyFile(path) : null;
  const problem = keyMismatch(row, file, path);
  if (problem) throw ledgerDamaged(problem);
  if (file) return { name: row.name, publicKey: file.publicKey, privateKey: file.privateKey };
  return loadSigningKey(row.name, row.public_key, unseal(deps.secretKey, row.sealed_private_key));
}

const VERIFY_CHUNK = 10_000;

/** The count check: which problem, if any of the entries 0..size-1 is missing. O(n) in the database, but needs no lock. */
export async function missingEntries(db: Database, size: number): Promise<string | null> {
  const count = await countEntries(db, size);
  return count === size ? null : `${size - count} of the entries 0..${size - 1} are missing (${count} stored)`;
}

/**
 * Before signing a checkpoint of `size` entries (after missingEntries): does the stored log verify? Incremental,
 * so that it is cheap enough to run on every signing: the stored right edge of the last signed tree must give its signed root, every entry appended since must
 * be present and hash to the stored leaf, every node appended since must be its children's hash, and the
 * stored consistency proof must verify (RFC 9162 §2.1.4.2). Entries signed before are not rehashed (the
 * full `anshin ledger audit` does that). Returns the recomputed root, or the first problem found.
 */
export async function checkBeforeSigning(db: Database, previous: Pick<LedgerCheckpointRow, 'size' | 'root'> | undefined, size: number): Promise<{ root: Buffer } | { problem: string }> {
  const from = previous ? Number(previous.size) : 0;
  if (size < from) return { problem: `the log has ${size} entries, fewer than the ${from} of the last signed checkpoint` };
  const frontier = frontierKeys(from);
  const stored = await findNodes(db, frontier.map((k) => nodeId(k.level, k.index)));
  const edge = new Map<number, Uint8Array>();
  for (const k of frontier) {
    const hash = stored.get(nodeId(k.level, k.index));
    if (!hash) return { problem: `the stored hash of entries ${k.index * 2 ** k.level}..${(k.index + 1) * 2 ** k.level - 1} (level ${k.level}) is missing` };
    edge.set(k.level, hash);
  }
  if (previous && !edgeRoot(from, edge).equals(Buffer.from(previous.root))) {
    return { problem: `the stored tree is inconsistent with the last signed checkpoint (size ${from})` };
  }
  for (let at = from; at < size;) {
    const rows = await entriesFrom(db, at, Math.min(VERIFY_CHUNK, size - at));
    const gap = rows.findIndex((r, i) => r.idx !== at + i);
    if (rows.length === 0 || gap >= 0) return { problem: `entry ${at + Math.max(gap, 0)} is missing` };
    const nodes = appendNodes(at, edge, rows.map((r) => Buffer.from(r.leaf, 'utf8'))).nodes;
    const [problem] = nodeProblems(nodes, await findNodes(db, nodes.map((n) => n.id)));
    if (problem) return { problem };
    at += rows.length;
  }
  const root = edgeRoot(size, edge);
  if (previous && from > 0 && from < size) {
    const proof = await consistencyProof(from, size, nodeSource(db));
    if (!verifyConsistency(from, size, proof, Buffer.from(previous.root), root)) {
      return { problem: `the stored consistency proof from the last signed checkpoint (size ${from}) to ${size} does not verify` };
    }
  }
  return { root };
}

/**
 * The latest signed checkpoint, signing a new one first when the log has grown. A new checkpoint is
 * signed only over a tree that verifies (checkBeforeSigning), and so is consistent with the last one
 * signed; otherwise the reason is logged, the last good checkpoint stays, and `ledger_inconsistent` is thrown.
 */
export async function currentCheckpoint(db: Database, deps: LedgerKeyDeps & { log?: Logger }): Promise<LedgerCheckpointRow> {
  const last = await latestCheckpoint(db);
  const grown = await ledgerSize(db);
  if (last && Number(last.size) === grown) return last;
  const refuse = (previous: LedgerCheckpointRow | undefined, size: number, problem: string) => {
    deps.log?.error({ signed: previous ? Number(previous.size) : null, size, problem },
      'ledger: refusing to sign a checkpoint over a tree that does not verify; the last good checkpoint stays (run "anshin ledger audit")');
    return ledgerDamaged(problem);
  };
  // The count runs before the lock, so that appends need not wait for it: appends never change entries below `grown`.
  const missing = await missingEntries(db, grown);
  if (missing) throw refuse(last, grown, missing);
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, LEDGER_WRITE_LOCK);
    const previous = await latestCheckpoint(trx);
    const size = await ledgerSize(trx);
    if (previous && Number(previous.size) === size) return previous;
    const checked = await checkBeforeSigning(trx, previous, size);
    if ('problem' in checked) throw refuse(previous, size, checked.problem);
    const keyRow = await latestKey(trx);
    if (!keyRow) throw new AppError('not_ready');
    let key: SigningKey;
    try {
      key = signingKey(keyRow, deps);
    } catch (error) {
      const problem = damageOf(error);
      if (problem) deps.log?.error({ problem }, 'ledger: refusing to sign with a key that is not the configured one');
      throw error;
    }
    const note = signNote(checkpointText({ origin: key.name, size, root: checked.root }), key);
    await insertCheckpoint(trx, { size, root: checked.root, key_id: Number(keyRow.id), note, signed_at: new Date().toISOString() });
    return (await latestCheckpoint(trx)) as LedgerCheckpointRow;
  });
}
