// "We saw this too": an organisation's sighting of an indicator, stored as a STIX 2.1 sighting in the
// organisation's own feed (read by it and the coordinators only) and counted here. Others learn only the
// number of distinct organisations, and nothing but "fewer than k" below ANONYMITY_K.
import { randomUUID } from 'node:crypto';
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import { AppError } from '../../errors.js';
import { orgIdentityId } from '../stix/org-identity.js';
import { resolveCaller } from '../taxii/collections.service.js';
import { feedCollectionOf, readableObjects } from '../taxii/changes.service.js';
import { addObjectsWithin, lockStore } from '../taxii/store.service.js';
import { anonymisedCount, indicatorConfidence, sourceReliability } from './confidence.js';
import { findSighting, findSightingsOf, saveSighting } from './sightings.repository.js';
import type { CorrelationSightingRow } from './correlation.table.js';

const TLP_AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
export const MAX_SIGHTING_COUNT = 999_999_999; // STIX 2.1 §5.5: count is 0–999,999,999

export { orgIdentityId };

export interface SightingInput {
  indicatorId: string;
  orgId?: string | undefined;
  firstSeen?: string | undefined;
  lastSeen?: string | undefined;
  count?: number | undefined;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

// STIX timestamps are UTC with a Z; a time from a form may carry an offset.
function stixTime(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (!RFC3339.test(value) || !Number.isFinite(at)) throw new AppError('invalid_sighting', { detail: `${field}: not an RFC 3339 time` });
  if (at > Date.now() + 86_400_000) throw new AppError('invalid_sighting', { detail: `${field}: in the future` });
  return new Date(at).toISOString();
}

function checkedTimes(input: SightingInput): { firstSeen: string | undefined; lastSeen: string | undefined } {
  const firstSeen = stixTime(input.firstSeen, 'firstSeen');
  const lastSeen = stixTime(input.lastSeen, 'lastSeen');
  if (firstSeen && lastSeen && firstSeen > lastSeen) throw new AppError('invalid_sighting', { detail: 'firstSeen is after lastSeen' });
  return { firstSeen, lastSeen };
}

async function sightingOrg(db: Database, config: Config, ctx: RequestContext, wanted: string | undefined): Promise<string> {
  const caller = await resolveCaller(db, config, ctx);
  const orgId = wanted ?? (caller.activeOrgIds.size === 1 ? [...caller.activeOrgIds][0] : undefined);
  if (orgId === undefined) throw new AppError(caller.activeOrgIds.size === 0 ? 'not_found' : 'invalid_sighting', { detail: 'orgId is required' });
  requireAccess({ actor: ctx.actor, permission: 'sighting.create', ids: [orgId] });
  if (!caller.activeOrgIds.has(orgId)) throw new AppError('not_found');
  return orgId;
}

function sightingObject(id: string, created: string, modified: string, input: SightingInput, orgId: string, times: ReturnType<typeof checkedTimes>) {
  const identity = orgIdentityId(orgId);
  return {
    type: 'sighting', spec_version: '2.1', id, created, modified, created_by_ref: identity,
    sighting_of_ref: input.indicatorId, where_sighted_refs: [identity],
    ...(input.count !== undefined ? { count: input.count } : {}),
    ...(times.firstSeen ? { first_seen: times.firstSeen } : {}),
    ...(times.lastSeen ? { last_seen: times.lastSeen } : {}),
    object_marking_refs: [TLP_AMBER],
  };
}

// A new version must be later than the one before, even within one millisecond.
const later = (previous: string | undefined): string => {
  const now = Date.now();
  const before = previous ? Date.parse(previous) : 0;
  return new Date(Math.max(now, before + 1)).toISOString();
};

/** Records (or updates) the organisation's sighting of an indicator the caller can read. */
export async function sightIndicator(db: Database, config: Config, ctx: RequestContext, input: SightingInput) {
  requireAccess({ actor: ctx.actor, permission: 'stix.browse' });
  const indicator = (await readableObjects(db, config, ctx, [input.indicatorId])).get(input.indicatorId);
  if (!indicator || indicator.value.type !== 'indicator') throw new AppError('not_found');
  const orgId = await sightingOrg(db, config, ctx, input.orgId);
  if (input.count !== undefined && (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_SIGHTING_COUNT)) {
    throw new AppError('invalid_sighting', { detail: `count must be an integer from 1 to ${MAX_SIGHTING_COUNT}` });
  }
  const times = checkedTimes(input);
  const feed = await feedCollectionOf(db, orgId);
  if (!feed) throw new AppError('not_found');
  // One transaction under the store's lock: the organisation's sighting is read, versioned, stored with its ledger
  // entry and counted as one step, so simultaneous confirmations by one organisation update one sighting object.
  await db.transaction().execute(async (trx) => {
    await lockStore(trx);
    const existing = await findSighting(trx, input.indicatorId, orgId);
    const id = existing?.sighting_id ?? `sighting--${randomUUID()}`;
    const modified = later(existing?.updated_at);
    const created = existing?.created_at ?? modified;
    const onStored = (inner: Database) => appendLedgerEvents(inner, [{
      type: 'sighting', actor: ctx.actor.kind === 'user' ? ctx.actor.userId : null, org: orgId, object: input.indicatorId, count: input.count ?? 1,
    }]).then(() => undefined);
    const { status } = await addObjectsWithin(trx, { request: ctx, defaultTlp: config.defaultTlp, onStored }, feed, [sightingObject(id, created, modified, input, orgId, times)]);
    if (status.success_count !== 1) throw new AppError('unprocessable', { detail: status.failures?.[0]?.message ?? 'sighting not stored' });
    await saveSighting(trx, {
      indicator_id: input.indicatorId, org_id: orgId, sighting_id: id, first_seen: times.firstSeen ?? null, last_seen: times.lastSeen ?? null,
      count: input.count ?? 1, created_at: created, updated_at: modified,
    });
  });
  return indicatorStanding(db, config, ctx, indicator.value);
}

const mineOf = (r: CorrelationSightingRow) => ({ orgId: r.org_id, sightingId: r.sighting_id, firstSeen: r.first_seen, lastSeen: r.last_seen, count: r.count, updatedAt: r.updated_at });

/**
 * The sightings of an indicator as the caller may see them, and its confidence. Below k, the count is
 * hidden and the confidence shown to non-coordinators leaves the sightings out, so it cannot reveal them.
 */
export async function indicatorStanding(db: Database, config: Config, ctx: RequestContext, indicator: Record<string, unknown>) {
  const rows = await findSightingsOf(db, indicator.id as string);
  const coordinator = can(ctx.actor, 'correlation.review');
  const own = ctx.actor.kind === 'user' ? ctx.actor.orgRoles : new Map();
  const counted = coordinator || rows.length >= config.anonymityK ? rows : [];
  const times = [indicator.modified, indicator.valid_from, indicator.created, ...counted.map((r) => r.last_seen ?? r.updated_at)]
    .filter((t): t is string => typeof t === 'string' && Number.isFinite(Date.parse(t)));
  const lastActive = times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b), times[0] ?? new Date().toISOString());
  const reliability = sourceReliability(indicator, { byIdentity: config.confidenceReliability, fallback: config.confidenceDefaultReliability });
  return {
    sightings: {
      ...(coordinator ? { count: rows.length, fewerThan: null } : anonymisedCount(rows.length, config.anonymityK)),
      k: config.anonymityK,
      mine: rows.filter((r) => own.has(r.org_id)).map(mineOf),
      ...(coordinator ? { byOrg: rows.map((r) => ({ ...mineOf(r), nameJa: r.name_ja, nameEn: r.name_en })) } : {}),
    },
    confidence: indicatorConfidence({
      reliability, sightings: counted.length, lastActive, now: new Date().toISOString(), halfLifeDays: config.confidenceHalfLifeDays,
    }),
  };
}
