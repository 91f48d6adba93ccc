// What `anshin ledger verify` checks against a running log over HTTP: the latest checkpoint's signature,
// its consistency with an earlier checkpoint, and the inclusion of chosen entries. Every failure names
// what failed. The HTTP client is an argument, so that this stays testable and free of globals.
import { canonicalJson } from '../stix/canonical-json.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { NoteError, openCheckpoint, type Checkpoint, type Verifier } from './signed-note.js';

export type Fetch = (path: string) => Promise<{ status: number; text: string }>;

export class VerifyError extends Error {}

const hashes = (body: string): Buffer[] => (JSON.parse(body) as { hashes: string[] }).hashes.map((h) => Buffer.from(h, 'base64'));

async function fetchOk(fetch: Fetch, path: string): Promise<string> {
  const res = await fetch(path);
  if (res.status !== 200) throw new VerifyError(`GET ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.text;
}

export async function latestCheckpoint(fetch: Fetch, verifier: Verifier): Promise<{ checkpoint: Checkpoint; note: string }> {
  const note = await fetchOk(fetch, '/ledger/checkpoint');
  try {
    return { checkpoint: openCheckpoint(note, verifier), note };
  } catch (error) {
    if (error instanceof NoteError) throw new VerifyError(`the latest checkpoint: ${error.message}`);
    throw error;
  }
}

/** Is `latest` an extension of `earlier`? Throws a VerifyError saying how it is not. */
export async function checkConsistency(fetch: Fetch, earlier: Checkpoint, latest: Checkpoint): Promise<void> {
  if (earlier.size > latest.size) throw new VerifyError(`the log shrank: the saved checkpoint has ${earlier.size} entries, the latest ${latest.size}`);
  if (earlier.size === latest.size) {
    if (!earlier.root.equals(latest.root)) throw new VerifyError(`two different roots for size ${latest.size}: the log forked or was rewritten`);
    return;
  }
  if (earlier.size === 0) return; // the empty tree is a prefix of every tree
  const proof = hashes(await fetchOk(fetch, `/ledger/proof/consistency?first=${earlier.size}&second=${latest.size}`));
  if (!verifyConsistency(earlier.size, latest.size, proof, earlier.root, latest.root)) {
    throw new VerifyError(`the checkpoint of size ${latest.size} is not consistent with the saved checkpoint of size ${earlier.size}: the log was rewritten`);
  }
}

/** Is entry `index` in the tree of the checkpoint? When the event is readable, it must hash to the leaf. */
export async function checkEntry(fetch: Fetch, checkpoint: Checkpoint, index: number): Promise<string> {
  if (index >= checkpoint.size) throw new VerifyError(`entry ${index} is not in the checkpoint (size ${checkpoint.size})`);
  const entry = JSON.parse(await fetchOk(fetch, `/ledger/entries/${index}`)) as { leaf_hash: string; event?: unknown };
  const leaf = Buffer.from(entry.leaf_hash, 'base64');
  if (entry.event !== undefined && !leafHash(Buffer.from(canonicalJson(entry.event), 'utf8')).equals(leaf)) {
    throw new VerifyError(`entry ${index}: its event does not hash to its leaf hash`);
  }
  const proof = hashes(await fetchOk(fetch, `/ledger/proof/inclusion?index=${index}&size=${checkpoint.size}`));
  if (!verifyInclusion(index, checkpoint.size, leaf, proof, checkpoint.root)) {
    throw new VerifyError(`entry ${index}: not included in the checkpoint of size ${checkpoint.size} (the entry or the log was altered)`);
  }
  return entry.event === undefined ? 'hash' : 'event';
}
