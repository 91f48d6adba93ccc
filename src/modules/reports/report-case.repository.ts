// The case timeline, attachments, deadline regimes and reminders. Timeline and reminders are append-only.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ReportAttachmentRow, ReportEventRow } from './reports.table.js';

export interface NewEvent {
  reportId: string;
  at: string;
  actorUserId: string | null;
  kind: string;
  internal: boolean;
  body?: string | null;
  details?: Record<string, unknown>;
}

// seq numbers a report's events in order; the unique index on (report_id, seq) makes concurrent writers
// conflict instead of interleaving silently (the service holds the report row locked).
export async function insertEvent(db: Database, event: NewEvent): Promise<void> {
  const last = await db.selectFrom('report_events').select((eb) => eb.fn.max('seq').as('seq')).where('report_id', '=', event.reportId).executeTakeFirst();
  await db.insertInto('report_events').values({
    id: randomUUID(), report_id: event.reportId, seq: Number(last?.seq ?? 0) + 1, at: event.at, actor_user_id: event.actorUserId,
    kind: event.kind, internal: event.internal ? 1 : 0, body: event.body ?? null, details: JSON.stringify(event.details ?? {}),
  }).execute();
}

export async function listEvents(db: Database, reportId: string, includeInternal: boolean): Promise<ReportEventRow[]> {
  let query = db.selectFrom('report_events').selectAll().where('report_id', '=', reportId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('seq').execute();
}

export type AttachmentMeta = Omit<ReportAttachmentRow, 'content'>;
const META = ['id', 'report_id', 'filename', 'kind', 'size', 'sha256', 'sha1', 'md5', 'indicators', 'uploaded_by', 'created_at'] as const;

export async function insertAttachment(db: Database, row: ReportAttachmentRow): Promise<void> {
  await db.insertInto('report_attachments').values(row).execute();
}

export async function listAttachments(db: Database, reportId: string): Promise<AttachmentMeta[]> {
  return db.selectFrom('report_attachments').select(META).where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute();
}

export async function findAttachment(db: Database, reportId: string, id: string): Promise<ReportAttachmentRow | undefined> {
  return db.selectFrom('report_attachments').selectAll().where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
}

export async function attachmentsTotal(db: Database, reportId: string): Promise<number> {
  const row = await db.selectFrom('report_attachments').select(sql<string>`coalesce(sum(size), 0)`.as('total')).where('report_id', '=', reportId).executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function listRegimeChoices(db: Database, orgId: string): Promise<Array<{ regimeId: string; enabled: boolean }>> {
  const rows = await db.selectFrom('org_deadline_regimes').select(['regime_id', 'enabled']).where('org_id', '=', orgId).execute();
  return rows.map((r) => ({ regimeId: r.regime_id, enabled: Number(r.enabled) === 1 }));
}

export async function upsertRegimeChoice(db: Database, orgId: string, regimeId: string, enabled: boolean, at: string): Promise<void> {
  await db.insertInto('org_deadline_regimes').values({ org_id: orgId, regime_id: regimeId, enabled: enabled ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.columns(['org_id', 'regime_id']).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: at })).execute();
}

/** Records that a reminder went out; false when one already had (another process or an earlier run). */
export async function claimReminder(db: Database, reportId: string, key: string, at: string): Promise<boolean> {
  const result = await db.insertInto('report_reminders').values({ report_id: reportId, deadline_key: key, sent_at: at })
    .onConflict((oc) => oc.columns(['report_id', 'deadline_key']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
