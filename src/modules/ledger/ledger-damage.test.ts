// Issue 17 (a): the server never signs a checkpoint over a tree it cannot verify. Someone with database
// access deletes or rewrites an entry (dropping the append-only triggers first); the log then grows.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { dialectOfDb } from '../../db/dialect.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createUser, errorCode, signIn, useTestApp } from '../../../test/helpers/app.js';
import { appendLedgerEvents, currentCheckpoint } from './ledger.service.js';
import { ledgerSize } from './ledger.repository.js';

const sightings = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ type: 'sighting' as const, actor: null, object: `indicator--${from + i}`, count: 1 }));

describeEachDatabase('ledger: a damaged tree is not signed', (database) => {
  const ctx = useTestApp(database);
  const append = (n: number) => ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sightings(n)));
  const checkpoint = () => ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
  const signedSizes = async () => (await ctx.db.selectFrom('ledger_checkpoints').select('size').orderBy('id').execute()).map((r) => Number(r.size));
  const allowTampering = async () => {
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    const drops = postgres ? ['drop trigger if exists ledger_entries_append_only on ledger_entries'] : ['drop trigger if exists ledger_entries_no_delete', 'drop trigger if exists ledger_entries_no_update'];
    for (const statement of drops) await sql.raw(statement).execute(ctx.db);
  };
  const status = async () => {
    const auditor = await signIn(ctx, await createUser(ctx, { roles: ['auditor'] }));
    const res = await as(ctx, auditor)({ method: 'GET', url: '/api/ledger/status' });
    expect(res.statusCode).toBe(200);
    return res.json<{ size: number; checkpoint: string; damaged?: string }>();
  };

  it('after a middle entry is deleted: reports the damage, signs nothing more, keeps the last good checkpoint and logs why', async () => {
    await append(6);
    expect((await checkpoint()).statusCode).toBe(200);
    expect(await signedSizes()).toEqual([7]);
    expect((await status()).damaged).toBeUndefined();

    await allowTampering();
    await ctx.db.deleteFrom('ledger_entries').where('idx', '=', 3).execute();
    // Nothing has grown: the last good checkpoint stands, and the status says what is wrong.
    expect(await status()).toMatchObject({ size: 7, damaged: '1 of the entries 0..6 are missing (6 stored)' });

    await append(2);
    expect(await ledgerSize(ctx.db)).toBe(9);
    const refused = await checkpoint();
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('ledger_inconsistent');
    expect(await signedSizes()).toEqual([7]);
    expect(await status()).toMatchObject({ size: 7, damaged: '1 of the entries 0..8 are missing (8 stored)' });
    const auditor = await signIn(ctx, await createUser(ctx, { roles: ['auditor'] }));
    expect((await as(ctx, auditor)({ method: 'GET', url: '/api/ledger/entries/8/receipt' })).statusCode).toBe(409);

    const logged: Array<{ fields: object; message: string }> = [];
    const log = { error: (fields: object, message: string) => logged.push({ fields, message }) };
    await expect(currentCheckpoint(ctx.db, { secretKey: Buffer.alloc(32), config: ctx.config, log })).rejects.toMatchObject({ code: 'ledger_inconsistent' });
    expect(logged).toEqual([{
      fields: { signed: 7, size: 9, problem: '1 of the entries 0..8 are missing (8 stored)' },
      message: expect.stringContaining('ledger: refusing to sign a checkpoint over a tree that does not verify'),
    }]);
    expect(await signedSizes()).toEqual([7]);
  });
});

describeEachDatabase('ledger: entries appended since the last checkpoint are verified before signing', (database) => {
  const ctx = useTestApp(database);

  it('refuses to sign when an entry appended since does not hash to its stored leaf', async () => {
    const first = await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(first.statusCode).toBe(200);
    await ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, sightings(4)));
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    await sql.raw(postgres ? 'drop trigger ledger_entries_append_only on ledger_entries' : 'drop trigger ledger_entries_no_update').execute(ctx.db);
    await ctx.db.updateTable('ledger_entries').set({ leaf: sql`replace(leaf, '"count":1', '"count":100')` }).where('idx', '=', 3).execute();
    const logged: object[] = [];
    const log = { error: (fields: object) => logged.push(fields) };
    await expect(currentCheckpoint(ctx.db, { secretKey: Buffer.alloc(32), config: ctx.config, log })).rejects.toMatchObject({ code: 'ledger_inconsistent' });
    expect(logged).toEqual([{ signed: 1, size: 5, problem: 'entry 3: the stored event does not hash to the stored leaf hash' }]);
    expect((await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).statusCode).toBe(409);
    expect((await ctx.db.selectFrom('ledger_checkpoints').select('size').execute()).map((r) => Number(r.size))).toEqual([1]);
  });
});
