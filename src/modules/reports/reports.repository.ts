import type { Database } from '../../db/database.js';
import { dialectOfDb } from '../../db/dialect.js';
import type { NewReportRow, ReportRow, ReportsTable, ReportVersionRow } from './reports.table.js';

export type ReportVisibility = 'all' | readonly string[];

export interface ReportSearch {
  visible: ReportVisibility; // 'all' (coordinators: submitted reports only) or these organisations
  state?: string | undefined;
  limit: number;
}

export type ReportListRow = Pick<ReportRow, 'id' | 'org_id' | 'state' | 'outcome' | 'category' | 'assignee_id' | 'created_at'
  | 'updated_at' | 'submitted_at' | 'first_response_at' | 'current_version'> & { org_name_ja: string; org_name_en: string; assignee_name: string | null };

export async function searchReports(db: Database, search: ReportSearch): Promise<ReportListRow[]> {
  if (search.visible !== 'all' && search.visible.length === 0) return [];
  let query = db.selectFrom('reports')
    .innerJoin('organisations', 'organisations.id', 'reports.org_id')
    .leftJoin('users', 'users.id', 'reports.assignee_id')
    .select(['reports.id', 'reports.org_id', 'reports.state', 'reports.outcome', 'reports.category', 'reports.assignee_id',
      'reports.created_at', 'reports.updated_at', 'reports.submitted_at', 'reports.first_response_at', 'reports.current_version',
      'organisations.name_ja as org_name_ja', 'organisations.name_en as org_name_en', 'users.display_name as assignee_name']);
  if (search.visible === 'all') query = query.where('reports.state', '!=', 'draft');
  else query = query.where('reports.org_id', 'in', search.visible);
  if (search.state) query = query.where('reports.state', '=', search.state);
  return query.orderBy('reports.updated_at', 'desc').orderBy('reports.id').limit(search.limit).execute();
}

export async function findReport(db: Database, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the report row for the rest of the transaction (PostgreSQL; SQLite writers are serialised anyway). */
export async function findReportForUpdate(db: Database, id: string): Promise<ReportRow | undefined> {
  const postgres = dialectOfDb(db) === 'postgres';
  const query = db.selectFrom('reports').selectAll().where('id', '=', id);
  return (postgres ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertReport(db: Database, row: NewReportRow): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export async function updateReport(db: Database, id: string, changes: Partial<Omit<ReportsTable, 'id' | 'org_id'>>): Promise<void> {
  await db.updateTable('reports').set(changes).where('id', '=', id).execute();
}

export async function insertVersion(db: Database, row: ReportVersionRow): Promise<void> {
  await db.insertInto('report_versions').values(row).execute();
}

export async function listVersions(db: Database, reportId: string): Promise<ReportVersionRow[]> {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).orderBy('version').execute();
}

export async function findVersion(db: Database, reportId: string, version: number): Promise<ReportVersionRow | undefined> {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst();
}

/** Open, submitted reports with their latest answers: what the deadline check looks at. */
export async function listOpenSubmitted(db: Database, orgIds?: readonly string[]): Promise<Array<ReportRow & { answers: string }>> {
  if (orgIds && orgIds.length === 0) return [];
  const query = db.selectFrom('reports')
    .innerJoin('report_versions', (join) => join.onRef('report_versions.report_id', '=', 'reports.id').onRef('report_versions.version', '=', 'reports.current_version'))
    .selectAll('reports')
    .select('report_versions.answers as answers')
    .where('reports.state', 'in', ['submitted', 'triage', 'in_progress']);
  return (orgIds ? query.where('reports.org_id', 'in', orgIds) : query).execute();
}

export async function isCoordinator(db: Database, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.user_id').where('user_roles.user_id', '=', userId).where('user_roles.role', '=', 'coordinator')
    .where('users.status', '=', 'active').executeTakeFirst();
  return row !== undefined;
}

export async function listCoordinators(db: Database): Promise<Array<{ id: string; displayName: string }>> {
  return db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as id', 'users.display_name as displayName'])
    .where('user_roles.role', '=', 'coordinator').where('users.status', '=', 'active')
    .orderBy('users.display_name').execute();
}

export async function displayNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function orgMemberEmails(db: Database, orgId: string): Promise<Array<{ email: string; locale: string }>> {
  return db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email as email', 'users.locale as locale'])
    .where('memberships.org_id', '=', orgId).where('users.status', '=', 'active').execute();
}
