// The observable index: values, where they occur, the indexer's cursors. Every read is an index range.
import type { Database } from '../../db/database.js';
import type { Observable } from './normalise.js';
import type { CorrelationValueRow, SourceKind } from './correlation.table.js';

// SQLite allows at most 32766 bound parameters per statement; rows here bind at most six each.
const CHUNK = 500;
const chunks = <T>(values: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
};
const keyOf = (type: string, value: string) => `${type}\u0000${value}`;

/** The id of each value, inserting those not yet known. */
export async function ensureValues(db: Database, observables: readonly Observable[], now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(observables)) {
    await db.insertInto('correlation_values')
      .values(part.map((o) => ({ type: o.type, value: o.value, source_count: 0, first_seen_at: now })))
      .onConflict((oc) => oc.columns(['type', 'value']).doNothing())
      .execute();
    // By type, so that each probe uses the (type, value) index.
    for (const type of new Set(part.map((o) => o.type))) {
      const rows = await db.selectFrom('correlation_values').select(['id', 'value'])
        .where('type', '=', type).where('value', 'in', [...new Set(part.filter((o) => o.type === type).map((o) => o.value))]).execute();
      for (const row of rows) ids.set(keyOf(type, row.value), Number(row.id));
    }
  }
  return ids;
}

export interface OccurrenceInput {
  value_id: number;
  source_kind: SourceKind;
  source_id: string;
  source_type: string;
  seen_at: string;
  current: number; // 0 | 1
}

// Adds `by` to the source_count of each value, grouped so that equal increments are one statement.
async function addToCounts(db: Database, counts: ReadonlyMap<number, number>): Promise<void> {
  const byIncrement = new Map<number, number[]>();
  for (const [id, n] of counts) if (n !== 0) byIncrement.set(n, [...(byIncrement.get(n) ?? []), id]);
  for (const [n, ids] of byIncrement) {
    for (const part of chunks(ids)) {
      await db.updateTable('correlation_values').set((eb) => ({ source_count: eb('source_count', '+', n) })).where('id', 'in', part).execute();
    }
  }
}

/** Inserts the occurrences not yet recorded and counts the current ones on their values; returns how many were new. */
export async function addOccurrences(db: Database, rows: readonly OccurrenceInput[]): Promise<number> {
  const counted = new Map<number, number>();
  let added = 0;
  for (const part of chunks(rows)) {
    const inserted = await db.insertInto('correlation_occurrences').values([...part])
      .onConflict((oc) => oc.columns(['value_id', 'source_kind', 'source_id']).doNothing())
      .returning(['value_id', 'current']).execute();
    added += inserted.length;
    for (const { value_id, current } of inserted) if (Number(current) === 1) counted.set(Number(value_id), (counted.get(Number(value_id)) ?? 0) + 1);
  }
  await addToCounts(db, counted);
  return added;
}

/**
 * Marks, for each of these STIX objects, exactly the occurrences of the given values as current (its newest stored
 * version holds them) and its other occurrences as not, keeping source_count equal to the current occurrences.
 */
export async function markCurrent(db: Database, current: ReadonlyMap<string, ReadonlySet<number>>): Promise<void> {
  const counts = new Map<number, number>();
  const flips: Array<{ value_id: number; source_id: string; current: number }> = [];
  for (const part of chunks([...current.keys()])) {
    const rows = await db.selectFrom('correlation_occurrences').select(['value_id', 'source_id', 'current'])
      .where('source_kind', '=', 'stix').where('source_id', 'in', part).execute();
    for (const row of rows) {
      const valueId = Number(row.value_id);
      const now = current.get(row.source_id)?.has(valueId) ? 1 : 0;
      if (now === Number(row.current)) continue;
      flips.push({ value_id: valueId, source_id: row.source_id, current: now });
      counts.set(valueId, (counts.get(valueId) ?? 0) + (now === 1 ? 1 : -1));
    }
  }
  for (const to of [0, 1]) {
    for (const part of chunks(flips.filter((f) => f.current === to))) {
      await db.updateTable('correlation_occurrences').set({ current: to }).where('source_kind', '=', 'stix')
        .where((eb) => eb(eb.refTuple('value_id', 'source_id'), 'in', part.map((f) => eb.tuple(f.value_id, f.source_id)))).execute();
    }
  }
  await addToCounts(db, counts);
}

export async function findValue(db: Database, observable: Observable): Promise<CorrelationValueRow | undefined> {
  return db.selectFrom('correlation_values').selectAll().where('type', '=', observable.type).where('value', '=', observable.value).executeTakeFirst();
}

export interface OccurrenceRow {
  value_id: number;
  source_kind: SourceKind;
  source_id: string;
  source_type: string;
}

/** Up to `limit` sources of each value. */
export async function findSourcesOf(db: Database, valueIds: readonly number[], limit: number): Promise<OccurrenceRow[]> {
  const found: OccurrenceRow[] = [];
  for (const id of valueIds) {
    const rows = await db.selectFrom('correlation_occurrences').select(['value_id', 'source_kind', 'source_id', 'source_type'])
      .where('value_id', '=', id).orderBy('source_kind').orderBy('source_id').limit(limit).execute();
    found.push(...rows.map((r) => ({ ...r, value_id: Number(r.value_id) })));
  }
  return found;
}

/** The rows of these values that the index holds, in the order given (by type, so each probe uses the (type, value) index). */
export async function findValues(db: Database, observables: readonly Observable[]): Promise<CorrelationValueRow[]> {
  const found = new Map<string, CorrelationValueRow>();
  for (const part of chunks(observables)) {
    for (const type of new Set(part.map((o) => o.type))) {
      const rows = await db.selectFrom('correlation_values').selectAll()
        .where('type', '=', type).where('value', 'in', [...new Set(part.filter((o) => o.type === type).map((o) => o.value))]).execute();
      for (const row of rows) found.set(keyOf(row.type, row.value), { ...row, id: Number(row.id) });
    }
  }
  return observables.flatMap((o) => {
    const row = found.get(keyOf(o.type, o.value));
    return row ? [row] : [];
  });
}

/** Values held by more sources than the guard allows, most linked first. */
export async function findOverCorrelated(db: Database, maxLinks: number, limit: number): Promise<CorrelationValueRow[]> {
  const rows = await db.selectFrom('correlation_values').selectAll().where('source_count', '>', maxLinks)
    .orderBy('source_count', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Current occurrences of the values that link (held now by 2..maxLinks sources), at most `limit` rows. */
export async function findLinkingOccurrences(db: Database, maxLinks: number, limit: number): Promise<Array<OccurrenceRow & { type: string; value: string }>> {
  const rows = await db.selectFrom('correlation_values as v').innerJoin('correlation_occurrences as o', 'o.value_id', 'v.id')
    .select(['o.value_id', 'o.source_kind', 'o.source_id', 'o.source_type', 'v.type', 'v.value'])
    .where('v.source_count', '>=', 2).where('v.source_count', '<=', maxLinks).where('o.current', '=', 1)
    .orderBy('o.value_id').limit(limit).execute();
  return rows.map((r) => ({ ...r, value_id: Number(r.value_id) }));
}

export async function findCursors(db: Database): Promise<Map<string, string>> {
  const rows = await db.selectFrom('correlation_cursors').select(['collection_id', 'date_added']).execute();
  return new Map(rows.map((r) => [r.collection_id, r.date_added]));
}

export async function findCursor(db: Database, collectionId: string): Promise<string | null> {
  const row = await db.selectFrom('correlation_cursors').select('date_added').where('collection_id', '=', collectionId).executeTakeFirst();
  return row?.date_added ?? null;
}

export async function saveCursor(db: Database, collectionId: string, dateAdded: string, now: string): Promise<void> {
  await db.insertInto('correlation_cursors').values({ collection_id: collectionId, date_added: dateAdded, updated_at: now })
    .onConflict((oc) => oc.column('collection_id').doUpdateSet({ date_added: dateAdded, updated_at: now }))
    .execute();
}
