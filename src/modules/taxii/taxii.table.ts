import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Audience, TlpLevel } from '../stix/tlp.js';

// A coordinator-managed set of member organisations that share with each other.
export interface SharingGroupsTable {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface SharingGroupMembersTable {
  group_id: string;
  org_id: string;
  added_at: string;
}

// A TAXII collection and the audience it serves. Titles come from the organisation or group at read time.
export interface TaxiiCollectionsTable {
  id: string; // UUIDv4
  audience: Audience;
  org_id: string | null; // feed and inbox
  group_id: string | null; // group
  alias: string | null;
  // High-water mark of date_added: never decreases, so a date once handed out is never reused.
  last_date_added: string | null;
  created_at: string;
  // What entries refer to the collection by (a small integer, given by the database on insert).
  entry_key: ColumnType<number, never, never>;
}

// Every version of every STIX object, stored once whatever the number of collections it is in.
export interface StixObjectsTable {
  pk: Generated<number>;
  id_key: number; // idKey(stix_id): what the id lookup (stix_ids) holds
  stix_id: string;
  version: string; // as the object states it: modified, else created, else NO_VERSION
  version_key: string; // the same instant in a fixed-width form that sorts as text
  type: string;
  spec_version: string;
  tlp: TlpLevel;
  created_by_ref: string | null;
  revoked: number; // 0 | 1
  json: string;
}

// The id lookup: idKey(stix_id) → pk, in two tables of this shape (stix_ids and the small stix_ids_recent).
export interface StixIdsTable {
  id_key: number;
  pk: number;
}

// One object version in one collection, with the collection's date_added (unique, increasing).
export interface TaxiiEntriesTable {
  collection_key: number; // taxii_collections.entry_key
  date_added: number; // microseconds since 1970 (UTC); the API shows it as text (formatMicros)
  object_pk: number;
  type: string;
  spec_version: string;
  is_latest: number; // 0 | 1: the newest version of this id in this collection
  is_first: number; // 0 | 1: the oldest version of this id in this collection
}

export interface TaxiiStatusTable {
  id: string; // UUIDv4
  collection_id: string;
  actor_user_id: string | null;
  created_at: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  successes: string; // JSON [{id, version, message?}]
  failures: string; // JSON [{id, version, message}]
}

// Who owns a STIX identity (identity-claims.ts): the organisation that registered it, or the desk (null). Only the
// owner's members name it as a creator or store versions of it.
export interface StixIdentityOwnersTable {
  identity_id: string;
  org_id: string | null;
  registered_at: string;
}

export type TaxiiCollectionRow = Selectable<TaxiiCollectionsTable>;
export type StixObjectRow = Selectable<StixObjectsTable>;
export type NewStixObjectRow = Insertable<StixObjectsTable>;
export type TaxiiEntryRow = Selectable<TaxiiEntriesTable>;
export type TaxiiStatusRow = Selectable<TaxiiStatusTable>;
export type SharingGroupRow = Selectable<SharingGroupsTable>;
