// What `anshin ledger witness` does (C2SP tlog-witness, run from outside the log): verify the log's signature on
// its latest checkpoint, check that it extends the checkpoint this witness kept last (a consistency proof), and
// cosign it (C2SP tlog-cosignature/v1). A rewritten history can never be proven consistent with what a witness
// holds, so it is refused. The HTTP client is an argument, as in verify-remote.ts.
import { generateKeyPairSync } from 'node:crypto';
import { cosign, cosignerVerifierKey, splitNote } from './cosignature.js';
import { LedgerKeyError, readLedgerKeyFile } from './ledger-key-file.js';
import { NoteError, openCheckpoint, validKeyName, type Checkpoint, type SigningKey, type Verifier } from './signed-note.js';
import { checkConsistency, VerifyError, type Fetch } from './verify-remote.js';

export interface WitnessStep {
  log: Verifier; // the log's verifier key
  note: string; // the log's latest checkpoint note
  previous: string | null; // the checkpoint note this witness kept last, if any
  fetch: Fetch; // answers /ledger/proof/consistency
  key: SigningKey; // the witness's key
  time: number; // unix seconds
}

export interface Witnessed {
  checkpoint: Checkpoint;
  earlier: Checkpoint | null;
  line: string; // the cosignature line
}

const opened = (note: string, log: Verifier, what: string): Checkpoint => {
  try {
    return openCheckpoint(note, log);
  } catch (error) {
    if (error instanceof NoteError) throw new VerifyError(`${what}: ${error.message}`);
    throw error;
  }
};

/** Checks the new checkpoint against the kept one and cosigns it; throws a VerifyError saying why it refuses. */
export async function witnessCheckpoint(step: WitnessStep): Promise<Witnessed> {
  const checkpoint = opened(step.note, step.log, 'the new checkpoint');
  const earlier = step.previous === null ? null : opened(step.previous, step.log, 'the checkpoint this witness kept');
  if (earlier) {
    try {
      await checkConsistency(step.fetch, earlier, checkpoint);
    } catch (error) {
      if (error instanceof VerifyError) throw new VerifyError(`refusing to cosign: ${error.message}`);
      throw error;
    }
  }
  return { checkpoint, earlier, line: cosign(splitNote(step.note).body, step.key, step.time) };
}

/** The witness's key from a PKCS#8 PEM file (`openssl genpkey -algorithm ed25519`), under the witness's name. */
export function readWitnessKey(path: string, name: string): SigningKey {
  if (!validKeyName(name)) throw new VerifyError('--name: a witness name may not be empty nor contain spaces or "+"');
  try {
    const { privateKey, publicKey } = readLedgerKeyFile(path);
    return { name, publicKey, privateKey };
  } catch (error) {
    if (error instanceof LedgerKeyError) throw new VerifyError(`--witness-key: ${error.message}`);
    throw error;
  }
}

/** A new witness key as PKCS#8 PEM, and its verifier key under `name`. */
export function newWitnessKey(name: string): { pem: string; verifierKey: string } {
  if (!validKeyName(name)) throw new VerifyError('--name: a witness name may not be empty nor contain spaces or "+"');
  const pair = generateKeyPairSync('ed25519');
  const der = pair.publicKey.export({ format: 'der', type: 'spki' });
  return { pem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), verifierKey: cosignerVerifierKey(name, der.subarray(der.length - 32)) };
}

/** A Fetch that serves one consistency proof, as saved from /ledger/proof/consistency (for a witness given files). */
export function proofFromFile(proof: string | null): Fetch {
  return async (path) => {
    const match = /^\/ledger\/proof\/consistency\?first=(\d+)&second=(\d+)$/.exec(path);
    if (!match || proof === null) return { status: 404, text: `no consistency proof was given (--proof) for ${path}` };
    let saved: { first?: unknown; second?: unknown };
    try {
      saved = JSON.parse(proof) as { first?: unknown; second?: unknown };
    } catch {
      return { status: 400, text: 'the --proof file is not JSON' };
    }
    if (saved.first !== Number(match[1]) || saved.second !== Number(match[2])) {
      return { status: 400, text: `the --proof file is for sizes ${String(saved.first)} to ${String(saved.second)}, not ${match[1]} to ${match[2]}` };
    }
    return { status: 200, text: proof };
  };
}
