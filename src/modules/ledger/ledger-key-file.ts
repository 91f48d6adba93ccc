// LEDGER_KEY_FILE: the ledger's Ed25519 signing key kept outside the database, as a PKCS#8 PEM file
// (`openssl genpkey -algorithm ed25519 -out ledger-key.pem`). The database then holds only the public
// key, so that whoever can write the database cannot sign checkpoints, nor swap the key unnoticed.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export class LedgerKeyError extends Error {}

export interface KeyFileKey {
  privateKey: KeyObject;
  publicKey: Buffer; // 32 raw bytes
}

/** Reads and checks the key file; throws a LedgerKeyError saying what is wrong with it. */
export function readLedgerKeyFile(path: string): KeyFileKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LedgerKeyError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(text);
  } catch {
    throw new LedgerKeyError(`${path} does not hold an unencrypted private key in PEM (create one with: openssl genpkey -algorithm ed25519 -out ${path})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new LedgerKeyError(`${path} holds a ${privateKey.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 key`);
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: Buffer.from(der.subarray(der.length - 32)) };
}
