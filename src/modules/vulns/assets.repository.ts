// SQL of the asset inventory.
import type { Database } from '../../db/database.js';
import type { AssetRow, AssetsTable } from './vulns.table.js';

export async function listAssetsOf(db: Database, orgId: string, options: { sharedOnly: boolean }): Promise<AssetRow[]> {
  let query = db.selectFrom('assets').selectAll().where('org_id', '=', orgId);
  if (options.sharedOnly) query = query.where('share_with_desk', '=', 1);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function countAssetsOf(db: Database, orgId: string): Promise<number> {
  const row = await db.selectFrom('assets').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAsset(db: Database, orgId: string, id: string): Promise<AssetRow | undefined> {
  return db.selectFrom('assets').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
}

export async function insertAsset(db: Database, row: AssetsTable): Promise<void> {
  await db.insertInto('assets').values(row).execute();
}

export async function updateAsset(db: Database, id: string, patch: Partial<AssetsTable>): Promise<void> {
  await db.updateTable('assets').set(patch).where('id', '=', id).execute();
}

export async function deleteAsset(db: Database, id: string): Promise<void> {
  await db.deleteFrom('assets').where('id', '=', id).execute();
}

/** Every asset, or one organisation's (or some of its assets), for the matcher. */
export async function assetsToMatch(db: Database, scope: { orgId?: string; assetId?: string; assetIds?: readonly string[] }): Promise<AssetRow[]> {
  let query = db.selectFrom('assets').selectAll();
  if (scope.orgId) query = query.where('org_id', '=', scope.orgId);
  if (scope.assetId) query = query.where('id', '=', scope.assetId);
  if (scope.assetIds) {
    if (scope.assetIds.length === 0) return [];
    query = query.where('id', 'in', [...scope.assetIds]);
  }
  return query.orderBy('org_id').orderBy('id').execute();
}

export async function orgsWithAssets(db: Database): Promise<string[]> {
  return (await db.selectFrom('assets').select('org_id').distinct().orderBy('org_id').execute()).map((r) => r.org_id);
}
