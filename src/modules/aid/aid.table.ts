import type { Selectable } from 'kysely';

// Booleans are integers 0/1 and lists are JSON text, as elsewhere, so both databases read them alike.
export interface AidRespondersTable {
  id: string;
  user_id: string;
  kind: string;
  org_id: string | null;
  display_name: string;
  skills: string;
  languages: string;
  prefectures: string;
  on_site: number;
  certifications: string;
  capacity: number;
  available: number;
  hours: string;
  service_type: string;
  price_terms: string;
  vetting: string;
  vetted_by: string | null;
  vetted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AidRequestsTable {
  id: string;
  org_id: string;
  created_by: string | null;
  report_id: string | null;
  skills: string;
  urgency: string;
  on_site: number;
  prefecture: string;
  language: string;
  category: string;
  description: string;
  status: string;
  responder_id: string | null;
  created_at: string;
  updated_at: string;
  due_at: string;
  escalated_at: string | null;
  assigned_at: string | null;
  acknowledged_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  rating: number | null;
  feedback: string | null;
}

export interface AidOffersTable {
  id: string;
  request_id: string;
  responder_id: string;
  status: string;
  score: number;
  reasons: string;
  offered_by: string | null;
  offered_at: string;
  answered_at: string | null;
  decline_reason: string | null;
  decline_text: string | null;
}

export interface AidGrantsTable {
  id: string;
  request_id: string;
  responder_id: string;
  granted_by: string | null;
  granted_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface AidTasksTable {
  id: string;
  request_id: string;
  seq: number;
  code: string;
  text_ja: string;
  text_en: string;
  done_by: string | null;
  done_at: string | null;
}

export interface AidPostsTable {
  id: string;
  request_id: string;
  author_id: string | null;
  side: string;
  body: string;
  created_at: string;
}

export interface AidNotificationsTable {
  id: string;
  user_id: string;
  request_id: string;
  kind: string;
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface AidEscalationsTable {
  request_id: string;
  kind: string;
  due_at: string;
  at: string;
}

export type AidResponderRow = Selectable<AidRespondersTable>;
export type AidRequestRow = Selectable<AidRequestsTable>;
export type AidOfferRow = Selectable<AidOffersTable>;
export type AidGrantRow = Selectable<AidGrantsTable>;
export type AidTaskRow = Selectable<AidTasksTable>;
export type AidPostRow = Selectable<AidPostsTable>;
export type AidNotificationRow = Selectable<AidNotificationsTable>;
