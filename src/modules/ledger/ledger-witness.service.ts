// The log's side of witnessing: accepting cosignatures (C2SP tlog-cosignature/v1) from the configured witnesses
// (LEDGER_WITNESSES) for its signed checkpoints, and publishing the latest checkpoint with them appended.
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { checkCosignature, parseCosignerKey, parseSignatureLine, splitNote, withSignatureLines, type Cosigner } from './cosignature.js';
import { checkpointsOfSize, cosignatureLines, insertCosignature } from './ledger.repository.js';
import { currentCheckpoint, type LedgerKeyDeps } from './ledger.service.js';
import { NoteError } from './signed-note.js';

export interface WitnessDeps extends LedgerKeyDeps {
  readonly config: LedgerKeyDeps['config'] & { readonly ledgerWitnesses?: readonly string[] };
  readonly log?: { error: (o: object, m: string) => void };
}

const witnessesOf = (deps: WitnessDeps): Cosigner[] => (deps.config.ledgerWitnesses ?? []).map((key) => parseCosignerKey(key));

const invalid = (detail: string): AppError => new AppError('validation_failed', { detail });

/** The latest signed checkpoint with every stored cosignature line after the log's own signature. */
export async function cosignedCheckpoint(db: Database, deps: WitnessDeps): Promise<string> {
  const row = await currentCheckpoint(db, deps);
  return withSignatureLines(row.note, await cosignatureLines(db, Number(row.id)));
}

/**
 * Accepts the cosignatures of a signed checkpoint of `size` entries: `cosignature` is one signature line, or the
 * cosigned note (whose body must be the checkpoint's). Every line must be by a configured witness and verify
 * over the checkpoint; lines by the log itself in a whole note are skipped. Returns the witnesses accepted.
 */
export async function acceptCosignatures(db: Database, deps: WitnessDeps, size: number, cosignature: string): Promise<{ size: number; accepted: string[] }> {
  const witnesses = witnessesOf(deps);
  if (witnesses.length === 0) throw invalid('this log accepts no cosignatures: no witnesses are configured (LEDGER_WITNESSES)');
  const rows = await checkpointsOfSize(db, size);
  if (rows.length === 0) throw new AppError('not_found');
  let note: { body: string | null; lines: string[] };
  try {
    note = cosignature.includes('\n\n') ? splitNote(cosignature.endsWith('\n') ? cosignature : `${cosignature}\n`) : { body: null, lines: [cosignature.trim()] };
    for (const line of note.lines) parseSignatureLine(line);
  } catch (error) {
    if (error instanceof NoteError) throw invalid(error.message);
    throw error;
  }
  const accepted: Array<Parameters<typeof insertCosignature>[1]> = [];
  for (const line of note.lines) {
    const { name, blob } = parseSignatureLine(line);
    const witness = witnesses.find((w) => w.name === name && blob.length >= 4 && blob.subarray(0, 4).equals(w.keyId));
    if (!witness) {
      if (note.body !== null) continue; // the log's signature, or a witness this log does not know, in a whole note
      throw invalid(`the signature line is not by a witness this log accepts (${name})`);
    }
    let found: (typeof accepted)[number] | null = null;
    let problem = `the cosignature by ${name} is not over the checkpoint of size ${size}`;
    for (const row of rows) {
      const body = splitNote(row.note).body;
      if (note.body !== null && note.body !== body) continue;
      try {
        const { time } = checkCosignature(line, body, witness) ?? { time: 0 };
        found = { checkpoint_id: Number(row.id), witness: witness.name, key_id: witness.keyId.toString('hex'), time, line, received_at: new Date().toISOString() };
        break;
      } catch (error) {
        if (!(error instanceof NoteError)) throw error;
        problem = error.message;
      }
    }
    if (!found) throw invalid(problem);
    accepted.push(found);
  }
  if (accepted.length === 0) throw invalid('the note carries no cosignature by a witness this log accepts');
  // Every line verified: store them all (a repeated one is ignored).
  for (const row of accepted) await insertCosignature(db, row);
  return { size, accepted: accepted.map((a) => a.witness) };
}
