import type { Generated, Insertable, Selectable } from 'kysely';

export interface SessionsTable {
  id: string; // SHA-256 of the cookie value
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string; // comma-separated
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OneTimeLinksTable {
  id: string;
  token_hash: string;
  kind: string; // setup | invite | reset
  email: string | null;
  user_id: string | null;
  payload: string; // JSON
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type NewApiTokenRow = Insertable<ApiTokensTable>;
export type OneTimeLinkRow = Selectable<OneTimeLinksTable>;
