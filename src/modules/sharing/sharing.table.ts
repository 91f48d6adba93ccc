import type { Selectable } from 'kysely';

// A redaction of one version of a report: proposed by the detector or added by a coordinator, then
// accepted or rejected. Offsets are JavaScript string indices into that version's text.
export interface ReportRedactionsTable {
  id: string;
  report_id: string;
  report_version: number;
  start_offset: number;
  end_offset: number;
  label: string;
  reason: string;
  origin: 'detector' | 'coordinator';
  decision: 'accepted' | 'rejected' | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}
export type ReportRedactionRow = Selectable<ReportRedactionsTable>;

// A value a coordinator taught the detector for one organisation (redaction-memory.service.ts).
export interface RedactionMemoryTable {
  id: string;
  org_id: string;
  value: string;
  label: string;
  created_by: string | null;
  created_at: string;
}
export type RedactionMemoryRow = Selectable<RedactionMemoryTable>;

// What was published, to whom, with which generalised victim profile. The objects live in the STIX store.
export interface AdvisoriesTable {
  id: string;
  report_id: string | null;
  stix_report_id: string;
  title_ja: string;
  title_en: string;
  tlp: string;
  audience: string; // JSON AdvisoryAudience
  victim: string; // JSON Generalisation
  object_ids: string; // JSON string[]
  published_by: string | null;
  published_at: string;
}
export type AdvisoryRow = Selectable<AdvisoriesTable>;

// "Something new for your organisation": one row per organisation in an advisory's audience.
export interface OrgNotificationsTable {
  id: string;
  org_id: string;
  kind: 'advisory_published';
  ref_id: string;
  stix_id: string;
  title_ja: string;
  title_en: string;
  created_at: string;
}
export type OrgNotificationRow = Selectable<OrgNotificationsTable>;
