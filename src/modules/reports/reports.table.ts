import type { Insertable, Selectable } from 'kysely';

export interface ReportsTable {
  id: string;
  org_id: string;
  created_by: string | null;
  state: string; // see REPORT_STATES
  outcome: string | null;
  assignee_id: string | null;
  category: string; // copied from the latest answers, for lists
  // The draft: editable until the first submission; afterwards changes are amendments (versions).
  draft_text: string;
  draft_answers: string; // JSON
  current_version: number; // 0 while a draft
  aware_at: string | null; // when the organisation became aware (noticed, else first submission)
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  first_response_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  publication_ref: string | null;
}

// Append-only: version 1 is the submission, later ones amendments.
export interface ReportVersionsTable {
  report_id: string;
  version: number;
  kind: string; // submission | amendment
  text: string;
  answers: string; // JSON
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface ReportAttachmentsTable {
  id: string;
  report_id: string;
  filename: string;
  kind: string;
  size: number;
  sha256: string;
  sha1: string;
  md5: string;
  indicators: string; // JSON: candidate indicators found in it (e-mail headers)
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

// Append-only case timeline.
export interface ReportEventsTable {
  id: string;
  report_id: string;
  seq: number;
  at: string;
  actor_user_id: string | null;
  kind: string;
  internal: number; // 1: coordinators only
  body: string | null; // comment text
  details: string; // JSON
}

export interface OrgDeadlineRegimesTable {
  org_id: string;
  regime_id: string;
  enabled: number;
  updated_at: string;
}

export interface ReportRemindersTable {
  report_id: string;
  deadline_key: string;
  sent_at: string;
}

export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;
export type ReportVersionRow = Selectable<ReportVersionsTable>;
export type ReportAttachmentRow = Selectable<ReportAttachmentsTable>;
export type ReportEventRow = Selectable<ReportEventsTable>;
