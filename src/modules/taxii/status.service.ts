// Status resources (§4.3): what became of each object of an add-objects request, kept for 7 days
// (the standard asks for at least 24 hours).
import { can } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Outcome, StatusDetail } from './prepare.js';
import { findStatus, insertStatus, purgeStatuses } from './status.repository.js';
import type { TaxiiStatusRow } from './taxii.table.js';
import { formatMicros, microsOf, nowMicros } from './timestamps.js';

export const STATUS_RETENTION_MS = 7 * 24 * 3_600_000;

export interface StatusResource {
  id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
}

const ordered = (outcomes: Outcome[]): StatusDetail[] => [...outcomes].sort((a, b) => a.index - b.index).map((o) => o.detail);

export function statusRow(input: { id: string; collectionId: string; actorUserId: string | null; at: string; successes: Outcome[]; failures: Outcome[] }) {
  return {
    id: input.id,
    collection_id: input.collectionId,
    actor_user_id: input.actorUserId,
    created_at: input.at,
    total_count: input.successes.length + input.failures.length,
    success_count: input.successes.length,
    failure_count: input.failures.length,
    successes: JSON.stringify(ordered(input.successes)),
    failures: JSON.stringify(ordered(input.failures)),
  };
}

export function statusResource(row: TaxiiStatusRow): StatusResource {
  const successes = JSON.parse(row.successes) as StatusDetail[];
  const failures = JSON.parse(row.failures) as StatusDetail[];
  return {
    id: row.id,
    status: 'complete',
    request_timestamp: row.created_at,
    total_count: row.total_count,
    success_count: row.success_count,
    ...(successes.length > 0 ? { successes } : {}),
    failure_count: row.failure_count,
    ...(failures.length > 0 ? { failures } : {}),
    pending_count: 0,
  };
}

/** Stores a status inside the transaction of the request it describes, and forgets old ones. */
export async function saveStatus(db: Database, row: ReturnType<typeof statusRow>): Promise<void> {
  await insertStatus(db, row);
  await purgeStatuses(db, formatMicros(microsOf(row.created_at) - STATUS_RETENTION_MS * 1000));
}

// Whoever made the request, and coordinators, may read its status; to others it does not exist.
export async function getStatus(db: Database, ctx: RequestContext, id: string): Promise<StatusResource> {
  const { actor } = ctx;
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const row = await findStatus(db, id, formatMicros(nowMicros() - STATUS_RETENTION_MS * 1000));
  if (!row || (row.actor_user_id !== actor.userId && !can(actor, 'taxii.status.read-all'))) throw new AppError('not_found');
  return statusResource(row);
}
