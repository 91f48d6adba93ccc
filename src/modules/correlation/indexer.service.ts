// The observable index is written beside the store, not inside its transactions, so ingest stays fast:
// the indexer follows every collection's entries by a cursor (date_added, increasing and never reused),
// one batch per transaction with the cursor saved in it. Re-reading an entry changes nothing, so it is
// safe to restart, to run in several processes and to drain from tests and the CLI.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { lockForWrite } from '../../db/write-lock.js';
import { collectionMarks, entriesAfter, newestStoredObjects, type CollectionMark } from '../taxii/changes.service.js';
import { saveSighting } from './sightings.repository.js';
import { isBenign } from './benign.js';
import { addOccurrences, ensureValues, findCursor, findCursors, markCurrent, saveCursor } from './correlation.repository.js';
import type { SourceKind } from './correlation.table.js';
import { heldValues, observablesOf } from './extract.js';
import type { Observable } from './normalise.js';

export const INDEX_LOCK = 'anshin.correlation-index';
export const INDEX_BATCH = 2000;

export interface Source {
  readonly kind: SourceKind;
  readonly id: string;
  readonly type?: string; // the STIX type; 'report' by default for reports
}

const keyOf = (o: Observable) => `${o.type}\u0000${o.value}`;

interface Item {
  readonly source: Source;
  readonly observables: readonly Observable[];
  // The values the source holds now; undefined: all of `observables` (a report, not versioned).
  readonly current?: readonly Observable[];
}

// Records the items' occurrences (benign values left out) and returns how many were new, with the id of each value.
async function indexMany(trx: Database, items: readonly Item[], now: string): Promise<{ added: number; ids: Map<string, number> }> {
  const kept = items.map((item) => ({
    ...item,
    observables: [...item.observables, ...(item.current ?? [])].filter((o) => !isBenign(o)),
    current: item.current ? new Set(item.current.map(keyOf)) : undefined,
  }));
  const distinct = new Map(kept.flatMap((item) => item.observables.map((o) => [keyOf(o), o] as const)));
  if (distinct.size === 0) return { added: 0, ids: new Map() };
  const ids = await ensureValues(trx, [...distinct.values()], now);
  const rows = kept.flatMap(({ source, observables, current }) => [...new Set(observables.map(keyOf))].map((key) => ({
    value_id: ids.get(key) as number, source_kind: source.kind, source_id: source.id,
    source_type: source.type ?? (source.kind === 'report' ? 'report' : 'unknown'), seen_at: now,
    current: current === undefined || current.has(key) ? 1 : 0,
  })));
  return { added: await addOccurrences(trx, rows), ids };
}

/**
 * Records that a source (a STIX object or a report) holds these observables (already normalised).
 * Idempotent; benign values are left out. Returns the number of new occurrences.
 */
export async function indexObservables(db: Database, source: Source, observables: readonly Observable[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, INDEX_LOCK);
    return (await indexMany(trx, [{ source, observables }], new Date().toISOString())).added;
  });
}

function parsed(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * A STIX sighting an organisation stored in its own feed or inbox (over TAXII, or "we saw this too") counts as that
 * organisation's sighting of the indicator, one per organisation: the newest it stored.
 */
async function countSightings(trx: Database, orgId: string, entries: ReadonlyArray<{ type: string; stix_id: string; json: string }>): Promise<void> {
  for (const e of entries) {
    if (e.type !== 'sighting') continue;
    const s = parsed(e.json);
    if (typeof s.sighting_of_ref !== 'string' || !s.sighting_of_ref.startsWith('indicator--') || s.revoked === true) continue;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const modified = text(s.modified) ?? new Date().toISOString();
    await saveSighting(trx, {
      indicator_id: s.sighting_of_ref, org_id: orgId, sighting_id: e.stix_id, first_seen: text(s.first_seen), last_seen: text(s.last_seen),
      count: typeof s.count === 'number' && Number.isInteger(s.count) && s.count >= 1 ? s.count : 1, created_at: text(s.created) ?? modified, updated_at: modified,
    });
  }
}

// One batch of one collection; false when the collection had nothing more.
async function indexBatch(db: Database, mark: CollectionMark, batch: number, totals: DrainResult): Promise<boolean> {
  const collectionId = mark.id;
  return db.transaction().execute(async (trx) => {
    await lockForWrite(trx, INDEX_LOCK);
    const entries = await entriesAfter(trx, collectionId, await findCursor(trx, collectionId), batch);
    if (entries.length === 0) return false;
    const now = new Date().toISOString();
    // Each object's occurrences are the values any of its versions held (the candidates callers filter), and those its
    // newest stored version holds are marked current: a newer version, here or in another collection, supersedes.
    const newest = await newestStoredObjects(trx, entries);
    const current = (stixId: string) => heldValues(newest.get(stixId)?.object ?? { revoked: true });
    const items = entries.map((e) => ({
      source: { kind: 'stix' as const, id: e.stix_id, type: e.type }, observables: observablesOf(parsed(e.json)), current: current(e.stix_id),
    }));
    const { added, ids } = await indexMany(trx, items, now);
    totals.occurrences += added;
    // New occurrences were inserted marked; older ones can differ only for an object with several stored versions.
    const versioned = entries.filter((e) => (newest.get(e.stix_id)?.versions ?? 1) > 1);
    await markCurrent(trx, new Map(versioned.map((e) => [e.stix_id, new Set(current(e.stix_id).map((o) => ids.get(keyOf(o)) as number))])));
    if (mark.org_id) await countSightings(trx, mark.org_id, entries);
    totals.entries += entries.length;
    await saveCursor(trx, collectionId, (entries[entries.length - 1] as { date_added: string }).date_added, now);
    return entries.length === batch;
  });
}

export interface DrainResult {
  entries: number; // collection entries read
  occurrences: number; // new occurrences recorded
}

async function collectionsBehind(db: Database) {
  const cursors = await findCursors(db);
  return (await collectionMarks(db)).filter((m) => (cursors.get(m.id) ?? '') < m.last_date_added);
}

/** Indexes everything the store holds that the index has not seen yet, then returns. */
export async function drainIndex(db: Database, options: { batch?: number } = {}): Promise<DrainResult> {
  const totals: DrainResult = { entries: 0, occurrences: 0 };
  for (const mark of await collectionsBehind(db)) {
    while (await indexBatch(db, mark, options.batch ?? INDEX_BATCH, totals));
  }
  return totals;
}

/** At most one batch of the first collection that is behind; true when more is waiting. */
export async function indexStep(db: Database, totals: DrainResult, batch = INDEX_BATCH): Promise<boolean> {
  const behind = await collectionsBehind(db);
  const first = behind[0];
  if (!first) return false;
  return (await indexBatch(db, first, batch, totals)) || behind.length > 1;
}

// While the store is being loaded, the indexer takes at most this share of the process's time: the index may lag
// (it is eventually consistent), writes and reads may not. On SQLite one connection serves both.
export const INDEXER_SHARE = 0.25;
// Small steps in the background: a request waiting for SQLite's one connection waits for at most one of them.
export const BACKGROUND_BATCH = 250;

export interface Indexer {
  stop(): Promise<void>;
}

/** Drains the index every `intervalMs` until stopped; a failure is logged and retried on the next round. */
export function startIndexer(db: Database, deps: { log: FastifyBaseLogger; intervalMs: number }): Indexer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let done: DrainResult = { entries: 0, occurrences: 0 };
  const round = async () => {
    let delay = deps.intervalMs;
    try {
      const started = performance.now();
      const more = await indexStep(db, done, BACKGROUND_BATCH);
      if (more) delay = Math.max(1, ((performance.now() - started) * (1 - INDEXER_SHARE)) / INDEXER_SHARE);
      else if (done.entries > 0) {
        deps.log.info({ correlation: done }, 'correlation index updated');
        done = { entries: 0, occurrences: 0 };
      }
    } catch (error) {
      deps.log.error({ err: error }, 'correlation indexing failed');
    }
    if (!stopped) timer = setTimeout(() => { running = round(); }, delay);
  };
  running = round();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
