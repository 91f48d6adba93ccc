// Escalation to the coordinators: at once when no responder can be reached or every offer was declined,
// and by the periodic check when a response-time target is breached. Each (request, kind, due time) is
// claimed in aid_escalations first, so it is sent exactly once whichever process or run gets there first.
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../mail/mail.service.js';
import { claimEscalation, coordinators, findRequestForUpdate, listRequests, updateRequest } from './aid.repository.js';
import type { AidRequestRow } from './aid.table.js';
import type { Urgency } from './aid-codes.js';
import { notify } from './aid-notify.js';
import { dueAt, type Targets } from './aid-rules.js';

export type EscalationKind = 'assign' | 'ack' | 'no_responder' | 'all_declined';

/** Inside the caller's transaction; returns false when this escalation had already been sent. */
export async function escalate(trx: Database, config: Config, request: AidRequestRow, kind: EscalationKind, due: string, at: string): Promise<boolean> {
  if (!(await claimEscalation(trx, request.id, kind, due, at))) return false;
  if (!request.escalated_at) await updateRequest(trx, request.id, { escalated_at: at });
  const params = { reason: kind, urgency: request.urgency, category: request.category, due };
  await notify(trx, config, await coordinators(trx), { kind: `escalated_${kind}`, requestId: request.id, params, mail: { template: 'aidEscalation', params } }, at);
  return true;
}

/** When the assigned responder should have started work. */
export const ackDueOf = (r: AidRequestRow, targets: Targets): string | null =>
  r.assigned_at ? dueAt(r.urgency as Urgency, new Date(r.assigned_at), targets).toISOString() : null;

/**
 * The periodic check (`anshin serve`, and tests with an injected clock): an open request past its due
 * time, or an assigned one whose responder has not started by its acknowledgement due time, escalates
 * once. Returns how many escalations went out.
 */
export async function runAidEscalations(db: Database, deps: { config: Config; mailer: Mailer }, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const candidates = await listRequests(db, { statuses: ['open', 'offered', 'assigned'], limit: 10_000 });
  let sent = 0;
  for (const candidate of candidates) {
    const due = candidate.status === 'assigned' ? (candidate.acknowledged_at ? null : ackDueOf(candidate, deps.config.aidTargets)) : candidate.due_at;
    if (!due || Date.parse(due) > now.getTime()) continue;
    const kind: EscalationKind = candidate.status === 'assigned' ? 'ack' : 'assign';
    const done = await db.transaction().execute(async (trx) => {
      const request = await findRequestForUpdate(trx, candidate.id);
      if (!request || request.status !== candidate.status) return false;
      return escalate(trx, deps.config, request, kind, due, at);
    });
    if (done) sent += 1;
  }
  if (sent > 0) await deps.mailer.flush(db);
  return sent;
}
