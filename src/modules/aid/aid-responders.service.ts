// Responder profiles: a responder keeps their own (for themselves or their organisation); coordinators
// vet them. Only vetted, available responders with spare capacity are matched.
import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { activeCaseCounts, findResponder, findResponderByUser, insertResponder, listResponders, orgNames, updateResponder } from './aid.repository.js';
import type { AidResponderRow } from './aid.table.js';

export interface ProfileInput {
  kind: 'individual' | 'organisation';
  orgId?: string | null | undefined;
  displayName: string;
  skills: string[];
  languages: string[];
  prefectures: string[];
  onSite: boolean;
  certifications: string[];
  capacity: number;
  available: boolean;
  hours: string;
  serviceType: 'volunteer' | 'paid';
  priceTerms: string;
}

const list = (text: string): string[] => JSON.parse(text) as string[];

export function profileView(r: AidResponderRow, activeCases: number, org?: { ja: string; en: string }) {
  return {
    id: r.id, userId: r.user_id, kind: r.kind, orgId: r.org_id, orgName: org ?? null, displayName: r.display_name,
    skills: list(r.skills), languages: list(r.languages), prefectures: list(r.prefectures), onSite: Number(r.on_site) === 1,
    certifications: list(r.certifications), capacity: Number(r.capacity), available: Number(r.available) === 1, hours: r.hours,
    serviceType: r.service_type, priceTerms: r.price_terms, vetting: r.vetting, vettedAt: r.vetted_at, activeCases,
  };
}

const clean = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

function checkProfile(actor: { orgRoles: ReadonlyMap<string, string> }, input: ProfileInput): void {
  if (!input.displayName.trim()) throw new AppError('validation_failed', { detail: 'displayName must not be empty' });
  if (input.kind === 'organisation' && (!input.orgId || !actor.orgRoles.has(input.orgId))) {
    throw new AppError('validation_failed', { detail: 'orgId: an organisation profile is for one of your organisations' });
  }
  if (input.serviceType === 'paid' && !input.priceTerms.trim()) throw new AppError('validation_failed', { detail: 'priceTerms: a paid service states its price terms' });
}

export async function getMyProfile(db: Database, ctx: RequestContext) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.responder' });
  const row = await findResponderByUser(db, actor.userId);
  if (!row) return { profile: null };
  return { profile: profileView(row, (await activeCaseCounts(db)).get(row.id) ?? 0) };
}

/** Creates or updates the caller's profile. A new profile waits for vetting; edits keep the vetting decision. */
export async function saveMyProfile(db: Database, ctx: RequestContext, input: ProfileInput) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.responder' });
  checkProfile(actor, input);
  const at = new Date().toISOString();
  const fields = {
    kind: input.kind, org_id: input.kind === 'organisation' ? (input.orgId ?? null) : null, display_name: input.displayName.trim(),
    skills: JSON.stringify(clean(input.skills)), languages: JSON.stringify(clean(input.languages)), prefectures: JSON.stringify(clean(input.prefectures)),
    on_site: input.onSite ? 1 : 0, certifications: JSON.stringify(clean(input.certifications)), capacity: input.capacity,
    available: input.available ? 1 : 0, hours: input.hours.trim(), service_type: input.serviceType,
    price_terms: input.serviceType === 'paid' ? input.priceTerms.trim() : '', updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    const existing = await findResponderByUser(trx, actor.userId);
    const id = existing?.id ?? randomUUID();
    if (existing) await updateResponder(trx, id, fields);
    else await insertResponder(trx, { id, user_id: actor.userId, ...fields, vetting: 'pending', vetted_by: null, vetted_at: null, created_at: at });
    await recordAudit(trx, ctx, { action: existing ? 'aid.responder_updated' : 'aid.responder_created', targetType: 'aid_responder', targetId: id });
  });
  return getMyProfile(db, ctx);
}

export async function listAllResponders(db: Database, ctx: RequestContext, query: { vetting?: string | undefined }) {
  requireAccess({ actor: ctx.actor, permission: 'aid.desk' });
  const rows = await listResponders(db, query);
  const load = await activeCaseCounts(db);
  const orgs = await orgNames(db, rows.flatMap((r) => (r.org_id ? [r.org_id] : [])));
  return { items: rows.map((r) => profileView(r, load.get(r.id) ?? 0, r.org_id ? orgs.get(r.org_id) : undefined)) };
}

export async function setVetting(db: Database, ctx: RequestContext, id: string, decision: 'vetted' | 'rejected' | 'pending') {
  const actor = requireAccess({ actor: ctx.actor, permission: 'aid.desk' });
  await db.transaction().execute(async (trx) => {
    const row = await findResponder(trx, id);
    if (!row) throw notFound();
    const at = new Date().toISOString();
    await updateResponder(trx, id, { vetting: decision, vetted_by: actor.userId, vetted_at: at, updated_at: at });
    await recordAudit(trx, ctx, { action: 'aid.responder_vetted', targetType: 'aid_responder', targetId: id, details: { decision, previous: row.vetting } });
  });
  const row = await findResponder(db, id);
  return profileView(row as AidResponderRow, (await activeCaseCounts(db)).get(id) ?? 0);
}
