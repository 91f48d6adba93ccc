import type { Generated, Selectable } from 'kysely';

export type SourceKind = 'stix' | 'report';

// One normalised observable value (type + value unique) and how many sources hold it now (current occurrences).
export interface CorrelationValuesTable {
  id: Generated<number>;
  type: string;
  value: string;
  source_count: number;
  first_seen_at: string;
}

// A value held by a source: a STIX object (by id, across its versions) or an incident report. For STIX objects this
// is the candidate list: what a caller sees is decided by the version they can read (heldValues in extract.ts,
// correlation.service.ts), so values of versions they cannot read, superseded or revoked never reach them.
export interface CorrelationOccurrencesTable {
  value_id: number;
  source_kind: SourceKind;
  source_id: string;
  source_type: string;
  seen_at: string;
  // 1 while the source's newest stored version holds the value (always for reports), else 0. Only current
  // occurrences are counted in source_count and join campaign candidates.
  current: number;
}

// How far the background indexer has read one collection's entries (date_added, increasing).
export interface CorrelationCursorsTable {
  collection_id: string;
  date_added: string;
  updated_at: string;
}

// One organisation's sighting of one indicator; the STIX sighting itself is in the organisation's feed.
export interface CorrelationSightingsTable {
  indicator_id: string;
  org_id: string;
  sighting_id: string;
  first_seen: string | null;
  last_seen: string | null;
  count: number;
  created_at: string;
  updated_at: string;
}

export type CorrelationValueRow = Selectable<CorrelationValuesTable>;
export type CorrelationSightingRow = Selectable<CorrelationSightingsTable>;
