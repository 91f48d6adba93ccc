// What a coordinator teaches the redaction detector about one organisation (issue 18): a value it missed in that
// organisation's report, remembered so that the same miss never happens twice. Only coordinators (sharing.review) see
// or change it, for any organisation; to everyone else it does not exist (404). Every change is in the audit log with
// the label but never the value itself (the audit log is read more widely than the value may be).
import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrgAsOperator } from '../orgs/orgs.service.js';
import { SENSITIVE_LABELS, type SensitiveLabel } from '../redaction/index.js';
import { deleteMemory, insertMemory, listMemory, type MemoryWithAuthor } from './redaction-memory.repository.js';

export const MEMORY_VALUE_MAX = 200;

const itemOf = (row: MemoryWithAuthor) => ({
  id: row.id, value: row.value, label: row.label as SensitiveLabel, createdAt: row.created_at, createdByName: row.created_by_name,
});

async function requireOrg(db: Database, ctx: RequestContext, orgId: string) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  await getOrgAsOperator(db, orgId); // not found when there is no such organisation
  return actor;
}

function cleanValue(value: string, label: string): { value: string; label: SensitiveLabel } {
  const trimmed = value.trim();
  if (trimmed.length < 2 || trimmed.length > MEMORY_VALUE_MAX) {
    throw new AppError('validation_failed', { detail: `value: between 2 and ${MEMORY_VALUE_MAX} characters` });
  }
  if (!(SENSITIVE_LABELS as readonly string[]).includes(label)) throw new AppError('validation_failed', { detail: `label: unknown label "${label.slice(0, 30)}"` });
  return { value: trimmed, label: label as SensitiveLabel };
}

/** The values remembered for the organisation, for the detector (no access check: the caller has loaded the report). */
export async function rememberedValues(db: Database, orgId: string): Promise<Array<{ value: string; label: SensitiveLabel }>> {
  return (await listMemory(db, orgId)).map((r) => ({ value: r.value, label: r.label as SensitiveLabel }));
}

/** Remembers values for the organisation inside the caller's transaction; those already remembered are left as they are. */
export async function rememberWithin(trx: Database, ctx: RequestContext, orgId: string, values: ReadonlyArray<{ value: string; label: string }>): Promise<string[]> {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  const now = new Date().toISOString();
  const rows = values.map((v) => ({ id: randomUUID(), org_id: orgId, ...cleanValue(v.value, v.label), created_by: actor.userId, created_at: now }));
  const ids = await insertMemory(trx, rows);
  if (ids.length > 0) {
    await recordAudit(trx, ctx, {
      action: 'redaction_memory.added', orgId, targetType: 'organisation', targetId: orgId,
      details: { ids, labels: rows.filter((r) => ids.includes(r.id)).map((r) => r.label) },
    });
  }
  return ids;
}

export async function listRedactionMemory(db: Database, ctx: RequestContext, orgId: string) {
  await requireOrg(db, ctx, orgId);
  return { items: (await listMemory(db, orgId)).map(itemOf) };
}

export async function addRedactionMemory(db: Database, ctx: RequestContext, orgId: string, input: { value: string; label: string }) {
  await requireOrg(db, ctx, orgId);
  const clean = cleanValue(input.value, input.label);
  await db.transaction().execute((trx) => rememberWithin(trx, ctx, orgId, [clean]));
  const item = (await listMemory(db, orgId)).find((r) => r.value === clean.value);
  if (!item) throw new AppError('not_found');
  return itemOf(item);
}

export async function deleteRedactionMemory(db: Database, ctx: RequestContext, orgId: string, id: string): Promise<void> {
  await requireOrg(db, ctx, orgId);
  await db.transaction().execute(async (trx) => {
    const gone = await deleteMemory(trx, orgId, id);
    if (!gone) throw new AppError('not_found');
    await recordAudit(trx, ctx, { action: 'redaction_memory.deleted', orgId, targetType: 'organisation', targetId: orgId, details: { id, label: gone.label } });
  });
}
