// C2SP signed-note and tlog-checkpoint: the Go sumdb/note reference vector, and our own keys.
import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointText, generateSigningKey, keyId, NoteError, openCheckpoint, openNote, parseCheckpointText, parseVerifierKey, signNote,
  verifierKey, type SigningKey,
} from './signed-note.js';

// golang.org/x/mod/sumdb/note: the documented example key and note.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function peterKey(): SigningKey {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), PETER_SEED]);
  const publicKey = Buffer.from(PETER_VKEY.split('+')[2] as string, 'base64').subarray(1);
  return { name: 'PeterNeumann', publicKey, privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
}

describe('signed notes (C2SP signed-note)', () => {
  it('reproduces the Go reference: key id, verifier key, signature byte for byte', () => {
    const key = peterKey();
    expect(keyId(key.name, key.publicKey).toString('hex')).toBe('c74f20a3');
    expect(verifierKey(key.name, key.publicKey)).toBe(PETER_VKEY);
    expect(signNote(TEXT, key)).toBe(NOTE);
    expect(openNote(NOTE, parseVerifierKey(PETER_VKEY))).toBe(TEXT);
  });

  it('refuses a changed text, a changed signature and a note without our signature', () => {
    const verifier = parseVerifierKey(PETER_VKEY);
    expect(() => openNote(NOTE.replace('cryptography', 'cryptographY'), verifier)).toThrow(NoteError);
    expect(() => openNote(NOTE.replace('ZJkuBS9', 'ZJkvBS9'), verifier)).toThrow(/does not verify/);
    const other = generateSigningKey('other.example/log').key;
    expect(() => openNote(signNote(TEXT, other), verifier)).toThrow(/no signature by PeterNeumann/);
  });

  it('ignores signatures by unknown keys beside a valid one', () => {
    const other = generateSigningKey('other.example/log').key;
    const twice = `${signNote(TEXT, other).trimEnd()}\n${NOTE.slice(TEXT.length + 1)}`;
    expect(openNote(twice, parseVerifierKey(PETER_VKEY))).toBe(TEXT);
  });

  it('rejects malformed verifier keys', () => {
    expect(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/key id/);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow(NoteError);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3+AhpczQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/Ed25519/);
    expect(() => generateSigningKey('has space')).toThrow();
  });
});

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  const { key } = generateSigningKey('anshin.example/ledger');
  const root = Buffer.alloc(32, 7);
  it('round-trips origin, size and root through a signed note', () => {
    const text = checkpointText({ origin: key.name, size: 42, root });
    expect(text).toBe(`anshin.example/ledger\n42\n${root.toString('base64')}\n`);
    const note = signNote(text, key);
    expect(note.split('\n')[4]).toMatch(/^— anshin\.example\/ledger [A-Za-z0-9+/]+=*$/);
    expect(openCheckpoint(note, parseVerifierKey(verifierKey(key.name, key.publicKey)))).toEqual({ origin: key.name, size: 42, root });
  });
  it('rejects sizes with leading zeros, short roots and missing lines', () => {
    expect(() => parseCheckpointText(`o\n042\n${root.toString('base64')}\n`)).toThrow(/decimal/);
    expect(() => parseCheckpointText(`o\n1\n${root.subarray(1).toString('base64')}\n`)).toThrow(/32 bytes/);
    expect(() => parseCheckpointText('o\n1\n')).toThrow(/three lines/);
    expect(parseCheckpointText(`o\n0\n${root.toString('base64')}\nextension\n`).size).toBe(0);
  });
});

describe('verifier keys whose base64 contains "+"', () => {
  it('parses transparency-dev/formats TEST+7997405c', () => {
    expect(parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6').name).toBe('TEST');
  });
});
