// Issue 17 (b): the signing key outside the database (LEDGER_KEY_FILE). The database then holds only the
// public key; a database that claims another key is refused at start, and a key row added behind the
// server's back is never used to sign.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { connectDatabase } from '../../db/connect.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { errorCode, TEST_ENV } from '../../../test/helpers/app.js';
import { readLedgerKeyFile } from './ledger-key-file.js';
import { appendLedgerEvents } from './ledger.service.js';
import { insertKey } from './ledger.repository.js';
import { generateSigningKey, openCheckpoint, parseVerifierKey, verifierKey } from './signed-note.js';

const NAME = 'localhost:8080/ledger';

describeEachDatabase('ledger: the signing key in LEDGER_KEY_FILE', (database) => {
  let db: Database;
  let url = '';
  let drop: () => Promise<void> = async () => {};
  const dir = mkdtempSync(join(tmpdir(), 'anshin-ledger-key-'));
  const keyFile = join(dir, 'ledger-key.pem');
  const otherFile = join(dir, 'other-key.pem');
  const start = (env: Record<string, string>) => buildApp({ config: loadConfig({ ...TEST_ENV, ...env, DATABASE_URL: url }), db, logger: false });

  beforeAll(async () => {
    for (const file of [keyFile, otherFile]) writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const created = await database.create();
    url = created.url;
    drop = created.drop;
    db = connectDatabase(url);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores only the public key, serves it, and signs checkpoints with the key file', async () => {
    const app = await start({ LEDGER_KEY_FILE: keyFile });
    try {
      const expected = verifierKey(NAME, readLedgerKeyFile(keyFile).publicKey);
      expect((await app.inject({ method: 'GET', url: '/ledger/key' })).body.trim()).toBe(expected);
      const rows = await db.selectFrom('ledger_keys').selectAll().execute();
      expect(rows.map((r) => ({ name: r.name, sealed: r.sealed_private_key }))).toEqual([{ name: NAME, sealed: '' }]);
      const res = await app.inject({ method: 'GET', url: '/ledger/checkpoint' });
      expect(res.statusCode).toBe(200);
      expect(openCheckpoint(res.body, parseVerifierKey(expected)).size).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('refuses to start with another key file, or without one, naming both keys', async () => {
    const stored = verifierKey(NAME, readLedgerKeyFile(keyFile).publicKey);
    const other = verifierKey(NAME, readLedgerKeyFile(otherFile).publicKey);
    await expect(start({ LEDGER_KEY_FILE: otherFile })).rejects.toThrow(
      `the database claims the ledger key ${stored}, but LEDGER_KEY_FILE (${otherFile}) holds ${other}: refusing to start.`);
    await expect(start({})).rejects.toThrow(`the ledger key ${stored} is held outside the database, but LEDGER_KEY_FILE is not set: refusing to start.`);
  });

  it('never signs with a key someone adds to the database, and refuses to start on it afterwards', async () => {
    const app = await start({ LEDGER_KEY_FILE: keyFile });
    try {
      // Someone with write access adds a key of their own (the table only refuses updates and deletes).
      const forged = generateSigningKey(NAME);
      await insertKey(db, { name: NAME, public_key: forged.key.publicKey, sealed_private_key: 'v1.x.y.z', created_at: new Date().toISOString() });
      await db.transaction().execute((trx) => appendLedgerEvents(trx, [{ type: 'sighting', actor: null, object: 'indicator--1', count: 1 }]));
      const res = await app.inject({ method: 'GET', url: '/ledger/checkpoint' });
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('ledger_inconsistent');
      expect(errorCode(await app.inject({ method: 'GET', url: '/ledger/key' }))).toBe('ledger_inconsistent');
      expect((await db.selectFrom('ledger_checkpoints').select('size').execute()).map((r) => Number(r.size))).toEqual([1]);
    } finally {
      await app.close();
    }
    await expect(start({ LEDGER_KEY_FILE: keyFile })).rejects.toThrow(/^the database claims the ledger key localhost:8080\/ledger\+[0-9a-f]{8}\+\S+, but LEDGER_KEY_FILE/);
  });
});
