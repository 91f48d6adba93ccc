import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type UserActor } from '../../auth/actor.js';
import type { OrgRole, PlatformRole } from '../../auth/roles.js';
import type { Audience } from '../stix/tlp.js';
import { accessTo, type Caller } from './collection-access.js';

const A = 'org-a';
const B = 'org-b';
const GROUP = 'group-1';

function user(input: { roles?: PlatformRole[]; orgs?: Record<string, OrgRole>; via?: 'session' | 'token'; scopes?: Array<'read' | 'write'>; mfa?: boolean } = {}): UserActor {
  return {
    kind: 'user', userId: 'u', email: 'u@example.org', locale: 'en', platformRoles: new Set(input.roles ?? []),
    orgRoles: new Map(Object.entries(input.orgs ?? {})), activeOrgIds: new Set(Object.keys(input.orgs ?? {})), via: input.via ?? 'token', scopes: new Set(input.scopes ?? ['read', 'write']),
    sessionId: null, mfaEnrollmentRequired: input.mfa ?? false,
  };
}

const caller = (actor: Actor, extra: Partial<Caller> = {}): Caller => ({
  actor, activeOrgIds: new Set(actor.kind === 'user' ? [...actor.orgRoles.keys()] : []), groupIds: new Set(), publicTaxii: false, ...extra,
});

const collections: Record<string, { audience: Audience; org_id: string | null; group_id: string | null }> = {
  community: { audience: 'community', org_id: null, group_id: null },
  public: { audience: 'public', org_id: null, group_id: null },
  group: { audience: 'group', org_id: null, group_id: GROUP },
  feedA: { audience: 'feed', org_id: A, group_id: null },
  inboxA: { audience: 'inbox', org_id: A, group_id: null },
  feedB: { audience: 'feed', org_id: B, group_id: null },
  inboxB: { audience: 'inbox', org_id: B, group_id: null },
};

// "rw", "r-", "-w" or "--" for every collection.
function table(c: Caller): Record<string, string> {
  return Object.fromEntries(Object.entries(collections).map(([name, col]) => {
    const { read, write } = accessTo(c, col);
    return [name, `${read ? 'r' : '-'}${write ? 'w' : '-'}`];
  }));
}

describe('collection access', () => {
  it('gives a member of an active organisation the community, the public, and its own feed and inbox', () => {
    expect(table(caller(user({ orgs: { [A]: 'member' } })))).toEqual({
      community: 'r-', public: 'r-', group: '--', feedA: 'r-', inboxA: 'rw', feedB: '--', inboxB: '--',
    });
  });

  it('counts membership only in active organisations', () => {
    expect(table(caller(user({ orgs: { [A]: 'org_admin' } }), { activeOrgIds: new Set() }))).toEqual({
      community: '--', public: 'r-', group: '--', feedA: '--', inboxA: '--', feedB: '--', inboxB: '--',
    });
  });

  it('lets members of a group\'s organisations read the group', () => {
    expect(table(caller(user({ orgs: { [B]: 'member' } }), { groupIds: new Set([GROUP]) })).group).toBe('r-');
  });

  it('lets coordinators read everything and write everything but inboxes', () => {
    expect(table(caller(user({ roles: ['coordinator'] })))).toEqual({
      community: 'rw', public: 'rw', group: 'rw', feedA: 'rw', inboxA: 'r-', feedB: 'rw', inboxB: 'r-',
    });
  });

  it('gives the other platform roles the community and the public, read-only', () => {
    for (const role of ['administrator', 'auditor', 'responder'] as const) {
      expect(table(caller(user({ roles: [role] })))).toEqual({
        community: 'r-', public: 'r-', group: '--', feedA: '--', inboxA: '--', feedB: '--', inboxB: '--',
      });
    }
  });

  it('never writes with a read-only token, and nothing works before two-factor enrolment', () => {
    expect(table(caller(user({ roles: ['coordinator'], scopes: ['read'] }))).community).toBe('r-');
    expect(table(caller(user({ orgs: { [A]: 'member' }, scopes: ['read'] }))).inboxA).toBe('r-');
    expect(table(caller(user({ roles: ['coordinator'], mfa: true })))).toEqual({
      community: '--', public: '--', group: '--', feedA: '--', inboxA: '--', feedB: '--', inboxB: '--',
    });
  });

  it('opens the public collection to anonymous callers only when the community enables it', () => {
    expect(table(caller(ANONYMOUS)).public).toBe('--');
    expect(table(caller(ANONYMOUS, { publicTaxii: true }))).toEqual({
      community: '--', public: 'r-', group: '--', feedA: '--', inboxA: '--', feedB: '--', inboxB: '--',
    });
  });
});
