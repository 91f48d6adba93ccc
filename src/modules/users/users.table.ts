import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string; // stored lower-case
  display_name: string;
  locale: string;
  password_hash: string | null;
  status: string; // active | disabled
  totp_secret: string | null; // encrypted
  totp_pending_secret: string | null; // encrypted, until confirmed
  // The last TOTP time step accepted: a code is good once (RFC 6238 §5.2).
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface MembershipsTable {
  user_id: string;
  org_id: string;
  role: string; // member | org_admin
  created_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
