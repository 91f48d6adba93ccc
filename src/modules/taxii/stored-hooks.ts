// What happens, inside the store's transaction, when objects arrive through TAXII or an import: the
// ledger records them, and what a member sends to its organisation's inbox becomes a submitted
// report, so it enters the same review as a written one.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { reportFromInbox } from '../reports/inbox-intake.js';
import { ledgerOnStored } from './ledger-hooks.js';
import type { StoredBatch } from './store.service.js';

type StixObject = Record<string, unknown>;
const isObject = (v: unknown): v is StixObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const onStoredFrom = (ctx: RequestContext, objects: readonly unknown[]) => async (trx: Database, batch: StoredBatch): Promise<void> => {
  await ledgerOnStored(ctx)(trx, batch);
  const { collection } = batch;
  if (collection.audience !== 'inbox' || !collection.org_id || batch.accepted.length === 0) return;
  const accepted = new Set(batch.accepted.map((a) => a.id));
  const arrived = objects.filter((o): o is StixObject => isObject(o) && typeof o.id === 'string' && accepted.has(o.id));
  await reportFromInbox(trx, ctx, { orgId: collection.org_id, statusId: batch.statusId, objects: arrived });
};
