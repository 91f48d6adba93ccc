// Issue 17: the log accepts cosignatures (C2SP tlog-cosignature/v1) from its configured witnesses and publishes
// its latest checkpoint with them appended after its own signature.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { errorCode, useTestApp } from '../../../test/helpers/app.js';
import { cosign, cosignaturesOf, cosignerVerifierKey, parseCosignerKey, splitNote, withSignatureLines } from './cosignature.js';
import { appendLedgerEvents } from './ledger.service.js';
import { generateSigningKey, openCheckpoint, parseVerifierKey } from './signed-note.js';

const sightings = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'sighting' as const, actor: null, object: `indicator--${i}`, count: 1 }));
const witnessA = generateSigningKey('witness.example/a').key;
const witnessB = generateSigningKey('witness.example/b').key;
const stranger = generateSigningKey('witness.example/stranger').key;
const vkey = (k: typeof witnessA) => cosignerVerifierKey(k.name, k.publicKey);

describeEachDatabase('ledger: witness cosignatures', (database) => {
  const ctx = useTestApp(database, { LEDGER_WITNESSES: `${vkey(witnessA)},${vkey(witnessB)}` });
  const append = (n: number) => ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sightings(n)));
  const checkpoint = async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const post = (size: number, cosignature: string) => ctx.app.inject({ method: 'POST', url: '/ledger/cosignatures', payload: { size, cosignature } });
  const now = () => Math.floor(Date.now() / 1000);

  it('stores a valid cosignature of the latest checkpoint and publishes it after the log\'s signature', async () => {
    await append(3);
    const note = await checkpoint();
    const log = parseVerifierKey((await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body);
    const { size } = openCheckpoint(note, log);
    const { body } = splitNote(note);
    const lineA = cosign(body, witnessA, now());
    const accepted = await post(size, lineA);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ size, accepted: ['witness.example/a'] });
    // B sends the whole cosigned note (with the log's line and A's): only B's line is new.
    const lineB = cosign(body, witnessB, now());
    expect((await post(size, withSignatureLines(note, [lineA, lineB]))).json()).toEqual({ size, accepted: ['witness.example/a', 'witness.example/b'] });
    // Sent twice: stored once.
    expect((await post(size, lineA)).statusCode).toBe(200);

    const published = await checkpoint();
    expect(published).toBe(`${note}${lineA}\n${lineB}\n`);
    expect(openCheckpoint(published, log).size).toBe(size); // the log's own signature still verifies
    expect(cosignaturesOf(published, [parseCosignerKey(vkey(witnessA)), parseCosignerKey(vkey(witnessB))]).valid.map((v) => v.name))
      .toEqual(['witness.example/a', 'witness.example/b']);
  });

  it('accepts a cosignature of an earlier checkpoint without showing it on the latest one', async () => {
    const earlier = await checkpoint();
    const earlierSize = Number(earlier.split('\n')[1]);
    await append(2);
    const latest = await checkpoint();
    expect(latest).not.toContain('witness.example/');
    const line = cosign(splitNote(earlier).body, witnessA, now());
    expect((await post(earlierSize, line)).json()).toEqual({ size: earlierSize, accepted: ['witness.example/a'] });
    expect(await checkpoint()).toBe(latest);
  });

  it('refuses unknown witnesses, bad signatures, another checkpoint\'s cosignature and sizes never signed', async () => {
    const note = await checkpoint();
    const size = Number(note.split('\n')[1]);
    const { body } = splitNote(note);
    const unknown = await post(size, cosign(body, stranger, now()));
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown)).toBe('validation_failed');
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('not by a witness this log accepts (witness.example/stranger)');
    const forged = await post(size, cosign(body.replace(/\n\d+\n/, '\n999\n'), witnessA, now()));
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ error: { message: string } }>().error.message).toContain('the cosignature by witness.example/a does not verify');
    expect(size).toBe(6);
    expect((await post(4, cosign(body, witnessA, now()))).statusCode).toBe(400); // checkpoint 4 is another body
    expect((await post(5, cosign(body, witnessA, now()))).statusCode).toBe(404); // never signed
    expect((await post(size + 100, cosign(body, witnessA, now()))).statusCode).toBe(404);
    expect((await post(size, 'not a signature line')).statusCode).toBe(400);
    expect(await checkpoint()).toBe(note);
  });
});

describeEachDatabase('ledger: cosignatures without configured witnesses', (database) => {
  const ctx = useTestApp(database);
  it('refuses every cosignature', async () => {
    const note = (await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
    const res = await ctx.app.inject({ method: 'POST', url: '/ledger/cosignatures', payload: { size: Number(note.split('\n')[1]), cosignature: cosign(splitNote(note).body, witnessA, 1) } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('no witnesses are configured');
  });
});
