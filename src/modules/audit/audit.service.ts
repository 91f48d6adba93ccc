import type { RequestContext } from '../../auth/actor.js';
import { requireAccess } from '../../auth/access.js';
import type { Database } from '../../db/database.js';
import { insertAuditEvent, searchAuditEvents, type AuditFilter } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  orgId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  // For actions taken before anyone is signed in (sign-in, set-up): who it was about.
  actorUserId?: string | null;
}

// Called by services inside their transaction, so the action and its record commit together.
export async function recordAudit(db: Database, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    at: new Date().toISOString(),
    actor_user_id: entry.actorUserId ?? (ctx.actor.kind === 'user' ? ctx.actor.userId : null),
    org_id: entry.orgId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    request_id: ctx.requestId,
    ip: ctx.ip,
    details: JSON.stringify(entry.details ?? {}),
  });
}

export async function searchAudit(db: Database, ctx: RequestContext, filter: AuditFilter) {
  requireAccess({ actor: ctx.actor, permission: 'audit.read' });
  const rows = await searchAuditEvents(db, filter);
  const items = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    orgId: row.org_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    requestId: row.request_id,
    ip: row.ip,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
  const last = items[items.length - 1];
  return { items, nextBefore: items.length === filter.limit && last ? last.id : null };
}
