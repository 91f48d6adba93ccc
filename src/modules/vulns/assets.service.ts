// The asset inventory of a member organisation. Its members and org admins read and change it; the coordinator desk
// reads only the assets the organisation marked "share with the desk" (and nothing, as "not found", when there are
// none). Every change is audited and matched again against the knowledge base in the same transaction.
import { randomUUID } from 'node:crypto';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrg } from '../orgs/orgs.service.js';
import { registeredAddress } from './asset-address.js';
import { ASSET_LIMITS, type AssetInput, checkAsset, type CleanAsset } from './asset-model.js';
import * as repo from './assets.repository.js';
import { matchAssetsWithin } from './matcher.service.js';
import type { AssetRow } from './vulns.table.js';

export type AssetView = ReturnType<typeof assetView>;

export function assetView(row: AssetRow) {
  return {
    id: row.id, orgId: row.org_id, category: row.category, vendor: row.vendor, product: row.product, version: row.version, cpe: row.cpe,
    purl: row.purl, internetFacing: row.internet_facing === 1, exposedAddress: row.exposed_address, owner: row.owner, notes: row.notes,
    shareWithDesk: row.share_with_desk === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function listAssets(db: Database, ctx: RequestContext, orgId: string): Promise<{ items: AssetView[] }> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'asset.read', ids: [orgId] });
  const own = can(actor, 'asset.write', orgId);
  const rows = await repo.listAssetsOf(db, orgId, { sharedOnly: !own });
  if (!own && rows.length === 0) throw notFound(); // the desk sees an inventory only where something is shared
  return { items: rows.map(assetView) };
}

async function cleanInput(db: Database, ctx: RequestContext, orgId: string, input: AssetInput): Promise<CleanAsset> {
  const { asset, issues } = checkAsset(input);
  if (issues.length > 0) {
    throw new AppError('asset_invalid', { fields: [...new Set(issues.map((i) => i.field))].join(', ') }, issues);
  }
  if (asset.exposedAddress !== null) {
    const org = await getOrg(db, ctx, orgId);
    const address = registeredAddress(asset.exposedAddress, org);
    if (address === null) throw new AppError('asset_address_unregistered', { value: asset.exposedAddress.slice(0, 100) });
    asset.exposedAddress = address;
  }
  return asset;
}

function columns(asset: CleanAsset) {
  return {
    category: asset.category, vendor: asset.vendor, product: asset.product, version: asset.version, cpe: asset.cpe, purl: asset.purl,
    internet_facing: asset.internetFacing ? 1 : 0, exposed_address: asset.exposedAddress, owner: asset.owner, notes: asset.notes,
    share_with_desk: asset.shareWithDesk ? 1 : 0,
  };
}

const auditDetails = (asset: CleanAsset) => ({ category: asset.category, vendor: asset.vendor, product: asset.product, version: asset.version, shareWithDesk: asset.shareWithDesk });

function writer(ctx: RequestContext, orgId: string): UserActor {
  return requireAccess({ actor: ctx.actor, permission: 'asset.write', ids: [orgId] });
}

export async function createAsset(db: Database, deps: AppDeps, ctx: RequestContext, orgId: string, input: AssetInput): Promise<AssetView> {
  const actor = writer(ctx, orgId);
  const asset = await cleanInput(db, ctx, orgId, input);
  const now = new Date().toISOString();
  const id = randomUUID();
  const row: AssetRow = { id, org_id: orgId, ...columns(asset), created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now };
  await db.transaction().execute(async (trx) => {
    if ((await repo.countAssetsOf(trx, orgId)) >= ASSET_LIMITS.perOrg) throw new AppError('asset_limit_reached', { max: ASSET_LIMITS.perOrg });
    await repo.insertAsset(trx, row);
    await recordAudit(trx, ctx, { action: 'asset.create', orgId, targetType: 'asset', targetId: id, details: auditDetails(asset) });
    await matchAssetsWithin(trx, deps.config, { orgId, assetId: id }, new Date(), ctx);
  });
  await deps.mailer.flush(db);
  return assetView(row);
}

async function loadOwn(db: Database, orgId: string, id: string): Promise<AssetRow> {
  const row = await repo.findAsset(db, orgId, id);
  if (!row) throw notFound();
  return row;
}

export async function updateAsset(db: Database, deps: AppDeps, ctx: RequestContext, orgId: string, id: string, input: AssetInput): Promise<AssetView> {
  const actor = writer(ctx, orgId);
  await loadOwn(db, orgId, id); // an unknown asset is "not found" before anything is said about the input
  const asset = await cleanInput(db, ctx, orgId, input);
  const now = new Date().toISOString();
  const updated = await db.transaction().execute(async (trx) => {
    const before = await loadOwn(trx, orgId, id);
    const patch = { ...columns(asset), updated_by: actor.userId, updated_at: now };
    await repo.updateAsset(trx, id, patch);
    const changed = Object.keys(columns(asset)).filter((k) => before[k as keyof AssetRow] !== patch[k as keyof typeof patch]);
    await recordAudit(trx, ctx, { action: 'asset.update', orgId, targetType: 'asset', targetId: id, details: { ...auditDetails(asset), changed } });
    await matchAssetsWithin(trx, deps.config, { orgId, assetId: id }, new Date(), ctx);
    return { ...before, ...patch };
  });
  await deps.mailer.flush(db);
  return assetView(updated);
}

export async function deleteAsset(db: Database, ctx: RequestContext, orgId: string, id: string): Promise<void> {
  writer(ctx, orgId);
  await db.transaction().execute(async (trx) => {
    const before = await loadOwn(trx, orgId, id);
    await repo.deleteAsset(trx, id); // its findings go with it (ON DELETE CASCADE)
    await recordAudit(trx, ctx, {
      action: 'asset.delete', orgId, targetType: 'asset', targetId: id,
      details: { category: before.category, vendor: before.vendor, product: before.product, version: before.version },
    });
  });
}
