import type { Database } from '../../db/database.js';
import type { AdvisoriesTable, AdvisoryRow, OrgNotificationRow, OrgNotificationsTable, ReportRedactionRow, ReportRedactionsTable } from './sharing.table.js';

export async function listRedactions(db: Database, reportId: string, version: number): Promise<ReportRedactionRow[]> {
  return db.selectFrom('report_redactions').selectAll().where('report_id', '=', reportId).where('report_version', '=', version)
    .orderBy('start_offset').orderBy('end_offset').orderBy('id').execute();
}

export async function insertRedactions(db: Database, rows: readonly ReportRedactionsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('report_redactions').values([...rows]).execute();
}

export async function setRedactionDecision(
  db: Database, id: string, decision: 'accepted' | 'rejected', by: string, at: string,
): Promise<void> {
  await db.updateTable('report_redactions').set({ decision, decided_by: by, decided_at: at }).where('id', '=', id).execute();
}

export async function insertAdvisory(db: Database, row: AdvisoriesTable): Promise<void> {
  await db.insertInto('advisories').values(row).execute();
}

export async function findAdvisory(db: Database, id: string): Promise<AdvisoryRow | undefined> {
  return db.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAdvisoryOfReport(db: Database, reportId: string): Promise<AdvisoryRow | undefined> {
  return db.selectFrom('advisories').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

export async function listAdvisories(db: Database, limit: number): Promise<AdvisoryRow[]> {
  return db.selectFrom('advisories').selectAll().orderBy('published_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function insertNotifications(db: Database, rows: readonly OrgNotificationsTable[]): Promise<void> {
  // Chunked: a community-wide advisory notifies every organisation, and SQLite limits bound parameters.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('org_notifications').values(rows.slice(i, i + 500)).execute();
}

export async function listNotifications(db: Database, orgIds: readonly string[], limit: number): Promise<OrgNotificationRow[]> {
  if (orgIds.length === 0) return [];
  return db.selectFrom('org_notifications').selectAll().where('org_id', 'in', orgIds)
    .orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
