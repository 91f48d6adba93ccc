// The STIX store's writes. addObjects is the one way objects enter a collection: TAXII, the CLI
// importer and the benchmarks all call it. It checks no permissions: its callers do.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { refreshPlannerStatistics } from '../../db/statistics.js';
import { lockForWrite } from '../../db/write-lock.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { TlpLevel } from '../stix/tlp.js';
import { planAdd, type Plan } from './add-plan.js';
import { findCollection } from './collections.repository.js';
import { findEntriesToDelete } from './entries.repository.js';
import { idKey } from './id-key.js';
import type { VersionMatch } from './filters.js';
import { identitiesNamedBy, markingsToLookUp, settleObjects, validateObjects, type Prepared, type PrepareOptions, type PreparedObject } from './prepare.js';
import { saveStatus, statusResource, statusRow, type StatusResource } from './status.service.js';
import {
  clearMarker, deleteEntries, deleteOrphanObjects, findEntryPks, findObjectJson, findStoredVersions, insertEntries,
  insertObjects, lastDateAdded, setLastDateAdded, type StoredVersion,
} from './store.repository.js';
import type { TaxiiCollectionRow } from './taxii.table.js';
import { firstDateAdded, formatMicros, nowMicros } from './timestamps.js';
import { identityClaims, registerIdentities } from './identity-claims.js';

// Every write to the store takes this lock: date_added stays strictly increasing per collection,
// and versioning rules see every version stored before them.
export const STORE_WRITE_LOCK = 'anshin.stix-store';

export interface StoreContext {
  readonly request: RequestContext;
  readonly defaultTlp: TlpLevel;
  // Runs inside the store's transaction (the ledger entry commits with the objects, or neither does).
  readonly onStored?: (trx: Database, stored: StoredBatch) => Promise<void>;
  // Identities the operator gave a reliability (CONFIDENCE_RELIABILITY): like the desk's, only coordinators name them.
  readonly trustedSources?: readonly string[];
}

export interface StoredBatch {
  collection: TaxiiCollectionRow;
  statusId: string;
  accepted: Array<{ id: string; version: string }>;
  revoked: Array<{ id: string; version: string }>; // new versions that revoke their object
}

export interface AddResult {
  status: StatusResource;
  added: number; // new entries in the collection; the status's other successes were already there
}

/**
 * Validates the objects in memory, then stores in one transaction those that may be placed in the
 * collection, with a status resource (§4.3.1) and one audit row. Objects that fail change nothing.
 */
export async function addObjects(db: Database, ctx: StoreContext, collectionId: string, objects: readonly unknown[]): Promise<AddResult> {
  const input = await prepareFor(db, ctx, collectionId, objects);
  const result = await db.transaction().execute(async (trx) => {
    await lockStore(trx);
    return storePrepared(trx, ctx, input);
  });
  await refreshStatisticsOnGrowth(db, result.stored);
  return { status: result.status, added: result.added };
}

/**
 * addObjects inside the caller's transaction, which must hold the store's lock (`lockStore`): for
 * writes that commit together with other changes, such as a publication placed in several collections.
 */
export async function addObjectsWithin(trx: Database, ctx: StoreContext, collectionId: string, objects: readonly unknown[]): Promise<AddResult> {
  const { status, added } = await storePrepared(trx, ctx, await prepareFor(trx, ctx, collectionId, objects));
  return { status, added };
}

export const lockStore = (trx: Database): Promise<void> => lockForWrite(trx, STORE_WRITE_LOCK);

interface PreparedInput {
  collection: TaxiiCollectionRow;
  receivedAt: string;
  validated: Prepared;
  options: PrepareOptions;
}

// Validation happens before the lock is taken, so that writers wait for each other only while storing.
// Objects of another STIX version fail one by one, like any other invalid object (issue 17).
async function prepareFor(db: Database, ctx: StoreContext, collectionId: string, objects: readonly unknown[]): Promise<PreparedInput> {
  const collection = await findCollection(db, collectionId);
  if (!collection) throw new AppError('not_found');
  const receivedAt = formatMicros(nowMicros());
  const storedMarkings = await findStoredMarkings(db, markingsToLookUp(objects));
  const options: PrepareOptions = { audience: collection.audience, defaultTlp: ctx.defaultTlp, locale: ctx.request.locale, storedMarkings };
  return { collection, receivedAt, validated: validateObjects(objects, options), options };
}

// Under the lock: who owns the identities the objects name is decided here, so that of two first writers of an
// identity one owns it and the other's objects naming it are refused (identity-claims.ts).
async function settle(trx: Database, ctx: StoreContext, { collection, validated, options }: PreparedInput) {
  const named = new Set(validated.prepared.flatMap(identitiesNamedBy));
  const claims = await identityClaims(trx, ctx.request, ctx.trustedSources ?? [], collection, named);
  const { mayClaim } = claims;
  return { claims, ...settleObjects(validated, mayClaim ? { ...options, mayClaim } : options) };
}

// The marking definitions among these ids that the store holds, in any collection.
async function findStoredMarkings(db: Database, ids: readonly string[]): Promise<Set<string>> {
  return new Set(ids.length > 0 ? (await findStoredVersions(db, ids)).map((version) => version.stix_id) : []);
}

async function storePrepared(trx: Database, ctx: StoreContext, input: PreparedInput) {
  const { collection, receivedAt } = input;
  const { claims, prepared, failures } = await settle(trx, ctx, input);
  const planned = await makePlan(trx, collection.id, prepared, ctx);
  const stored = await applyPlan(trx, collection, planned);
  const { plan } = planned;
  const accepted = new Set(plan.successes.map((o) => o.index));
  await registerIdentities(trx, claims, prepared.filter((p) => accepted.has(p.index)).flatMap(identitiesNamedBy));
  const row = statusRow({
    id: randomUUID(), collectionId: collection.id, at: receivedAt,
    actorUserId: ctx.request.actor.kind === 'user' ? ctx.request.actor.userId : null,
    successes: plan.successes, failures: [...failures, ...plan.failures],
  });
  await saveStatus(trx, row);
  await ctx.onStored?.(trx, {
    collection, statusId: row.id, accepted: plan.successes.map((o) => ({ id: o.detail.id, version: o.detail.version })),
    revoked: plan.newObjects.filter((o) => o.revoked).map((o) => ({ id: o.stixId, version: o.version })),
  });
  await recordAudit(trx, ctx.request, {
    action: 'taxii.objects_added', orgId: collection.org_id, targetType: 'taxii_collection', targetId: collection.id,
    details: { statusId: row.id, total: row.total_count, success: row.success_count, failure: row.failure_count, added: plan.entries.length },
  });
  return { status: statusResource(row), added: plan.entries.length, stored };
}

// PostgreSQL plans from statistics that nothing may refresh (autovacuum off, or a load faster than it):
// ANALYZE when the store holds 20,000 object versions and each time it has doubled since
// (bench/RESULTS.md, issue 3). The pk of the newest version counts them closely enough, and costs nothing.
export const FIRST_STATISTICS_REFRESH = 20_000;
// Without statistics of the id lookup's tables, PostgreSQL reads a whole table for a batch's 1,000 ids (bench/RESULTS.md).
export const STORE_TABLES = ['stix_objects', 'stix_ids', 'stix_ids_recent', 'taxii_entries'] as const;
const statisticsRefreshedAt = new WeakMap<Database, number>();

async function refreshStatisticsOnGrowth(db: Database, highestPk: number): Promise<void> {
  if (highestPk < Math.max(FIRST_STATISTICS_REFRESH, (statisticsRefreshedAt.get(db) ?? 0) * 2)) return;
  statisticsRefreshedAt.set(db, highestPk);
  await refreshPlannerStatistics(db, STORE_TABLES);
}

// The plan speaks of ids and versions; the stored versions tie it to rows, which entries refer to by pk.
interface Planned {
  stored: StoredVersion[];
  plan: Plan;
}

async function makePlan(trx: Database, collectionId: string, objects: PreparedObject[], ctx: StoreContext): Promise<Planned> {
  const stored = await findStoredVersions(trx, [...new Set(objects.map((o) => o.stixId))]);
  const incoming = new Set(objects.map((o) => `${o.stixId}|${o.versionKey}`));
  const collisions = stored.filter((s) => incoming.has(`${s.stix_id}|${s.version_key}`)).map((s) => s.pk);
  const held = new Set(stored.length > 0 ? await findEntryPks(trx, collectionId, stored.map((s) => s.pk)) : []);
  const plan = planAdd({
    objects,
    stored,
    storedJson: collisions.length > 0 ? await findObjectJson(trx, collisions) : new Map(),
    entryKeys: stored.filter((s) => held.has(s.pk)),
    locale: ctx.request.locale,
  });
  return { stored, plan };
}

const objectRow = (o: PreparedObject) => ({
  id_key: idKey(o.stixId), stix_id: o.stixId, version: o.version, version_key: o.versionKey, type: o.type, spec_version: o.specVersion,
  tlp: o.tlp, created_by_ref: o.createdByRef, revoked: o.revoked ? 1 : 0, json: o.json,
});

// Returns the highest pk of the versions it stored (0 when none).
async function applyPlan(trx: Database, collection: TaxiiCollectionRow, { stored, plan }: Planned): Promise<number> {
  const inserted = await insertObjects(trx, plan.newObjects.map(objectRow));
  const pkOf = new Map(inserted.map((row) => [`${row.stix_id}|${row.version_key}`, row.pk]));
  const pksOf = (ids: string[]) => {
    const wanted = new Set(ids);
    return stored.filter((s) => wanted.has(s.stix_id)).map((s) => s.pk);
  };
  await clearMarker(trx, collection.id, 'is_latest', pksOf(plan.clearLatest));
  await clearMarker(trx, collection.id, 'is_first', pksOf(plan.clearFirst));
  const highestPk = inserted.reduce((max, row) => Math.max(max, row.pk), 0);
  if (plan.entries.length === 0) return highestPk;
  // date_added: strictly increasing per collection, one microsecond apart, after the last one handed out.
  const start = firstDateAdded(await lastDateAdded(trx, collection.id));
  await insertEntries(trx, plan.entries.map((e, i) => ({
    collection_key: collection.entry_key, date_added: start + i,
    object_pk: e.storedPk ?? (pkOf.get(`${e.stixId}|${e.versionKey}`) as number),
    type: e.type, spec_version: e.specVersion, is_latest: e.isLatest ? 1 : 0, is_first: e.isFirst ? 1 : 0,
  })));
  await setLastDateAdded(trx, collection.id, formatMicros(start + plan.entries.length - 1));
  return highestPk;
}

/**
 * Removes versions of one object from a collection (§5.7): all of them unless `versions` narrows it.
 * Versions no other collection holds leave the store. Not found when nothing matches.
 */
export async function deleteObjectVersions(
  db: Database, ctx: RequestContext, collection: TaxiiCollectionRow, stixId: string,
  filter: { versions: VersionMatch; specVersions?: readonly string[] | undefined },
  onDeleted?: (trx: Database, versions: number) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, STORE_WRITE_LOCK);
    const versions = await findStoredVersions(trx, [stixId]);
    const doomed = await findEntriesToDelete(trx, { collectionId: collection.id, pks: versions.map((v) => v.pk), versions: filter.versions, specVersions: filter.specVersions });
    if (doomed.length === 0) throw new AppError('not_found');
    await deleteEntries(trx, collection.id, versions, doomed);
    await deleteOrphanObjects(trx, doomed);
    await recordAudit(trx, ctx, {
      action: 'taxii.objects_deleted', orgId: collection.org_id, targetType: 'taxii_collection', targetId: collection.id,
      details: { stixId, versions: doomed.length },
    });
    await onDeleted?.(trx, doomed.length);
    return doomed.length;
  });
}
