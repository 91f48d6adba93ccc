// The ledger on both databases: appends inside other features' transactions, the stored tree, signed
// checkpoints, the public HTTP interface, readable events and receipts.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { dialectOfDb } from '../../db/dialect.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, indicator, ROOT, taxii, taxiiCaller, type TaxiiCaller } from '../../../test/helpers/taxii.js';
import { appendLedgerEvents, nodeSource } from './ledger.service.js';
import { ledgerSize } from './ledger.repository.js';
import { frontierKeys } from './tree-append.js';
import { leafHash, nodeId, rootHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { verifyReceipt } from './receipt.js';
import { openCheckpoint, parseVerifierKey } from './signed-note.js';

const b = (hashes: string[]) => hashes.map((h) => Buffer.from(h, 'base64'));

describeEachDatabase('ledger', (database) => {
  const ctx = useTestApp(database);
  let orgA = '';
  let member: TaxiiCaller;
  let auditor: Session;
  let outsider: Session;
  let memberSession: Session;
  const key = async () => parseVerifierKey((await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body);
  const checkpoint = async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return openCheckpoint(res.body, await key());
  };
  const get = (url: string, session: Session | null = null) => as(ctx, session)({ method: 'GET', url });

  beforeAll(async () => {
    orgA = await createOrg(ctx);
    const orgB = await createOrg(ctx);
    member = await taxiiCaller(ctx, { orgs: [{ orgId: orgA, role: 'member' }] });
    memberSession = await signIn(ctx, { email: member.email, password: 'correct horse battery staple' });
    auditor = await signIn(ctx, await createUser(ctx, { roles: ['auditor'] }));
    outsider = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] }));
  });

  it('starts with the key change that created its signing key, and signs a checkpoint of the whole log', async () => {
    const first = await get('/ledger/entries/0', auditor);
    expect(first.json().event).toMatchObject({ type: 'ledger_key_changed', previous: null });
    expect(first.json().event.key).toBe((await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body.trim());
    const cp = await checkpoint();
    expect(cp.size).toBe(await ledgerSize(ctx.db));
    expect(cp.root).toEqual(await rootHash(cp.size, nodeSource(ctx.db)));
  });

  it('logs a TAXII POST (ids, versions, collection) in the same transaction, readable by the org and auditors only', async () => {
    const inbox = (await collectionIds(ctx, [orgA])).inbox[orgA] as string;
    const objects = [indicator(), indicator()];
    const before = await ledgerSize(ctx.db);
    const res = await taxii(ctx, member)({ method: 'POST', url: `${ROOT}/collections/${inbox}/objects/`, json: { objects } });
    expect(res.statusCode).toBe(202);
    expect(await ledgerSize(ctx.db)).toBe(before + 1);
    const url = `/ledger/entries/${before}`;
    const entry = (await get(url, auditor)).json();
    expect(entry.event).toMatchObject({ type: 'taxii_objects_accepted', collection: inbox, org: orgA, actor: member.userId, audience: 'inbox' });
    expect(entry.event.objects).toEqual(objects.map((o) => ({ id: o.id, version: o.modified })));
    expect((await get(url, memberSession)).json().event.type).toBe('taxii_objects_accepted');
    const anonymous = (await get(url)).json();
    expect(anonymous).toEqual({ index: before, leaf_hash: entry.leaf_hash });
    expect((await get(url, outsider)).json().event).toBeUndefined();
    const listed = (await get('/api/ledger/entries?limit=5', outsider)).json();
    expect(listed.items.some((i: { index: number }) => i.index === before)).toBe(false);
  });

  it('logs a TAXII DELETE and sharing-group membership changes', async () => {
    const community = (await collectionIds(ctx)).community;
    const coordinator = await taxiiCaller(ctx, { roles: ['coordinator'] });
    const object = indicator();
    await taxii(ctx, coordinator)({ method: 'POST', url: `${ROOT}/collections/${community}/objects/`, json: { objects: [object] } });
    const before = await ledgerSize(ctx.db);
    expect((await taxii(ctx, coordinator)({ method: 'DELETE', url: `${ROOT}/collections/${community}/objects/${object.id}/` })).statusCode).toBe(200);
    expect((await get(`/ledger/entries/${before}`, auditor)).json().event).toMatchObject({ type: 'object_deleted', object: object.id, versions: 1 });

    const admin = await signIn(ctx, await createUser(ctx, { roles: ['administrator'] }));
    const created = await as(ctx, admin)({ method: 'POST', url: '/api/sharing-groups', payload: { name: 'Hospitals', orgIds: [orgA] } });
    expect(created.statusCode).toBe(201);
    const group = created.json().id as string;
    expect((await as(ctx, admin)({ method: 'DELETE', url: `/api/sharing-groups/${group}/members/${orgA}` })).statusCode).toBe(204);
    const events = (await get('/api/ledger/entries?limit=2&type=sharing_group_membership_changed', memberSession)).json().items.map((i: { event: unknown }) => i.event);
    expect(events).toMatchObject([{ group, change: 'removed', member: orgA }, { group, change: 'added', member: orgA }]);
  });

  it('appends nothing when the caller\'s transaction rolls back', async () => {
    const before = await ledgerSize(ctx.db);
    await expect(ctx.db.transaction().execute(async (trx) => {
      await appendLedgerEvents(trx, [{ type: 'sighting', actor: null, object: 'indicator--x', count: 1 }]);
      throw new Error('the feature failed');
    })).rejects.toThrow('the feature failed');
    expect(await ledgerSize(ctx.db)).toBe(before);
  });

  it('keeps one consistent tree under concurrent appends', async () => {
    const old = await checkpoint();
    await Promise.all(Array.from({ length: 12 }, (_, i) => ctx.db.transaction().execute((trx) =>
      appendLedgerEvents(trx, Array.from({ length: 1 + (i % 3) }, () => ({ type: 'sighting' as const, actor: null, object: `indicator--${i}`, count: i }))))));
    const rows = await ctx.db.selectFrom('ledger_entries').select(['idx', 'leaf']).orderBy('idx').execute();
    expect(rows.map((r) => Number(r.idx))).toEqual(rows.map((_, i) => i));
    const now = await checkpoint();
    expect(now.size).toBe(old.size + 24);
    const proof = (await get(`/ledger/proof/consistency?first=${old.size}&second=${now.size}`)).json();
    expect(verifyConsistency(old.size, now.size, b(proof.hashes), old.root, now.root)).toBe(true);
    for (const index of [0, Math.floor(now.size / 2), now.size - 1]) {
      const inclusion = (await get(`/ledger/proof/inclusion?index=${index}&size=${now.size}`)).json();
      const leaf = leafHash(Buffer.from(rows[index]?.leaf as string, 'utf8'));
      expect(verifyInclusion(index, now.size, leaf, b(inclusion.hashes), now.root)).toBe(true);
    }
  });

  it('validates proof parameters with clear errors', async () => {
    const size = await ledgerSize(ctx.db);
    const cases: Array<[string, string]> = [
      [`/ledger/proof/inclusion?index=${size}&size=${size}`, 'ledger_bad_range'],
      [`/ledger/proof/inclusion?index=0&size=${size + 1}`, 'ledger_bad_range'],
      ['/ledger/proof/inclusion?index=-1&size=2', 'validation_failed'],
      ['/ledger/proof/inclusion?index=abc&size=2', 'validation_failed'],
      ['/ledger/proof/inclusion?size=2', 'validation_failed'],
      ['/ledger/proof/consistency?first=3&second=2', 'ledger_bad_range'],
      ['/ledger/proof/consistency?first=0&second=2', 'validation_failed'],
      [`/ledger/proof/consistency?first=1&second=${size + 1}`, 'ledger_bad_range'],
      ['/ledger/proof/consistency?first=1&second=99999999999999999', 'validation_failed'],
    ];
    for (const [url, code] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorCode(res), url).toBe(code);
    }
    expect((await get(`/ledger/proof/consistency?first=${size}&second=${size}`)).json().hashes).toEqual([]);
    expect(errorCode(await get(`/ledger/entries/${size}`))).toBe('ledger_bad_range');
    expect(errorCode(await get('/ledger/entries/99999'))).toBe('ledger_bad_range');
    const en = await ctx.app.inject({ method: 'GET', url: '/ledger/proof/consistency?first=3&second=2', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('Invalid ledger range: first 3 must not be larger than second 2');
  });

  it('gives members a receipt for their own submission that verifies offline and on the server', async () => {
    const mine = (await get('/api/ledger/entries?limit=50&type=taxii_objects_accepted', memberSession)).json().items[0];
    const res = await get(`/api/ledger/entries/${mine.index}/receipt`, memberSession);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`ledger-receipt-${mine.index}.json`);
    const receipt = res.json();
    const publicKey = (await ctx.app.inject({ method: 'GET', url: '/ledger/key' })).body;
    expect(verifyReceipt(receipt, publicKey).event).toMatchObject({ type: 'taxii_objects_accepted' });
    expect((await get(`/api/ledger/entries/${mine.index}/receipt`, outsider)).statusCode).toBe(404);
    const check = (body: unknown) => as(ctx, auditor)({ method: 'POST', url: '/api/ledger/receipts/verify', payload: { receipt: body } });
    expect((await check(receipt)).json()).toMatchObject({ valid: true, index: mine.index });
    const forged = { ...receipt, leaf: receipt.leaf.replace('taxii_objects_accepted', 'object_deleted') };
    expect((await check(forged)).json()).toMatchObject({ valid: false, reason: expect.stringContaining(`entry ${mine.index}`) });
    expect((await check({ nonsense: true })).json()).toMatchObject({ valid: false });
  });

  it('is append-only in the database, and refuses to sign a checkpoint inconsistent with the last one', async () => {
    await expect(ctx.db.updateTable('ledger_entries').set({ type: 'x' }).where('idx', '=', 0).execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('ledger_nodes').execute()).rejects.toThrow(/append-only/);
    const signed = await checkpoint();
    // Someone with database access rewrites a stored hash (dropping the trigger first), then the log grows.
    const postgres = dialectOfDb(ctx.db) === 'postgres';
    await sql.raw(postgres ? 'drop trigger ledger_nodes_append_only on ledger_nodes' : 'drop trigger ledger_nodes_no_update').execute(ctx.db);
    const top = frontierKeys(signed.size).at(-1) as { level: number; index: number };
    await ctx.db.updateTable('ledger_nodes').set({ hash: Buffer.alloc(32, 1) }).where('id', '=', nodeId(top.level, top.index)).execute();
    await ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, [{ type: 'sighting', actor: null, object: 'indicator--y', count: 1 }]));
    const res = await ctx.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('ledger_inconsistent');
    expect((await ctx.db.selectFrom('ledger_checkpoints').select('size').orderBy('id', 'desc').executeTakeFirstOrThrow()).size).toBe(signed.size);
  });
});
