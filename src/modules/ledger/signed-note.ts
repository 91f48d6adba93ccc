// C2SP signed-note with Ed25519 signatures, and the C2SP tlog-checkpoint body it carries. Pure (node:crypto).
// https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { HASH_BYTES } from './merkle.js';

const ED25519 = 0x01; // signature type identifier of Ed25519 in signed notes
const LOG_KEY = { type: ED25519, what: 'verifier key', typeName: 'Ed25519 key' };
const EM_DASH = '\u2014';
// An Ed25519 public key as SubjectPublicKeyInfo DER is this prefix and the 32 raw bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  name: string;
  publicKey: Buffer; // 32 raw bytes
  privateKey: KeyObject;
}

export interface Verifier {
  name: string;
  keyId: Buffer; // 4 bytes
  publicKey: KeyObject;
}

/** Key names must be non-empty and contain no Unicode spaces and no "+". */
export const validKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** First 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key). */
/** The key id of a signed-note key: its name, a newline, the signature type and the public key, hashed. */
export function keyId(name: string, publicKey: Uint8Array, signatureType = ED25519): Buffer {
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, signatureType])).update(publicKey).digest().subarray(0, 4);
}

export function generateSigningKey(name: string): { key: SigningKey; privatePkcs8: string } {
  if (!validKeyName(name)) throw new Error('a key name may not be empty nor contain spaces or "+"');
  const pair = generateKeyPairSync('ed25519');
  const der = pair.publicKey.export({ format: 'der', type: 'spki' });
  return {
    key: { name, publicKey: Buffer.from(der.subarray(der.length - 32)), privateKey: pair.privateKey },
    privatePkcs8: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export function loadSigningKey(name: string, publicKey: Uint8Array, privatePkcs8: string): SigningKey {
  return { name, publicKey: Buffer.from(publicKey), privateKey: createPrivateKey({ key: Buffer.from(privatePkcs8, 'base64'), format: 'der', type: 'pkcs8' }) };
}

/** The verifier key string: <name>+<hex key id>+<base64(0x01 || public key)>. */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${keyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export class NoteError extends Error {}

/**
 * A verifier key <name>+<key id>+<base64(type || public key)>: the log's (Ed25519, type 0x01) by default, a witness's
 * with its own signature type and a name for it in the messages.
 */
export function parseVerifierKey(text: string, kind: { type: number; what: string; typeName: string } = LOG_KEY): Verifier {
  // The base64 key may itself contain "+": only the first two separate the parts.
  const match = /^([^+]+)\+([^+]*)\+(.+)$/.exec(text.trim());
  if (!match) throw new NoteError(`a ${kind.what} is <name>+<key id>+<key>`);
  const [, name, hash, key] = match as unknown as [string, string, string, string];
  const raw = Buffer.from(key, 'base64');
  if (!validKeyName(name) || !/^[0-9a-f]{8}$/.test(hash)) throw new NoteError(`the ${kind.what} has a malformed name or key id`);
  if (raw.length !== 33 || raw[0] !== kind.type) throw new NoteError(`the ${kind.what} is not an ${kind.typeName}`);
  const publicKey = raw.subarray(1);
  const id = keyId(name, publicKey, kind.type);
  if (!id.equals(Buffer.from(hash, 'hex'))) throw new NoteError(`the ${kind.what} id does not match its name and key`);
  return { name, keyId: id, publicKey: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' }) };
}

/** Signs a note text (which must end in a newline) and returns the whole note. */
export function signNote(text: string, key: SigningKey): string {
  if (!text.endsWith('\n')) throw new NoteError('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey);
  const blob = Buffer.concat([keyId(key.name, key.publicKey), signature]).toString('base64');
  return `${text}\n${EM_DASH} ${key.name} ${blob}\n`;
}

/** Opens a note: its text, if it carries a valid signature by the verifier. Signatures by other keys are ignored. */
export function openNote(note: string, verifier: Verifier): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('the note has no signature block');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  for (const line of lines) {
    const match = new RegExp(`^${EM_DASH} (\\S+) ([A-Za-z0-9+/=]+)$`).exec(line);
    if (!match) throw new NoteError('the note has a malformed signature line');
    const blob = Buffer.from(match[2] as string, 'base64');
    if (match[1] !== verifier.name || blob.length < 4 || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    if (blob.length === 68 && verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, blob.subarray(4))) return text;
    throw new NoteError(`the signature by ${verifier.name} does not verify`);
  }
  throw new NoteError(`the note carries no signature by ${verifier.name}`);
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export const checkpointText = (c: Checkpoint): string => `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new NoteError('a checkpoint has at least three lines, each ending in a newline');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin === '') throw new NoteError('the checkpoint has no origin');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new NoteError('the checkpoint size is not a decimal number');
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== HASH_BYTES || root.toString('base64') !== rootText) throw new NoteError('the checkpoint root hash is not 32 bytes of base64');
  return { origin, size: Number(sizeText), root };
}

/** Checks the signature and returns the checkpoint; the origin must be the key's name. */
export function openCheckpoint(note: string, verifier: Verifier): Checkpoint {
  const checkpoint = parseCheckpointText(openNote(note, verifier));
  if (checkpoint.origin !== verifier.name) throw new NoteError(`the checkpoint's origin ${checkpoint.origin} is not the key's name ${verifier.name}`);
  return checkpoint;
}
