// Correlation as a caller sees it: a value's objects, an object's links, and (for coordinators) campaign
// candidates and the values over the guard. A caller learns only about objects they can read; reports
// (kind 'report') appear to coordinators only until the reports feature decides who may read them.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { readableObjects } from '../taxii/changes.service.js';
import { isBenign } from './benign.js';
import { findCluster, type ClusterInput } from './clusters.js';
import { findLinkingOccurrences, findOverCorrelated, findSourcesOf, findValue, findValuesOfSource, type OccurrenceRow } from './correlation.repository.js';
import { detectObservable, normaliseAs, type Observable, type ObservableType } from './normalise.js';
import type { SourceRef } from './correlation.schema.js';

// A lookup reads at most this many sources of a value; campaign candidates scan at most CLUSTER_SCAN occurrences.
export const LOOKUP_LIMIT = 500;
export const CLUSTER_SCAN = 100_000;

type StixObject = Record<string, unknown>;
const nameOf = (o: StixObject): string | null =>
  typeof o.name === 'string' ? o.name : typeof o.value === 'string' ? o.value : null;
const isCoordinator = (ctx: RequestContext) => can(ctx.actor, 'correlation.review');

/** The occurrences whose source the caller can read, each as a reference with its name. */
async function visibleSources(db: Database, config: Config, ctx: RequestContext, rows: ReadonlyArray<Omit<OccurrenceRow, 'value_id'>>): Promise<Map<string, SourceRef>> {
  const stixIds = [...new Set(rows.filter((r) => r.source_kind === 'stix').map((r) => r.source_id))];
  const readable = await readableObjects(db, config, ctx, stixIds);
  const out = new Map<string, SourceRef>();
  for (const r of rows) {
    const key = `${r.source_kind}|${r.source_id}`;
    if (r.source_kind === 'stix') {
      const found = readable.get(r.source_id);
      if (found) out.set(key, { kind: 'stix', id: r.source_id, type: r.source_type, name: nameOf(found.value) });
    } else if (isCoordinator(ctx)) {
      out.set(key, { kind: r.source_kind, id: r.source_id, type: r.source_type, name: null });
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
  const sources = row ? await visibleSources(db, config, ctx, await findSourcesOf(db, [row.id], LOOKUP_LIMIT)) : new Map();
  const coordinator = isCoordinator(ctx);
  return {
    observable,
    benign: isBenign(observable),
    objects: [...sources.values()],
    // How many sources hold it, and whether it is over the guard, only for those who may see everything.
    ...(coordinator ? { sourceCount: row?.source_count ?? 0, overCorrelated: (row?.source_count ?? 0) > config.correlationMaxLinks } : {}),
  };
}

/** The values an object holds and the readable objects that share them (values over the guard link nothing). */
export async function linksOfObject(db: Database, config: Config, ctx: RequestContext, stixId: string) {
  const values = await findValuesOfSource(db, 'stix', stixId);
  // Values listed as benign after they were indexed link nothing either.
  const linking = values.filter((v) => v.source_count >= 2 && v.source_count <= config.correlationMaxLinks
    && !isBenign({ type: v.type as ObservableType, value: v.value }));
  const rows = (await findSourcesOf(db, linking.map((v) => v.id), config.correlationMaxLinks + 1)).filter((r) => r.source_id !== stixId);
  const visible = await visibleSources(db, config, ctx, rows);
  const byId = new Map(values.map((v) => [v.id, v]));
  const links = new Map<string, SourceRef & { shared: Observable[] }>();
  for (const r of rows) {
    const key = `${r.source_kind}|${r.source_id}`;
    const ref = visible.get(key);
    const value = byId.get(r.value_id);
    if (!ref || !value) continue;
    const link = links.get(key) ?? { ...ref, shared: [] };
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
  const visible = await visibleSources(db, config, ctx, shown.flatMap((c) => c.members.slice(0, 25)));
  return {
    complete: rows.length < CLUSTER_SCAN,
    items: shown.map((c) => ({
      size: c.members.length,
      members: c.members.slice(0, 25).flatMap((m) => {
        const ref = visible.get(`${m.source_kind}|${m.source_id}`);
        return ref ? [ref] : [];
      }),
      valueCount: c.values.length,
      values: c.values.slice(0, 20),
    })),
  };
}
