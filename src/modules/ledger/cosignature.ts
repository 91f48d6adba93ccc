// C2SP tlog-cosignature/v1 (Ed25519): a witness's signature line on a checkpoint. Pure (node:crypto).
// https://c2sp.org/tlog-cosignature — the signature line is "— <witness name> base64(key id || u64 time || signature)",
// the key id is SHA-256(name || 0x0A || 0x04 || public key)[:4], and the signed message is
// "cosignature/v1\ntime <unix seconds>\n" followed by the checkpoint body (the note text, without signature lines).
import { sign, verify, type KeyObject } from 'node:crypto';
import { keyId, NoteError, parseVerifierKey, type SigningKey } from './signed-note.js';

const COSIGNATURE_V1 = 0x04; // signature type identifier of Ed25519 cosignature/v1
const EM_DASH = '\u2014';
const MAX_TIME = 2n ** 63n - 1n;

export interface Cosigner {
  name: string;
  keyId: Buffer; // 4 bytes
  publicKey: KeyObject;
  key: string; // the verifier key string
}

/** First 4 bytes of SHA-256(name || 0x0A || 0x04 || public key). */
export const cosignerKeyId = (name: string, publicKey: Uint8Array): Buffer => keyId(name, publicKey, COSIGNATURE_V1);

/** The witness's verifier key: <name>+<hex key id>+<base64(0x04 || public key)>. */
export function cosignerVerifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${cosignerKeyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([COSIGNATURE_V1]), publicKey]).toString('base64')}`;
}

export function parseCosignerKey(text: string): Cosigner {
  const kind = { type: COSIGNATURE_V1, what: 'witness verifier key', typeName: 'Ed25519 cosignature/v1 key (type 0x04)' };
  return { ...parseVerifierKey(text, kind), key: text.trim() };
}

/** The message a cosignature signs. `body` is the checkpoint note text, ending in a newline. */
export function cosignatureMessage(body: string, time: number): Buffer {
  if (!body.endsWith('\n')) throw new NoteError('a checkpoint body ends with a newline');
  if (!Number.isSafeInteger(time) || time < 0) throw new NoteError('a cosignature time is whole seconds from 0');
  return Buffer.from(`cosignature/v1\ntime ${time}\n${body}`, 'utf8');
}

/** Cosigns a checkpoint body at `time` (unix seconds) and returns the signature line (without a newline). */
export function cosign(body: string, key: SigningKey, time: number): string {
  const signature = sign(null, cosignatureMessage(body, time), key.privateKey);
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  return `${EM_DASH} ${key.name} ${Buffer.concat([cosignerKeyId(key.name, key.publicKey), stamp, signature]).toString('base64')}`;
}

export interface SignatureLine {
  name: string;
  blob: Buffer;
}

export function parseSignatureLine(line: string): SignatureLine {
  const match = new RegExp(`^${EM_DASH} (\\S+) ([A-Za-z0-9+/=]+)$`).exec(line);
  if (!match) throw new NoteError('a signature line is "— <key name> <base64>"');
  return { name: match[1] as string, blob: Buffer.from(match[2] as string, 'base64') };
}

/** A note's body (its text, ending in a newline) and its signature lines. */
export function splitNote(note: string): { body: string; lines: string[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('the note has no signature block');
  return { body: note.slice(0, split + 1), lines: note.slice(split + 2, -1).split('\n') };
}

/**
 * Does the line hold this witness's cosignature? null: the line is not by this witness (another name or key id);
 * otherwise the cosignature's time. Throws a NoteError when the line claims to be the witness's but does not verify.
 */
export function checkCosignature(line: string, body: string, witness: Cosigner): { time: number } | null {
  const { name, blob } = parseSignatureLine(line);
  if (name !== witness.name || blob.length < 4 || !blob.subarray(0, 4).equals(witness.keyId)) return null;
  if (blob.length !== 4 + 8 + 64) throw new NoteError(`the cosignature by ${witness.name} is not a cosignature/v1 signature (${blob.length} bytes)`);
  const time = blob.readBigUInt64BE(4);
  if (time > MAX_TIME || time > BigInt(Number.MAX_SAFE_INTEGER)) throw new NoteError(`the cosignature by ${witness.name} has an impossible time`);
  if (!verify(null, cosignatureMessage(body, Number(time)), witness.publicKey, blob.subarray(12))) {
    throw new NoteError(`the cosignature by ${witness.name} does not verify`);
  }
  return { time: Number(time) };
}

export interface WitnessCount {
  valid: Array<{ name: string; time: number }>;
  invalid: string[]; // why a line claiming to be by a listed witness failed
}

/** Which of the witnesses cosigned the note (each counted once), and which lines by them failed. */
export function cosignaturesOf(note: string, witnesses: readonly Cosigner[]): WitnessCount {
  const { body, lines } = splitNote(note);
  const result: WitnessCount = { valid: [], invalid: [] };
  for (const witness of witnesses) {
    for (const line of lines) {
      try {
        const ok = checkCosignature(line, body, witness);
        if (ok) {
          result.valid.push({ name: witness.name, ...ok });
          break;
        }
      } catch (error) {
        if (!(error instanceof NoteError)) throw error;
        result.invalid.push(error.message);
      }
    }
  }
  return result;
}

/** Appends signature lines to a note (signed-note allows several). */
export const withSignatureLines = (note: string, lines: readonly string[]): string => note + lines.map((l) => `${l}\n`).join('');
