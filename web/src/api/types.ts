// Shapes of the Anshin REST API as the web UI uses them.

export type Locale = 'ja' | 'en';
export type PlatformRole = 'administrator' | 'coordinator' | 'responder' | 'auditor';
export type OrgRole = 'member' | 'org_admin';
export type TokenScope = 'read' | 'write';
export type OrgStatus = 'pending' | 'active' | 'suspended';

export const PLATFORM_ROLES: readonly PlatformRole[] = ['administrator', 'coordinator', 'responder', 'auditor'];
export const ORG_ROLES: readonly OrgRole[] = ['member', 'org_admin'];
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write'];

export interface Membership {
  orgId: string;
  orgNameJa: string;
  orgNameEn: string;
  role: OrgRole;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  platformRoles: PlatformRole[];
  memberships: Membership[];
  totpEnabled: boolean;
  mfaEnrollmentRequired: boolean;
}

export interface SessionResponse {
  authenticated: boolean;
  setupRequired: boolean;
  publicPage: boolean;
  user: Me | null;
  csrfToken: string | null;
}

export interface SignedIn {
  user: Me;
  csrfToken: string;
}

export interface LinkInfo {
  kind: 'setup' | 'invite' | 'reset';
  email: string | null;
}

export interface ApiTokenItem {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export type { Contact, Org, OrgInput, OrgSummary } from '../../../src/modules/orgs/org-types.ts';

export interface OrgMember {
  userId: string;
  email: string;
  displayName: string;
  role: OrgRole;
  createdAt: string;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  status: 'active' | 'disabled';
  platformRoles: PlatformRole[];
  createdAt: string;
}

export interface UserDetail extends UserSummary {
  memberships: Membership[];
  totpEnabled: boolean;
  lockedUntil: string | null;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  orgId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  details: unknown;
}

export interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface Page<T, Cursor> {
  items: T[];
  nextBefore: Cursor | null;
}

export interface Items<T> {
  items: T[];
}
