// What the STIX store writes into the accountability ledger: one entry per TAXII request or import
// batch (the ids and versions accepted), one per revoking version and one per deletion. The hooks run
// inside the store's transaction, so an entry commits with the objects it names, or neither does.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import type { LedgerEventInput } from '../ledger/ledger-events.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import type { StoredBatch } from './store.service.js';
import type { TaxiiCollectionRow } from './taxii.table.js';

const actorOf = (ctx: RequestContext): string | null => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

export function eventsOfStoredBatch(ctx: RequestContext, batch: StoredBatch): LedgerEventInput[] {
  const { collection } = batch;
  const base = { actor: actorOf(ctx), org: collection.org_id, collection: collection.id };
  const events: LedgerEventInput[] = [];
  if (batch.accepted.length > 0) {
    events.push({ ...base, type: 'taxii_objects_accepted', audience: collection.audience, objects: batch.accepted, status: batch.statusId });
  }
  for (const r of batch.revoked) events.push({ ...base, type: 'object_revoked', object: r.id, version: r.version });
  return events;
}

/** The onStored hook of addObjects for objects accepted through TAXII or an import. */
export const ledgerOnStored = (ctx: RequestContext) => async (trx: Database, batch: StoredBatch): Promise<void> => {
  await appendLedgerEvents(trx, eventsOfStoredBatch(ctx, batch));
};

/** The onDeleted hook of deleteObjectVersions. */
export const ledgerOnDeleted = (ctx: RequestContext, collection: TaxiiCollectionRow, stixId: string) => async (trx: Database, versions: number): Promise<void> => {
  await appendLedgerEvents(trx, [{ type: 'object_deleted', actor: actorOf(ctx), org: collection.org_id, collection: collection.id, object: stixId, versions }]);
};
