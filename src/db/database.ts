import type { Kysely } from 'kysely';
import type { ApiTokensTable, LoginAttemptsTable, OneTimeLinksTable, SessionsTable } from '../auth/auth.table.js';
import type { LedgerCheckpointsTable, LedgerCosignaturesTable, LedgerEntriesTable, LedgerKeysTable, LedgerNodesTable } from '../modules/ledger/ledger.table.js';
import type { AuditEventsTable } from '../modules/audit/audit.table.js';
import type {
  CorrelationCursorsTable, CorrelationOccurrencesTable, CorrelationSightingsTable, CorrelationValuesTable,
} from '../modules/correlation/correlation.table.js';
import type { DirectoryEntriesTable } from '../modules/directory/directory.table.js';
import type { OutboxTable } from '../modules/mail/mail.table.js';
import type { OrgDomainsTable, OrgIpRangesTable, OrganisationsTable } from '../modules/orgs/orgs.table.js';
import type {
  SharingGroupMembersTable, SharingGroupsTable, StixIdentityOwnersTable, StixIdsTable, StixObjectsTable, TaxiiCollectionsTable, TaxiiEntriesTable, TaxiiStatusTable,
} from '../modules/taxii/taxii.table.js';
import type {
  OrgDeadlineRegimesTable, ReportAttachmentsTable, ReportEventsTable, ReportRemindersTable, ReportsTable, ReportVersionsTable,
} from '../modules/reports/reports.table.js';
import type { AdvisoriesTable, OrgNotificationsTable, RedactionMemoryTable, ReportRedactionsTable } from '../modules/sharing/sharing.table.js';
import type {
  AidEscalationsTable, AidGrantsTable, AidNotificationsTable, AidOffersTable, AidPostsTable, AidRequestsTable, AidRespondersTable, AidTasksTable,
} from '../modules/aid/aid.table.js';
import type { MembershipsTable, UserRolesTable, UsersTable } from '../modules/users/users.table.js';
import type { DashboardVisitsTable } from '../modules/dashboards/dashboards.table.js';
import type {
  AssetsTable, VulnCpeCriteriaTable, VulnCsafAdvisoriesTable, VulnCsafProductsTable, VulnCsafVulnsTable, VulnFindingsTable, VulnOsvPackagesTable, VulnOsvRecordsTable, VulnCvesTable, VulnEolCyclesTable, VulnEpssTable, VulnFeedImportsTable, VulnKevTable,
} from '../modules/vulns/vulns.table.js';

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
  stix_ids: StixIdsTable;
  stix_ids_recent: StixIdsTable;
  taxii_entries: TaxiiEntriesTable;
  taxii_status: TaxiiStatusTable;
  stix_identity_owners: StixIdentityOwnersTable;
  // reports
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_attachments: ReportAttachmentsTable;
  report_events: ReportEventsTable;
  org_deadline_regimes: OrgDeadlineRegimesTable;
  report_reminders: ReportRemindersTable;
  report_redactions: ReportRedactionsTable;
  redaction_memory: RedactionMemoryTable;
  advisories: AdvisoriesTable;
  org_notifications: OrgNotificationsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_nodes: LedgerNodesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_keys: LedgerKeysTable;
  ledger_cosignatures: LedgerCosignaturesTable;
  correlation_values: CorrelationValuesTable;
  correlation_occurrences: CorrelationOccurrencesTable;
  correlation_cursors: CorrelationCursorsTable;
  correlation_sightings: CorrelationSightingsTable;
  // mutual aid
  aid_responders: AidRespondersTable;
  aid_requests: AidRequestsTable;
  aid_offers: AidOffersTable;
  aid_grants: AidGrantsTable;
  aid_tasks: AidTasksTable;
  aid_messages: AidPostsTable;
  aid_notes: AidPostsTable;
  aid_notifications: AidNotificationsTable;
  aid_escalations: AidEscalationsTable;
  dashboard_visits: DashboardVisitsTable;
  directory_entries: DirectoryEntriesTable;
  // vulnerability knowledge (issue 20)
  vuln_cves: VulnCvesTable;
  vuln_cpe_criteria: VulnCpeCriteriaTable;
  vuln_kev: VulnKevTable;
  vuln_epss: VulnEpssTable;
  vuln_eol_cycles: VulnEolCyclesTable;
  vuln_feed_imports: VulnFeedImportsTable;
  assets: AssetsTable;
  vuln_findings: VulnFindingsTable;
  vuln_osv_records: VulnOsvRecordsTable;
  vuln_osv_packages: VulnOsvPackagesTable;
  vuln_csaf_advisories: VulnCsafAdvisoriesTable;
  vuln_csaf_vulns: VulnCsafVulnsTable;
  vuln_csaf_products: VulnCsafProductsTable;
}

export type Database = Kysely<Tables>;
