// Where SQLite ingest time goes: the store's rows (stix_objects + taxii_entries + the id lookup, multi-row INSERTs, a
// transaction per 5,000 objects) with plain better-sqlite3 and the server's pragmas, varying one thing: `base` (as the
// server: the two-tier id lookup of 2026-12-02-0010, merged every RECENT_IDS versions), `oneindex` (the earlier single
// random-keyed index on stix_objects(id_key)), `noidx` (no id lookup at all), `wal100k` (wal_autocheckpoint 100,000
// pages), `commit50k` (a transaction per 50,000 objects) or `cache192` (a 192 MiB page cache instead of 64 MiB).
// Usage: npm run build && node bench/ingest-variants.mjs [indicators=250000] [base|oneindex|noidx|wal100k|commit50k|cache192]
import Sqlite from 'better-sqlite3';
import { machineLoad, sqliteDatabase } from './lib.mjs';
import { batches } from './stix-data.mjs';

const { connectDatabase } = await import('../dist/db/connect.js');
const { migrateToLatest } = await import('../dist/db/migrate.js');
const { prepareObjects } = await import('../dist/modules/taxii/prepare.js');
const { idKey } = await import('../dist/modules/taxii/id-key.js');
const { RECENT_IDS } = await import('../dist/modules/taxii/store.repository.js');

const INDICATORS = Number(process.argv[2] ?? 250_000);
const VARIANT = process.argv[3] ?? 'base';
const OBJECT_COLUMNS = ['id_key', 'stix_id', 'version', 'version_key', 'type', 'spec_version', 'tlp', 'created_by_ref', 'revoked', 'json'];
const ENTRY_COLUMNS = ['collection_key', 'date_added', 'object_pk', 'type', 'spec_version', 'is_latest', 'is_first'];
const values = (rows, columns) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(',')})`).join(',');

const database = sqliteDatabase();
const db = connectDatabase(database.url);
await migrateToLatest(db);
const { entry_key: key } = await db.selectFrom('taxii_collections').select('entry_key').where('alias', '=', 'community').executeTakeFirstOrThrow();
await db.destroy();

const sqlite = new Sqlite(database.url.slice('sqlite:'.length));
for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', `cache_size = ${VARIANT === 'cache192' ? -196608 : -65536}`]) sqlite.pragma(pragma);
sqlite.pragma(`wal_autocheckpoint = ${VARIANT === 'wal100k' ? 100_000 : 10_000}`);
const TIERS = !['oneindex', 'noidx'].includes(VARIANT);
if (VARIANT === 'oneindex') sqlite.exec('create index stix_objects_id_key on stix_objects (id_key)');
let mergeMs = 0;
const statements = new Map();
const statement = (text) => statements.get(text) ?? statements.set(text, sqlite.prepare(text)).get(text);

let micros = Date.now() * 1000;
let ms = 0;
let count = 0;
for (const batch of batches(INDICATORS, VARIANT === 'commit50k' ? 50_000 : 5000)) {
  const { prepared } = prepareObjects(batch, { audience: 'community', defaultTlp: 'amber', locale: 'en' });
  const t0 = performance.now();
  sqlite.exec('begin');
  const pks = [];
  const objectsPer = Math.floor(32_000 / OBJECT_COLUMNS.length);
  for (let i = 0; i < prepared.length; i += objectsPer) {
    const chunk = prepared.slice(i, i + objectsPer);
    const rows = statement(`insert into stix_objects (${OBJECT_COLUMNS}) values ${values(chunk.length, OBJECT_COLUMNS.length)} returning pk`)
      .all(chunk.flatMap((o) => [idKey(o.stixId), o.stixId, o.version, o.versionKey, o.type, o.specVersion, o.tlp, o.createdByRef, 0, o.json]));
    for (const row of rows) pks.push(row.pk);
    if (TIERS) {
      statement(`insert into stix_ids_recent (id_key, pk) values ${values(chunk.length, 2)}`).run(chunk.flatMap((o, k) => [idKey(o.stixId), rows[k].pk]));
      const high = rows[rows.length - 1].pk;
      if (Math.floor(high / RECENT_IDS) > Math.floor((high - chunk.length) / RECENT_IDS)) {
        const m0 = performance.now();
        sqlite.exec('insert into stix_ids select id_key, pk from stix_ids_recent order by id_key, pk; delete from stix_ids_recent');
        mergeMs += performance.now() - m0;
      }
    }
  }
  const entriesPer = Math.floor(32_000 / ENTRY_COLUMNS.length);
  for (let i = 0; i < prepared.length; i += entriesPer) {
    const chunk = prepared.slice(i, i + entriesPer);
    statement(`insert into taxii_entries (${ENTRY_COLUMNS}) values ${values(chunk.length, ENTRY_COLUMNS.length)}`)
      .run(chunk.flatMap((o, k) => [key, micros++, pks[i + k], o.type, o.specVersion, 1, 1]));
  }
  sqlite.exec('commit');
  ms += performance.now() - t0;
  count += prepared.length;
}
sqlite.close();
await database.drop();
process.stdout.write(`${VARIANT}: ${count.toLocaleString('en-US')} objects, ${Math.round((count / ms) * 1000).toLocaleString('en-US')} objects/s (${(ms / 1000).toFixed(1)} s${TIERS ? `, merges ${(mergeMs / 1000).toFixed(1)} s` : ''}; load ${machineLoad()})\n`);
