// Where collections come from: the migration (community, public, and every existing organisation's
// feed and inbox) and the organisation service (a new organisation's feed and inbox).
import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { systemContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import * as foundation from '../../db/migrations/2026-11-23-0001-foundation.js';
import { describeEachDatabase, useEmptyDatabase } from '../../../test/helpers/databases.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { createOrgAsOperator } from '../orgs/orgs.service.js';

const audiences = async (db: Database, orgId: string | null) => {
  const query = db.selectFrom('taxii_collections').select('audience');
  const rows = await (orgId === null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId)).orderBy('audience').execute();
  return rows.map((r) => r.audience);
};

describeEachDatabase('collections from the migration', (database) => {
  const scratch = useEmptyDatabase(database);

  it('creates the community and public collections and backfills a feed and an inbox per existing organisation', async () => {
    const { db } = scratch;
    const foundationOnly = new Migrator({
      db, provider: { getMigrations: async () => ({ '2026-11-23-0001-foundation': foundation }) },
      migrationTableName: 'anshin_migrations', migrationLockTableName: 'anshin_migrations_lock',
    });
    expect((await foundationOnly.migrateToLatest()).error).toBeUndefined();
    const now = new Date().toISOString();
    for (const id of ['org-1', 'org-2']) {
      await db.insertInto('organisations').values({
        id, name_ja: id, name_en: id, aliases: '[]', sector: 'jsic-e', size_band: '1-20', prefecture: '13', status: 'active', contacts: '[]', created_at: now, updated_at: now,
      }).execute();
    }
    await migrateToLatest(db);
    expect(await audiences(db, null)).toEqual(['community', 'public']);
    expect(await audiences(db, 'org-1')).toEqual(['feed', 'inbox']);
    expect(await audiences(db, 'org-2')).toEqual(['feed', 'inbox']);
    const ids = await db.selectFrom('taxii_collections').select('id').execute();
    expect(ids.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toBe(true);
  });
});

describeEachDatabase('collections of new organisations', (database) => {
  const ctx = useTestApp(database);

  it('gives an organisation created through the service its feed and inbox, in the same transaction', async () => {
    const org = await createOrgAsOperator(ctx.db, systemContext(), {
      nameJa: '新組織', nameEn: 'New Org', aliases: [], sector: 'jsic-e', sizeBand: '1-20', prefecture: '13', status: 'active', domains: [], ipRanges: [], contacts: [],
    });
    expect(await audiences(ctx.db, org.id)).toEqual(['feed', 'inbox']);
  });
});
