import type { Selectable } from 'kysely';

export interface OutboxTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export type OutboxRow = Selectable<OutboxTable>;
