import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { createOrgCollections } from '../taxii/collections.service.js';
import {
  changedFields, cleanOrgInput, cleanOrgPatch, newOrgRow, orgColumns, orgOf, summaryOf,
  type Org, type OrgInput, type OrgPatch, type OrgSummary,
} from './org-model.js';
import {
  findOrgById, insertOrg, listOrgDomains, listOrgIpRanges, replaceOrgDomains, replaceOrgIpRanges, searchOrgs,
  updateOrgColumns, type OrgVisibility,
} from './orgs.repository.js';

export interface OrgFilter {
  q?: string | undefined;
  status?: string | undefined;
  sector?: string | undefined;
  prefecture?: string | undefined;
}

// Route-facing functions check access first. The "...AsOperator" functions are what they wrap: the
// CLI calls them directly, because whoever runs it on the machine already holds the database.

export async function listOrgs(db: Database, ctx: RequestContext, filter: OrgFilter): Promise<{ items: OrgSummary[] }> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'org.list' });
  // Whoever may read every organisation (the org.read rule holds without an id) sees all; others their own.
  const visible: OrgVisibility = can(actor, 'org.read') ? 'all' : [...actor.orgRoles.keys()];
  return searchVisibleOrgs(db, filter, visible);
}

export const listOrgsAsOperator = (db: Database, filter: OrgFilter): Promise<{ items: OrgSummary[] }> =>
  searchVisibleOrgs(db, filter, 'all');

async function searchVisibleOrgs(db: Database, filter: OrgFilter, visible: OrgVisibility) {
  const q = filter.q?.trim() || undefined;
  const rows = await searchOrgs(db, { ...filter, q, qDomain: q ? domainToASCII(q) || undefined : undefined, visible });
  return { items: rows.map(summaryOf) };
}

export async function getOrg(db: Database, ctx: RequestContext, id: string): Promise<Org> {
  requireAccess({ actor: ctx.actor, permission: 'org.read', ids: [id] });
  return getOrgAsOperator(db, id);
}

export async function getOrgAsOperator(db: Database, id: string): Promise<Org> {
  const org = await loadOrg(db, id);
  if (!org) throw notFound();
  return org;
}

async function loadOrg(db: Database, id: string): Promise<Org | undefined> {
  const row = await findOrgById(db, id);
  if (!row) return undefined;
  return orgOf(row, await listOrgDomains(db, id), await listOrgIpRanges(db, id));
}

export async function createOrg(db: Database, ctx: RequestContext, input: OrgInput): Promise<Org> {
  requireAccess({ actor: ctx.actor, permission: 'org.create' });
  return createOrgAsOperator(db, ctx, input);
}

export async function createOrgAsOperator(db: Database, ctx: RequestContext, input: OrgInput): Promise<Org> {
  const org = cleanOrgInput(input);
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertOrg(trx, newOrgRow(id, org, now));
    await replaceOrgDomains(trx, id, org.domains);
    await replaceOrgIpRanges(trx, id, org.ipRanges);
    await createOrgCollections(trx, id);
    await recordAudit(trx, ctx, {
      action: 'org.created', orgId: id, targetType: 'organisation', targetId: id,
      details: { nameJa: org.nameJa, nameEn: org.nameEn, status: org.status },
    });
  });
  return getOrgAsOperator(db, id);
}

/**
 * Changes the fields given; domains, ranges and contacts are replaced as whole sets. Changing the
 * status also needs org.set-status: org admins keep their profile up to date, the community decides
 * who is active. Fields sent with their current value are not changes (a form may send everything).
 */
export async function updateOrg(db: Database, ctx: RequestContext, id: string, patch: OrgPatch): Promise<Org> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'org.update', ids: [id] });
  const clean = cleanOrgPatch(patch);
  await db.transaction().execute(async (trx) => {
    const current = await loadOrg(trx, id);
    if (!current) throw notFound();
    const changed = changedFields(current, clean);
    if (changed.includes('status')) requireAccess({ actor, permission: 'org.set-status', ids: [id] });
    if (changed.length > 0) await applyChanges(trx, ctx, current, clean, changed);
  });
  return getOrgAsOperator(db, id);
}

async function applyChanges(trx: Database, ctx: RequestContext, current: Org, patch: OrgPatch, changed: Array<keyof OrgInput>) {
  const id = current.id;
  const only = Object.fromEntries(changed.map((field) => [field, patch[field]])) as OrgPatch;
  await updateOrgColumns(trx, id, { ...orgColumns(only), updated_at: new Date().toISOString() });
  if (only.domains) await replaceOrgDomains(trx, id, only.domains);
  if (only.ipRanges) await replaceOrgIpRanges(trx, id, only.ipRanges);
  const fields = changed.filter((field) => field !== 'status');
  if (fields.length > 0) {
    await recordAudit(trx, ctx, { action: 'org.updated', orgId: id, targetType: 'organisation', targetId: id, details: { fields } });
  }
  if (only.status) {
    await recordAudit(trx, ctx, {
      action: 'org.status_changed', orgId: id, targetType: 'organisation', targetId: id, details: { from: current.status, to: only.status },
    });
  }
}
