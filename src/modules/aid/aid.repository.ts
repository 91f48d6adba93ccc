// The only place with SQL for mutual aid. Messages, notes and escalations are append-only.
import type { Database } from '../../db/database.js';
import { dialectOfDb } from '../../db/dialect.js';
import type {
  AidGrantRow, AidGrantsTable, AidNotificationRow, AidNotificationsTable, AidOfferRow, AidOffersTable, AidPostRow, AidPostsTable,
  AidRequestRow, AidRequestsTable, AidResponderRow, AidRespondersTable, AidTaskRow, AidTasksTable,
} from './aid.table.js';
import { ACTIVE_STATUSES } from './aid-codes.js';

// ---- responders ----
export const findResponderByUser = (db: Database, userId: string): Promise<AidResponderRow | undefined> =>
  db.selectFrom('aid_responders').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const findResponder = (db: Database, id: string): Promise<AidResponderRow | undefined> =>
  db.selectFrom('aid_responders').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertResponder(db: Database, row: AidRespondersTable): Promise<void> {
  await db.insertInto('aid_responders').values(row).execute();
}

export async function updateResponder(db: Database, id: string, changes: Partial<AidRespondersTable>): Promise<void> {
  await db.updateTable('aid_responders').set(changes).where('id', '=', id).execute();
}

export const listResponders = (db: Database, filter: { vetting?: string | undefined } = {}): Promise<AidResponderRow[]> => {
  let query = db.selectFrom('aid_responders').selectAll();
  if (filter.vetting) query = query.where('vetting', '=', filter.vetting);
  return query.orderBy('created_at').orderBy('id').execute();
};

/** Cases each responder holds now (assigned or in progress). */
export async function activeCaseCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db.selectFrom('aid_requests').select(['responder_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', [...ACTIVE_STATUSES]).where('responder_id', 'is not', null).groupBy('responder_id').execute();
  return new Map(rows.map((r) => [r.responder_id as string, Number(r.n)]));
}

/** Answered offers (accepted or declined) with their times, for response-time medians. */
export const answeredOffers = (db: Database, responderId?: string) => {
  let query = db.selectFrom('aid_offers').select(['responder_id', 'offered_at', 'answered_at']).where('answered_at', 'is not', null)
    .where('status', 'in', ['accepted', 'declined']);
  if (responderId) query = query.where('responder_id', '=', responderId);
  return query.execute();
};

// ---- requests ----
export async function insertRequest(db: Database, row: AidRequestsTable): Promise<void> {
  await db.insertInto('aid_requests').values(row).execute();
}

export const findRequest = (db: Database, id: string): Promise<AidRequestRow | undefined> =>
  db.selectFrom('aid_requests').selectAll().where('id', '=', id).executeTakeFirst();

export async function findRequestForUpdate(db: Database, id: string): Promise<AidRequestRow | undefined> {
  const query = db.selectFrom('aid_requests').selectAll().where('id', '=', id);
  return (dialectOfDb(db) === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * Holds the responder's row until the transaction ends, so that two acceptances by one responder run one after the
 * other and the second sees the first's case (SQLite runs one write transaction at a time already).
 */
export async function lockResponder(db: Database, id: string): Promise<void> {
  if (dialectOfDb(db) === 'postgres') await db.selectFrom('aid_responders').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateRequest(db: Database, id: string, changes: Partial<AidRequestsTable>): Promise<void> {
  await db.updateTable('aid_requests').set(changes).where('id', '=', id).execute();
}

/** The one acceptance: only a request still open or offered becomes assigned; 0 means someone else won. */
export async function assignIfUnassigned(db: Database, id: string, responderId: string, at: string): Promise<number> {
  const result = await db.updateTable('aid_requests').set({ status: 'assigned', responder_id: responderId, assigned_at: at, updated_at: at })
    .where('id', '=', id).where('status', 'in', ['open', 'offered']).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface RequestFilter {
  orgIds?: readonly string[];
  responderId?: string;
  statuses?: readonly string[];
  limit: number;
}

export async function listRequests(db: Database, filter: RequestFilter): Promise<AidRequestRow[]> {
  let query = db.selectFrom('aid_requests').selectAll();
  if (filter.orgIds) {
    if (filter.orgIds.length === 0) return [];
    query = query.where('org_id', 'in', [...filter.orgIds]);
  }
  if (filter.responderId) {
    const rid = filter.responderId;
    query = query.where((eb) => eb.or([
      eb('responder_id', '=', rid),
      eb('id', 'in', eb.selectFrom('aid_offers').select('request_id').where('responder_id', '=', rid).where('status', '=', 'pending')),
    ]));
  }
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

/** This user's unread mutual-aid notifications, counted per request. */
export async function unreadPerRequest(db: Database, userId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('aid_notifications').select((eb) => ['request_id', eb.fn.countAll().as('c')])
    .where('user_id', '=', userId).where('read_at', 'is', null).groupBy('request_id').execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.c)]));
}

/** The newest request not cancelled of each of these reports, with this user's unread notifications about it. */
export async function helpOfReports(db: Database, userId: string, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db.selectFrom('aid_requests as r')
    .select((eb) => ['r.id', 'r.report_id', 'r.status', 'r.created_at', eb.selectFrom('aid_notifications as n').select((n) => n.fn.countAll().as('c'))
      .whereRef('n.request_id', '=', 'r.id').where('n.user_id', '=', userId).where('n.read_at', 'is', null).as('unread')])
    .where('r.report_id', 'in', [...reportIds]).where('r.status', '!=', 'cancelled').orderBy('r.created_at', 'desc').execute();
}

/** A request from this report that is not closed or cancelled, if any (a report asks for help once at a time). */
export async function findUnfinishedRequestOfReport(db: Database, reportId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('aid_requests').select('id').where('report_id', '=', reportId).where('status', 'not in', ['closed', 'cancelled']).executeTakeFirst();
}

/** When each request of a period was created, assigned and closed (the community picture's response times). */
export async function requestTimesBetween(db: Database, from: string, to: string) {
  return db.selectFrom('aid_requests').select(['org_id', 'created_at', 'assigned_at', 'closed_at', 'status'])
    .where('created_at', '>=', from).where('created_at', '<', to).execute();
}

// ---- offers ----
export async function insertOffers(db: Database, rows: readonly AidOffersTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('aid_offers').values([...rows]).execute();
}

export const findOffer = (db: Database, id: string): Promise<AidOfferRow | undefined> =>
  db.selectFrom('aid_offers').selectAll().where('id', '=', id).executeTakeFirst();

export const listOffersOfRequest = (db: Database, requestId: string): Promise<AidOfferRow[]> =>
  db.selectFrom('aid_offers').selectAll().where('request_id', '=', requestId).orderBy('offered_at').orderBy('score', 'desc').execute();

export const pendingOfferOf = (db: Database, requestId: string, responderId: string): Promise<AidOfferRow | undefined> =>
  db.selectFrom('aid_offers').selectAll().where('request_id', '=', requestId).where('responder_id', '=', responderId).where('status', '=', 'pending').executeTakeFirst();

export const listOffersOfResponder = (db: Database, responderId: string, status?: string): Promise<AidOfferRow[]> => {
  let query = db.selectFrom('aid_offers').selectAll().where('responder_id', '=', responderId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('offered_at', 'desc').execute();
};

export async function answerOffer(db: Database, id: string, changes: Pick<AidOffersTable, 'status' | 'answered_at'> & Partial<AidOffersTable>): Promise<number> {
  const result = await db.updateTable('aid_offers').set(changes).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function loseOtherOffers(db: Database, requestId: string, winnerId: string, at: string): Promise<void> {
  await db.updateTable('aid_offers').set({ status: 'lost', answered_at: at }).where('request_id', '=', requestId)
    .where('id', '!=', winnerId).where('status', '=', 'pending').execute();
}

// ---- grants ----
export async function insertGrant(db: Database, row: AidGrantsTable): Promise<void> {
  await db.insertInto('aid_grants').values(row).execute();
}

export const activeGrant = (db: Database, requestId: string, responderId: string): Promise<AidGrantRow | undefined> =>
  db.selectFrom('aid_grants').selectAll().where('request_id', '=', requestId).where('responder_id', '=', responderId)
    .where('revoked_at', 'is', null).executeTakeFirst();

export const listGrants = (db: Database, requestId: string): Promise<AidGrantRow[]> =>
  db.selectFrom('aid_grants').selectAll().where('request_id', '=', requestId).orderBy('granted_at').execute();

export async function revokeGrants(db: Database, requestId: string, by: string | null, at: string): Promise<number> {
  const result = await db.updateTable('aid_grants').set({ revoked_at: at, revoked_by: by }).where('request_id', '=', requestId)
    .where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- checklist, messages, notes ----
export async function insertTasks(db: Database, rows: readonly AidTasksTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('aid_tasks').values([...rows]).execute();
}

export const listTasks = (db: Database, requestId: string): Promise<AidTaskRow[]> =>
  db.selectFrom('aid_tasks').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();

export async function setTaskDone(db: Database, requestId: string, taskId: string, by: string | null, at: string | null): Promise<number> {
  const result = await db.updateTable('aid_tasks').set({ done_by: by, done_at: at }).where('request_id', '=', requestId).where('id', '=', taskId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type PostTable = 'aid_messages' | 'aid_notes';
export async function insertPost(db: Database, table: PostTable, row: AidPostsTable): Promise<void> {
  await db.insertInto(table).values(row).execute();
}

export const listPosts = (db: Database, table: PostTable, requestId: string): Promise<AidPostRow[]> =>
  db.selectFrom(table).selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();

// ---- notifications and escalations ----
export async function insertNotifications(db: Database, rows: readonly AidNotificationsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('aid_notifications').values(rows.slice(i, i + 500)).execute();
}

export const listNotificationsOf = (db: Database, userId: string, limit: number): Promise<AidNotificationRow[]> =>
  db.selectFrom('aid_notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();

export async function markNotificationsRead(db: Database, userId: string, ids: readonly string[] | null, at: string): Promise<void> {
  let query = db.updateTable('aid_notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    query = query.where('id', 'in', [...ids]);
  }
  await query.execute();
}

/** Records an escalation; false when this one (request, kind, due time) was already sent. */
export async function claimEscalation(db: Database, requestId: string, kind: string, dueAt: string, at: string): Promise<boolean> {
  const result = await db.insertInto('aid_escalations').values({ request_id: requestId, kind, due_at: dueAt, at })
    .onConflict((oc) => oc.columns(['request_id', 'kind', 'due_at']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

// ---- people to tell ----
export interface Recipient {
  id: string;
  email: string;
  locale: string;
}

export const coordinators = (db: Database): Promise<Recipient[]> =>
  db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select(['users.id as id', 'users.email as email', 'users.locale as locale'])
    .where('user_roles.role', '=', 'coordinator').where('users.status', '=', 'active').execute();

export const orgMembers = (db: Database, orgId: string): Promise<Recipient[]> =>
  db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['users.id as id', 'users.email as email', 'users.locale as locale'])
    .where('memberships.org_id', '=', orgId).where('users.status', '=', 'active').execute();

export const userRecipient = (db: Database, userId: string): Promise<Recipient | undefined> =>
  db.selectFrom('users').select(['id', 'email', 'locale']).where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();

export const userNames = async (db: Database, ids: readonly string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
};

export const orgNames = async (db: Database, ids: readonly string[]): Promise<Map<string, { ja: string; en: string }>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name_ja', 'name_en']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { ja: r.name_ja, en: r.name_en }]));
};
