// Correlation as a caller sees it: a value's objects, an object's links, and (for coordinators) campaign
// candidates and the values over the guard. A caller learns only about objects they can read, and only about the
// values of the version of each that they can read (heldValues below); reports (kind 'report') appear to
// coordinators only until the reports feature decides who may read them.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { readableObjects } from '../taxii/changes.service.js';
import { isBenign } from './benign.js';
import { findCluster, type ClusterInput } from './clusters.js';
import { findLinkingOccurrences, findOverCorrelated, findSourcesOf, findValue, findValues, type OccurrenceRow } from './correlation.repository.js';
import { heldValues } from './extract.js';
import { detectObservable, normaliseAs, type Observable, type ObservableType } from './normalise.js';
import type { SourceRef } from './correlation.schema.js';

// A lookup reads at most this many sources of a value; campaign candidates scan at most CLUSTER_SCAN occurrences.
export const LOOKUP_LIMIT = 500;
export const CLUSTER_SCAN = 100_000;

type StixObject = Record<string, unknown>;
const nameOf = (o: StixObject): string | null =>
  typeof o.name === 'string' ? o.name : typeof o.value === 'string' ? o.value : null;
const isCoordinator = (ctx: RequestContext) => can(ctx.actor, 'correlation.review');
const keyOf = (o: { type: string; value: string }) => `${o.type}\u0000${o.value}`;
const sourceKey = (r: { source_kind: string; source_id: string }) => `${r.source_kind}|${r.source_id}`;

// Which values correlate for a caller (issue 17). The index says which objects (by STIX id) any version of which ever
// held a value; it is only the candidate list. The rule: a STIX object holds, for a caller, exactly the values of its
// newest version that a collection the caller can read holds (TAXII's access rules, `readableObjects`), and nothing at
// all when that version is revoked (heldValues). So a version in a collection the caller cannot read (another
// organisation's feed or inbox, a sharing group they are not in) never counts, not even as superseding; an older
// version the caller can read stops counting as soon as they can read a newer one; and coordinators, who read every
// collection, get each object's newest stored version — which is also what the index marks `current` and counts in
// `source_count` (indexer.service.ts), so the over-correlation guard and campaign candidates follow current versions.

interface Holder {
  readonly ref: SourceRef;
  // The keys of the values the source holds for this caller; 'all' for reports (not versioned; coordinators only).
  readonly holds: ReadonlySet<string> | 'all';
}

const holdsValue = (holder: Holder | undefined, key: string): holder is Holder =>
  holder !== undefined && (holder.holds === 'all' || holder.holds.has(key));

/** The sources the caller can read, each with its name and the values it holds for them (see heldValues). */
async function readableHolders(db: Database, config: Config, ctx: RequestContext, rows: ReadonlyArray<Omit<OccurrenceRow, 'value_id'>>): Promise<Map<string, Holder>> {
  const stixIds = [...new Set(rows.filter((r) => r.source_kind === 'stix').map((r) => r.source_id))];
  const readable = await readableObjects(db, config, ctx, stixIds);
  const out = new Map<string, Holder>();
  for (const r of rows) {
    if (r.source_kind === 'stix') {
      const found = readable.get(r.source_id);
      if (found) {
        out.set(sourceKey(r), {
          ref: { kind: 'stix', id: r.source_id, type: r.source_type, name: nameOf(found.value) },
          holds: new Set(heldValues(found.value).map(keyOf)),
        });
      }
    } else if (isCoordinator(ctx)) {
      out.set(sourceKey(r), { ref: { kind: r.source_kind, id: r.source_id, type: r.source_type, name: null }, holds: 'all' });
    }
  }
  return out;
}

export function parseObservable(value: string, type: ObservableType | undefined): Observable {
  const found = type ? normaliseAs(type, value) : detectObservable(value);
  if (!found) throw new AppError('invalid_observable', { value: value.slice(0, 100) });
  return found;
}

export async function lookupValue(db: Database, config: Config, ctx: RequestContext, input: { value: string; type?: ObservableType | undefined }) {
  requireAccess({ actor: ctx.actor, permission: 'stix.browse' });
  const observable = parseObservable(input.value, input.type);
  const row = await findValue(db, observable);
  const rows = row ? await findSourcesOf(db, [row.id], LOOKUP_LIMIT) : [];
  const holders = await readableHolders(db, config, ctx, rows);
  const objects = new Map<string, SourceRef>();
  for (const r of rows) {
    const holder = holders.get(sourceKey(r));
    if (holdsValue(holder, keyOf(observable))) objects.set(sourceKey(r), holder.ref);
  }
  const coordinator = isCoordinator(ctx);
  return {
    observable,
    benign: isBenign(observable),
    objects: [...objects.values()],
    // How many sources hold it, and whether it is over the guard, only for those who may see everything.
    ...(coordinator ? { sourceCount: row?.source_count ?? 0, overCorrelated: (row?.source_count ?? 0) > config.correlationMaxLinks } : {}),
  };
}

/**
 * The values of one object version the caller can read (its newest readable one, given by the caller) and the
 * readable objects that hold them too, as the caller sees them (values over the guard link nothing).
 */
export async function linksOfObject(db: Database, config: Config, ctx: RequestContext, object: StixObject) {
  const stixId = String(object.id);
  // Only values the index knows (it may lag the store), so that the values and the links agree.
  const values = await findValues(db, heldValues(object));
  // Values listed as benign after they were indexed link nothing either (heldValues leaves them out). The guard counts
  // the sources holding a value now; a value with fewer may still link versions this caller reads, so no lower bound.
  const linking = values.filter((v) => v.source_count <= config.correlationMaxLinks);
  const rows = (await findSourcesOf(db, linking.map((v) => v.id), config.correlationMaxLinks + 1)).filter((r) => r.source_id !== stixId);
  const holders = await readableHolders(db, config, ctx, rows);
  const byId = new Map(values.map((v) => [v.id, v]));
  const links = new Map<string, SourceRef & { shared: Observable[] }>();
  for (const r of rows) {
    const key = sourceKey(r);
    const holder = holders.get(key);
    const value = byId.get(r.value_id);
    if (!value || !holdsValue(holder, keyOf(value))) continue;
    const link = links.get(key) ?? { ...holder.ref, shared: [] };
    link.shared.push({ type: value.type as ObservableType, value: value.value });
    links.set(key, link);
  }
  const coordinator = isCoordinator(ctx);
  return {
    values: values.map((v) => ({
      type: v.type as ObservableType, value: v.value,
      ...(coordinator ? { sourceCount: v.source_count, overCorrelated: v.source_count > config.correlationMaxLinks } : {}),
    })),
    links: [...links.values()].sort((a, b) => b.shared.length - a.shared.length || (a.id < b.id ? -1 : 1)),
  };
}

export async function listOverCorrelated(db: Database, config: Config, ctx: RequestContext) {
  requireAccess({ actor: ctx.actor, permission: 'correlation.review' });
  const rows = await findOverCorrelated(db, config.correlationMaxLinks, 200);
  return {
    maxLinks: config.correlationMaxLinks,
    items: rows.map((r) => ({ type: r.type as ObservableType, value: r.value, sourceCount: r.source_count, firstSeenAt: r.first_seen_at })),
  };
}

/** Connected components over the values that link, largest first: the coordinators' campaign candidates. */
export async function listCampaignCandidates(db: Database, config: Config, ctx: RequestContext) {
  requireAccess({ actor: ctx.actor, permission: 'correlation.review' });
  const rows = await findLinkingOccurrences(db, config.correlationMaxLinks, CLUSTER_SCAN);
  const clusters = findCluster((rows as ClusterInput[]).filter((r) => !isBenign({ type: r.type as ObservableType, value: r.value })));
  const shown = clusters.slice(0, 50);
  const holders = await readableHolders(db, config, ctx, shown.flatMap((c) => c.members.slice(0, 25)));
  return {
    complete: rows.length < CLUSTER_SCAN,
    items: shown.map((c) => ({
      size: c.members.length,
      // A member is shown only while its newest version still holds one of the cluster's values (and is not revoked).
      members: c.members.slice(0, 25).flatMap((m) => {
        const holder = holders.get(sourceKey(m));
        return holder && c.values.some((v) => holdsValue(holder, keyOf(v))) ? [holder.ref] : [];
      }),
      valueCount: c.values.length,
      values: c.values.slice(0, 20),
    })),
  };
}
