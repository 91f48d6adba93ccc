import type { Locale, OrgRole, PlatformRole, TokenScope } from './roles.js';

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  readonly locale: Locale;
  readonly platformRoles: ReadonlySet<PlatformRole>;
  readonly orgRoles: ReadonlyMap<string, OrgRole>;
  // The organisations of orgRoles whose status is active, as of the request's authentication: membership of a pending
  // or suspended organisation opens none of the community's collections.
  readonly activeOrgIds: ReadonlySet<string>;
  // How the request authenticated: a browser session or an API token (with its scopes).
  readonly via: 'session' | 'token';
  readonly scopes: ReadonlySet<TokenScope>;
  readonly sessionId: string | null;
  // True while a role requires two-factor and the user has not set it up: only the account pages work.
  readonly mfaEnrollmentRequired: boolean;
}

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export type Actor = UserActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = Object.freeze({ kind: 'anonymous' });

// What services receive with every call: who acts, and what to write into the audit trail.
export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly locale: Locale;
}

export const hasRole = (actor: Actor, role: PlatformRole): boolean =>
  actor.kind === 'user' && actor.platformRoles.has(role);

export const systemContext = (locale: Locale = 'ja'): RequestContext => ({ actor: ANONYMOUS, requestId: null, ip: null, locale });
