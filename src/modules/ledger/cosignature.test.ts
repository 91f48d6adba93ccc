// C2SP tlog-cosignature/v1 (Ed25519): the signed message, the key id, the signature line and its verification.
import { createPrivateKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkCosignature, cosign, cosignaturesOf, cosignatureMessage, cosignerKeyId, cosignerVerifierKey, parseCosignerKey, parseSignatureLine, withSignatureLines,
} from './cosignature.js';
import { checkpointText, generateSigningKey, keyId, NoteError, openCheckpoint, parseVerifierKey, signNote, verifierKey, type SigningKey } from './signed-note.js';

// The example of https://c2sp.org/tlog-cosignature: a checkpoint body and a witness's signature line.
const SPEC_BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_LINE = '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==';

// A fixed witness key (the seed of the Go sumdb/note example), so that signatures are reproducible.
const SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const PUBLIC = Buffer.from('GlzZBxQ8OExB6DDFvOEqqIF+xWSaqr8sMTiLNbLXRNY=', 'base64');
const witnessKey = (name = 'witness.example/w1'): SigningKey => ({
  name, publicKey: PUBLIC, privateKey: createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), SEED]), format: 'der', type: 'pkcs8' }),
});

describe('cosignatures (C2SP tlog-cosignature/v1)', () => {
  it('signs "cosignature/v1\\ntime <seconds>\\n" and the checkpoint body, as the spec\'s example shows', () => {
    expect(cosignatureMessage(SPEC_BODY, 1679315147).toString('utf8')).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(() => cosignatureMessage('no newline', 1)).toThrow(NoteError);
    expect(() => cosignatureMessage(SPEC_BODY, -1)).toThrow(NoteError);
  });

  it('lays a signature line out as the spec\'s example: key id, then the time as a big-endian u64, then 64 bytes of signature', () => {
    const { name, blob } = parseSignatureLine(SPEC_LINE);
    expect(name).toBe('witness.example.com/w1');
    expect(blob.length).toBe(4 + 8 + 64);
    expect(blob.readBigUInt64BE(4)).toBe(1679315147n);
    const line = cosign(SPEC_BODY, witnessKey('witness.example.com/w1'), 1679315147);
    const ours = parseSignatureLine(line).blob;
    expect(ours.length).toBe(76);
    expect(ours.subarray(4, 12)).toEqual(blob.subarray(4, 12));
    expect(verify(null, cosignatureMessage(SPEC_BODY, 1679315147), witnessKey().privateKey, ours.subarray(12))).toBe(true);
  });

  it('derives the key id with signature type 0x04, unlike a log key (0x01), and round-trips the verifier key', () => {
    const key = witnessKey();
    expect(cosignerKeyId(key.name, key.publicKey).equals(keyId(key.name, key.publicKey))).toBe(false);
    const vkey = cosignerVerifierKey(key.name, key.publicKey);
    expect(vkey).toMatch(/^witness\.example\/w1\+[0-9a-f]{8}\+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq\/LDE4izWy10TW$/);
    expect(parseCosignerKey(vkey)).toMatchObject({ name: key.name, keyId: cosignerKeyId(key.name, key.publicKey), key: vkey });
    expect(() => parseCosignerKey(verifierKey(key.name, key.publicKey))).toThrow(/not an Ed25519 cosignature\/v1 key/);
    expect(() => parseCosignerKey(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(/does not match/);
    expect(() => parseCosignerKey('nonsense')).toThrow(NoteError);
  });

  it('verifies a cosignature over the body and its time, and refuses any change to either', () => {
    const key = witnessKey();
    const witness = parseCosignerKey(cosignerVerifierKey(key.name, key.publicKey));
    const line = cosign(SPEC_BODY, key, 1700000000);
    expect(checkCosignature(line, SPEC_BODY, witness)).toEqual({ time: 1700000000 });
    expect(() => checkCosignature(line, SPEC_BODY.replace('20852163', '20852164'), witness)).toThrow(/does not verify/);
    const blob = parseSignatureLine(line).blob;
    blob.writeBigUInt64BE(1700000001n, 4);
    expect(() => checkCosignature(`— ${key.name} ${blob.toString('base64')}`, SPEC_BODY, witness)).toThrow(/does not verify/);
    // Lines by other keys are not this witness's: ignored, not failed.
    expect(checkCosignature(SPEC_LINE, SPEC_BODY, witness)).toBeNull();
    const other = generateSigningKey(key.name).key;
    expect(checkCosignature(cosign(SPEC_BODY, other, 1), SPEC_BODY, witness)).toBeNull();
  });

  it('counts the given witnesses that cosigned a checkpoint note, beside the log\'s own signature that still verifies', () => {
    const log = generateSigningKey('log.example/ledger').key;
    const note = signNote(checkpointText({ origin: log.name, size: 3, root: Buffer.alloc(32, 7) }), log);
    const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
    const a = generateSigningKey('witness.example/a').key;
    const b = generateSigningKey('witness.example/b').key;
    const c = generateSigningKey('witness.example/c').key;
    const [wa, wb, wc] = [a, b, c].map((k) => parseCosignerKey(cosignerVerifierKey(k.name, k.publicKey))) as [ReturnType<typeof parseCosignerKey>, ReturnType<typeof parseCosignerKey>, ReturnType<typeof parseCosignerKey>];
    const cosigned = withSignatureLines(note, [cosign(body, a, 10), cosign(body, b, 11), cosign(body.replace('\n3\n', '\n4\n'), c, 12)]);
    expect(openCheckpoint(cosigned, parseVerifierKey(verifierKey(log.name, log.publicKey))).size).toBe(3);
    expect(cosignaturesOf(cosigned, [wa, wb])).toEqual({ valid: [{ name: 'witness.example/a', time: 10 }, { name: 'witness.example/b', time: 11 }], invalid: [] });
    expect(cosignaturesOf(cosigned, [wc])).toEqual({ valid: [], invalid: ['the cosignature by witness.example/c does not verify'] });
    expect(cosignaturesOf(note, [wa]).valid).toEqual([]);
  });
});
