// A full audit of the stored ledger, for operators (anshin ledger audit): every event is rehashed, every
// stored node is recomputed from its children, every signed checkpoint's root is recomputed and its
// signature checked (with the verifier key the operator expects, when given). A missing entry is reported
// and the audit goes on past it with the entry's stored leaf hash, so that what follows is still checked.
import type { Database } from '../../db/database.js';
import { entriesFrom, findNodes, listCheckpoints, listKeys } from './ledger.repository.js';
import { nodeId } from './merkle.js';
import { NoteError, openCheckpoint, parseVerifierKey, verifierKey, type Verifier } from './signed-note.js';
import { appendLeafHashes, appendNodes, edgeRoot, nodeProblems, type NewNode } from './tree-append.js';

const CHUNK = 10_000;

export interface AuditResult {
  size: number; // the tree's size: the highest stored index + 1, as far as it could be recomputed
  entries: number; // the entries rehashed
  missing: number; // entries below the size that are not stored
  checkpoints: number;
  problems: string[];
}

function checkSignatures(checkpoints: Awaited<ReturnType<typeof listCheckpoints>>, keys: Awaited<ReturnType<typeof listKeys>>, expected: Verifier | null): string[] {
  const problems: string[] = [];
  const latest = keys.at(-1);
  const expectedRaw = expected?.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  if (expected && latest && (latest.name !== expected.name || !Buffer.from(latest.public_key).equals(expectedRaw as Buffer))) {
    problems.push(`the database's ledger key is ${verifierKey(latest.name, latest.public_key)}, not the expected key (key id ${expected.keyId.toString('hex')})`);
  }
  const verifiers = new Map(keys.map((k) => [Number(k.id), parseVerifierKey(verifierKey(k.name, k.public_key))]));
  for (const c of checkpoints) {
    const verifier = expected ?? verifiers.get(c.keyId);
    if (!verifier) {
      problems.push(`the signed checkpoint of size ${c.size} (#${c.id}) names key ${c.keyId}, which is not stored`);
      continue;
    }
    try {
      const opened = openCheckpoint(c.note, verifier);
      if (opened.size !== c.size || !opened.root.equals(c.root)) problems.push(`the signed checkpoint of size ${c.size} (#${c.id}): its note says size ${opened.size} and another root`);
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      problems.push(expected
        ? `the signed checkpoint of size ${c.size} (#${c.id}) is not signed by the expected key (${error.message}): the ledger was re-keyed or rewritten`
        : `the signed checkpoint of size ${c.size} (#${c.id}): ${error.message}`);
    }
  }
  return problems;
}

/** `expectedKey`: the verifier key the operator published; checkpoints signed by any other key are problems. */
export async function auditLedger(db: Database, options: { maxProblems?: number; expectedKey?: string } = {}): Promise<AuditResult> {
  const maxProblems = options.maxProblems ?? 20;
  const expected = options.expectedKey ? parseVerifierKey(options.expectedKey) : null;
  const checkpoints = await listCheckpoints(db);
  const problems: string[] = checkSignatures(checkpoints, await listKeys(db), expected);
  const edge = new Map<number, Uint8Array>();
  let size = 0;
  let entries = 0;
  let missing = 0;
  const signedAt = new Map<number, Buffer[]>();
  for (const c of checkpoints) signedAt.set(c.size, [...(signedAt.get(c.size) ?? []), c.root]);
  // The root of the entries so far, from the tree's right edge, against the checkpoints signed at this size.
  const checkRoots = () => {
    const root = edgeRoot(size, edge);
    if (signedAt.get(size)?.some((r) => !r.equals(root))) problems.push(`the signed checkpoint of size ${size} does not match the stored entries`);
  };
  if (signedAt.has(0)) checkRoots();
  let stuck = false;
  while (!stuck && problems.length < maxProblems) {
    const rows = await entriesFrom(db, size, CHUNK);
    if (rows.length === 0) break;
    const last = (rows.at(-1) as { idx: number }).idx;
    const byIndex = new Map(rows.map((r) => [r.idx, r.leaf]));
    // A missing entry goes on with its stored leaf hash, if that is there.
    const absent: number[] = [];
    for (let i = size; i <= last; i++) if (!byIndex.has(i)) absent.push(i);
    const storedLeaves = absent.length > 0 ? await findNodes(db, absent.map((i) => nodeId(0, i))) : new Map<number, Buffer>();
    const nodes: NewNode[] = [];
    for (let i = size; i <= last; i++) {
      const leaf = byIndex.get(i);
      if (leaf !== undefined) {
        nodes.push(...appendNodes(size, edge, [Buffer.from(leaf, 'utf8')]).nodes);
        entries++;
      } else {
        missing++;
        const hash = storedLeaves.get(nodeId(0, i));
        if (!hash) {
          problems.push(`entry ${i} is missing, and so is its leaf hash: the tree cannot be recomputed past it`);
          stuck = true;
          break;
        }
        problems.push(`entry ${i} is missing (its leaf hash is still stored)`);
        nodes.push(...appendLeafHashes(size, edge, [hash]).slice(1)); // its leaf hash is not checked against itself
      }
      size++;
      if (signedAt.has(size)) checkRoots();
    }
    problems.push(...nodeProblems(nodes, await findNodes(db, nodes.map((n) => n.id))));
  }
  const unreached = problems.length < maxProblems ? checkpoints.filter((c) => c.size > size) : [];
  for (const c of unreached) problems.push(`the signed checkpoint of size ${c.size} is larger than the ${stuck ? 'part of the log that could be recomputed' : 'log'} (${size} entries)`);
  return { size, entries, missing, checkpoints: checkpoints.length, problems: problems.slice(0, maxProblems) };
}
