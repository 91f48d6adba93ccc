import type { Generated, Insertable, Selectable } from 'kysely';

// Append-only: the repository offers insert and read, nothing else.
export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  org_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  details: string; // JSON
}

export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
