import type { Kysely } from 'kysely';
import type { ApiTokensTable, LoginAttemptsTable, OneTimeLinksTable, SessionsTable } from '../auth/auth.table.js';
import type { AuditEventsTable } from '../modules/audit/audit.table.js';
import type {
  CorrelationCursorsTable, CorrelationOccurrencesTable, CorrelationSightingsTable, CorrelationValuesTable,
} from '../modules/correlation/correlation.table.js';
import type { OutboxTable } from '../modules/mail/mail.table.js';
import type { OrgDomainsTable, OrgIpRangesTable, OrganisationsTable } from '../modules/orgs/orgs.table.js';
import type {
  SharingGroupMembersTable, SharingGroupsTable, StixObjectsTable, TaxiiCollectionsTable, TaxiiEntriesTable, TaxiiStatusTable,
} from '../modules/taxii/taxii.table.js';
import type { MembershipsTable, UserRolesTable, UsersTable } from '../modules/users/users.table.js';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Tables {
  organisations: OrganisationsTable;
  org_domains: OrgDomainsTable;
  org_ip_ranges: OrgIpRangesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  one_time_links: OneTimeLinksTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  settings: SettingsTable;
  sharing_groups: SharingGroupsTable;
  sharing_group_members: SharingGroupMembersTable;
  taxii_collections: TaxiiCollectionsTable;
  stix_objects: StixObjectsTable;
  taxii_entries: TaxiiEntriesTable;
  taxii_status: TaxiiStatusTable;
  correlation_values: CorrelationValuesTable;
  correlation_occurrences: CorrelationOccurrencesTable;
  correlation_cursors: CorrelationCursorsTable;
  correlation_sightings: CorrelationSightingsTable;
}

export type Database = Kysely<Tables>;
