import type { Database } from '../../db/database.js';
import { ilikeContains, ilikePrefix } from '../../db/like.js';
import type { AuditEventRow, NewAuditEventRow } from './audit.table.js';

export async function insertAuditEvent(db: Database, row: NewAuditEventRow): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  orgId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export type AuditEventWithActor = AuditEventRow & { actor_email: string | null };

export async function searchAuditEvents(db: Database, filter: AuditFilter): Promise<AuditEventWithActor[]> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .selectAll('audit_events')
    .select('users.email as actor_email');
  if (filter.action) query = query.where(ilikePrefix('audit_events.action', filter.action));
  if (filter.actorId) query = query.where('audit_events.actor_user_id', '=', filter.actorId);
  if (filter.orgId) query = query.where('audit_events.org_id', '=', filter.orgId);
  if (filter.from) query = query.where('audit_events.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_events.at', '<=', filter.to);
  if (filter.before !== undefined) query = query.where('audit_events.id', '<', filter.before);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        ilikeContains('audit_events.details', q),
        ilikeContains('audit_events.target_id', q),
        ilikeContains('users.email', q),
        ilikeContains('audit_events.request_id', q),
        ilikeContains('audit_events.ip', q),
      ]),
    );
  }
  return query.orderBy('audit_events.id', 'desc').limit(filter.limit).execute();
}

