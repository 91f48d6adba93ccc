// One object in the threat-intel browser: its latest version the caller can read, its versions, the
// collections that hold it, and the relationships and sightings one hop away — all only as far as the
// caller can read them. What they can read nowhere does not exist for them (404).
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { ObjectDetail } from './browse.schema.js';
import { findEntriesOfVersions, findObjectsMatching, findReferringCandidates } from './browse.repository.js';
import { refOf, scopeOf, type Scope } from './browse.service.js';
import { edgesOf, nameOf, typeOfId, type Edge } from './browse-summary.js';
import { STIX_ID } from './filters.js';
import { findStoredVersions } from './store.repository.js';
import type { TlpLevel } from '../stix/tlp.js';

// The search for relationships that point at an object reads at most this many of the newest stored
// object versions (the store keeps no index of references); the graph shows at most MAX_EDGES edges.
export const RELATED_SCAN = 200_000;
export const MAX_EDGES = 100;

type StixObject = Record<string, unknown>;

/** Every version of these objects that a collection the caller can read holds, one row per collection. */
async function readableVersions(db: Database, scope: Scope, stixIds: readonly string[]) {
  const versions = await findStoredVersions(db, stixIds);
  return (await findEntriesOfVersions(db, versions)).filter((h) => scope.readable.has(h.collection_id));
}

/** The newest readable version of each of these objects, parsed, with its TLP level. */
export async function latestReadable(db: Database, scope: Scope, stixIds: readonly string[]): Promise<Map<string, { value: StixObject; tlp: TlpLevel }>> {
  const newest = new Map<string, { pk: number; version_key: string }>();
  for (const held of await readableVersions(db, scope, stixIds)) {
    const known = newest.get(held.stix_id);
    if (!known || held.version_key > known.version_key) newest.set(held.stix_id, held);
  }
  const stored = await findObjectsMatching(db, [...newest.values()].map((v) => v.pk), { contains: [] });
  return new Map(stored.map((o) => [o.stix_id, { value: JSON.parse(o.json) as StixObject, tlp: o.tlp }]));
}

export async function getIntelObject(db: Database, config: Config, ctx: RequestContext, stixId: string): Promise<ObjectDetail> {
  const scope = await scopeOf(db, config, ctx);
  const held = STIX_ID.test(stixId) ? await readableVersions(db, scope, [stixId]) : [];
  if (held.length === 0) throw new AppError('not_found');
  const byVersion = new Map<number, { modified: string; dateAdded: string; key: string }>();
  for (const h of held) {
    const known = byVersion.get(h.pk);
    if (!known || h.date_added < known.dateAdded) byVersion.set(h.pk, { modified: h.version, dateAdded: h.date_added, key: h.version_key });
  }
  const latest = (await latestReadable(db, scope, [stixId])).get(stixId);
  if (!latest) throw new AppError('not_found');
  const collectionIds = [...new Set(held.map((h) => h.collection_id))];
  return {
    object: latest.value,
    tlp: latest.tlp,
    name: nameOf(latest.value),
    versions: [...byVersion.values()].sort((a, b) => (a.key < b.key ? 1 : -1)).map(({ modified, dateAdded }) => ({ modified, dateAdded })),
    collections: scope.visible.filter(({ row }) => collectionIds.includes(row.id)).map(({ row }) => refOf(row)),
    related: await relatedOf(db, scope, latest.value),
  };
}

const edgeKey = (e: Edge) => `${e.relationshipType}|${e.source}|${e.target}|${e.id}`;

/**
 * The edges one hop from the object: its own (when it is a relationship or a sighting) and those of the
 * readable relationships and sightings that refer to it; the nodes at their ends, named where readable.
 */
async function relatedOf(db: Database, scope: Scope, object: StixObject): Promise<ObjectDetail['related']> {
  const id = object.id as string;
  const { rows, complete: searchedAll } = await findReferringCandidates(db, id, RELATED_SCAN);
  const referring = await latestReadable(db, scope, [...new Set(rows.map((r) => r.stix_id))].filter((r) => r !== id));
  const touches = (e: Edge) => e.source === id || e.target === id;
  const all = new Map<string, Edge>();
  for (const edge of [...edgesOf(object), ...[...referring.values()].flatMap(({ value }) => edgesOf(value).filter(touches))]) {
    all.set(edgeKey(edge), edge);
  }
  const sorted = [...all.values()].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1));
  const edges = sorted.slice(0, MAX_EDGES);
  const ends = [...new Set(edges.flatMap((e) => [e.source, e.target]))].filter((end) => end !== id);
  const named = await latestReadable(db, scope, ends.filter((end) => STIX_ID.test(end)));
  const nodes = [
    { id, type: typeOfId(id), name: nameOf(object), readable: true },
    ...ends.map((end) => {
      const found = named.get(end);
      return { id: end, type: typeOfId(end), name: found ? nameOf(found.value) : null, readable: found !== undefined };
    }),
  ];
  return { nodes, edges, complete: searchedAll && sorted.length <= MAX_EDGES };
}
