// Every route, for every role: who may, and who may not. A route missing from the matrix fails the test.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/databases.js';
import { as, createOrg, createUser, PASSWORD, signIn, useTestApp, type Session, type TestContext } from './helpers/app.js';
import { collectionIds, createGroup, indicator, seedObject, TAXII } from './helpers/taxii.js';
import { appendLedgerEvents } from '../src/modules/ledger/ledger.service.js';

const ROLES = ['anonymous', 'member', 'org_admin', 'administrator', 'coordinator', 'responder', 'auditor'] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');

interface Fixture {
  ctx: TestContext;
  orgA: string; // the org where "member" and "org_admin" belong
  orgB: string; // an org they have nothing to do with
  users: Record<Role, string | null>;
}

interface Case {
  route: string; // "METHOD /path/:param" exactly as registered
  allowed: readonly Role[] | 'everyone';
  request: (f: Fixture, role: Role) => Promise<InjectOptions> | InjectOptions;
}

// TAXII: the collections of the fixture, made once; requests send the TAXII media type.
interface TaxiiFixture {
  community: string;
  feedA: string;
  feedB: string;
  inboxA: string;
  inboxB: string;
  groupA: string; // a sharing group orgA is in
  groupB: string; // one it is not in
}
const taxiiFixtures = new WeakMap<Fixture, Promise<TaxiiFixture>>();
function taxiiOf(f: Fixture): Promise<TaxiiFixture> {
  if (!taxiiFixtures.has(f)) {
    taxiiFixtures.set(f, (async () => {
      // An earlier case suspends org A; over TAXII, membership counts only in active organisations.
      await f.ctx.db.updateTable('organisations').set({ status: 'active' }).where('id', '=', f.orgA).execute();
      const ids = await collectionIds(f.ctx, [f.orgA, f.orgB]);
      return {
        community: ids.community, feedA: ids.feed[f.orgA] as string, feedB: ids.feed[f.orgB] as string,
        inboxA: ids.inbox[f.orgA] as string, inboxB: ids.inbox[f.orgB] as string,
        groupA: (await createGroup(f.ctx, 'Group A', [f.orgA])).id, groupB: (await createGroup(f.ctx, 'Group B', [f.orgB])).id,
      };
    })());
  }
  return taxiiFixtures.get(f) as Promise<TaxiiFixture>;
}
const COLLECTIONS = '/taxii2/community/collections';
const taxiiGet = (url: string): InjectOptions => ({ method: 'GET', url, headers: { accept: TAXII } });
const taxiiPost = (url: string, body: unknown): InjectOptions => ({ method: 'POST', url, payload: JSON.stringify(body), headers: { accept: TAXII, 'content-type': TAXII } });
const taxiiDelete = (url: string): InjectOptions => ({ method: 'DELETE', url, headers: { accept: TAXII } });
const inCollection = async (f: Fixture, which: keyof TaxiiFixture) => {
  const id = (await taxiiOf(f))[which];
  return { id, objectId: (await seedObject(f.ctx, id)).objectId };
};

const freshMember = async (f: Fixture, orgId: string) => (await createUser(f.ctx, { orgs: [{ orgId, role: 'member' }] })).id;
const orgInput = { nameJa: '行列', nameEn: 'Matrix', aliases: [], sector: 'jsic-e', sizeBand: '1-20', prefecture: '13', status: 'active', domains: [], ipRanges: [], contacts: [] };

const CASES: Case[] = [
  { route: 'GET /', allowed: 'everyone', request: () => ({ method: 'GET', url: '/' }) },
  { route: 'GET /healthz', allowed: 'everyone', request: () => ({ method: 'GET', url: '/healthz' }) },
  { route: 'GET /readyz', allowed: 'everyone', request: () => ({ method: 'GET', url: '/readyz' }) },
  { route: 'GET /api/openapi.json', allowed: 'everyone', request: () => ({ method: 'GET', url: '/api/openapi.json' }) },
  { route: 'GET /api/auth/session', allowed: 'everyone', request: () => ({ method: 'GET', url: '/api/auth/session' }) },
  { route: 'POST /api/auth/login', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.org', password: 'wrong password' } }) },
  { route: 'POST /api/auth/setup', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/setup', payload: { token: 'x'.repeat(20), email: 'a@example.org', displayName: 'A', password: 'long enough password', locale: 'ja' } }) },
  { route: 'GET /api/auth/links/:token', allowed: 'everyone', request: () => ({ method: 'GET', url: `/api/auth/links/${'x'.repeat(20)}` }) },
  { route: 'POST /api/auth/invitations/accept', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token: 'x'.repeat(20), displayName: 'A', password: 'long enough password', locale: 'ja' } }) },
  { route: 'POST /api/auth/password-reset/request', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'x@example.org' } }) },
  { route: 'POST /api/auth/password-reset/complete', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token: 'x'.repeat(20), password: 'long enough password' } }) },

  { route: 'GET /api/account', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/account' }) },
  { route: 'PATCH /api/account', allowed: SIGNED_IN, request: () => ({ method: 'PATCH', url: '/api/account', payload: { locale: 'ja' } }) },
  { route: 'POST /api/account/password', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/account/password', payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }) },
  { route: 'POST /api/account/totp/setup', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/account/totp/setup' }) },
  { route: 'POST /api/account/totp/confirm', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/account/totp/confirm', payload: { code: '000000' } }) },
  { route: 'POST /api/account/totp/disable', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/account/totp/disable', payload: { password: PASSWORD } }) },
  { route: 'GET /api/account/tokens', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/account/tokens' }) },
  { route: 'POST /api/account/tokens', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/account/tokens', payload: { name: 'm', scopes: ['read'], expiresInDays: 1 } }) },
  {
    route: 'DELETE /api/account/tokens/:id', allowed: SIGNED_IN,
    request: async (f, role) => ({ method: 'DELETE', url: `/api/account/tokens/${await tokenOf(f, role)}` }),
  },

  { route: 'GET /api/orgs', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/orgs' }) },
  { route: 'POST /api/orgs', allowed: ['administrator'], request: () => ({ method: 'POST', url: '/api/orgs', payload: orgInput }) },
  { route: 'GET /api/orgs/:id', allowed: ['administrator', 'coordinator', 'auditor', 'member', 'org_admin'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgA}` }) },
  { route: 'GET /api/orgs/:id#other', allowed: ['administrator', 'coordinator', 'auditor'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgB}` }) },
  { route: 'PATCH /api/orgs/:id', allowed: ['administrator', 'org_admin'], request: (f) => ({ method: 'PATCH', url: `/api/orgs/${f.orgA}`, payload: { aliases: ['A'] } }) },
  { route: 'PATCH /api/orgs/:id#other', allowed: ['administrator'], request: (f) => ({ method: 'PATCH', url: `/api/orgs/${f.orgB}`, payload: { aliases: ['B'] } }) },
  { route: 'PATCH /api/orgs/:id#status', allowed: ['administrator'], request: (f) => ({ method: 'PATCH', url: `/api/orgs/${f.orgA}`, payload: { status: 'suspended' } }) },
  { route: 'GET /api/orgs/:id/members', allowed: ['administrator', 'coordinator', 'org_admin'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgA}/members` }) },
  { route: 'GET /api/orgs/:id/members#other', allowed: ['administrator', 'coordinator'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgB}/members` }) },
  {
    route: 'PUT /api/orgs/:id/members/:userId', allowed: ['administrator', 'org_admin'],
    request: async (f) => ({ method: 'PUT', url: `/api/orgs/${f.orgA}/members/${await freshMember(f, f.orgA)}`, payload: { role: 'org_admin' } }),
  },
  {
    route: 'PUT /api/orgs/:id/members/:userId#other', allowed: ['administrator'],
    request: async (f) => ({ method: 'PUT', url: `/api/orgs/${f.orgB}/members/${await freshMember(f, f.orgB)}`, payload: { role: 'org_admin' } }),
  },
  {
    route: 'DELETE /api/orgs/:id/members/:userId', allowed: ['administrator', 'org_admin'],
    request: async (f) => ({ method: 'DELETE', url: `/api/orgs/${f.orgA}/members/${await freshMember(f, f.orgA)}` }),
  },
  {
    route: 'DELETE /api/orgs/:id/members/:userId#other', allowed: ['administrator'],
    request: async (f) => ({ method: 'DELETE', url: `/api/orgs/${f.orgB}/members/${await freshMember(f, f.orgB)}` }),
  },
  {
    route: 'POST /api/invitations', allowed: ['administrator', 'org_admin'],
    request: (f) => ({ method: 'POST', url: '/api/invitations', payload: { email: `new-${randomUUID()}@example.org`, locale: 'ja', orgId: f.orgA, orgRole: 'member' } }),
  },
  {
    route: 'POST /api/invitations#other', allowed: ['administrator'],
    request: (f) => ({ method: 'POST', url: '/api/invitations', payload: { email: `new-${randomUUID()}@example.org`, locale: 'ja', orgId: f.orgB, orgRole: 'member' } }),
  },
  { route: 'GET /api/users', allowed: ['administrator'], request: () => ({ method: 'GET', url: '/api/users' }) },
  { route: 'GET /api/users/:id', allowed: ['administrator'], request: (f) => ({ method: 'GET', url: `/api/users/${f.users.member}` }) },
  { route: 'PATCH /api/users/:id', allowed: ['administrator'], request: async (f) => ({ method: 'PATCH', url: `/api/users/${await freshMember(f, f.orgB)}`, payload: { displayName: 'Renamed' } }) },
  { route: 'POST /api/users/:id/password-reset', allowed: ['administrator'], request: (f) => ({ method: 'POST', url: `/api/users/${f.users.responder}/password-reset` }) },
  { route: 'POST /api/users/:id/unlock', allowed: ['administrator'], request: (f) => ({ method: 'POST', url: `/api/users/${f.users.responder}/unlock` }) },
  { route: 'GET /api/audit', allowed: ['administrator', 'auditor'], request: () => ({ method: 'GET', url: '/api/audit' }) },
  { route: 'GET /api/outbox', allowed: ['administrator'], request: () => ({ method: 'GET', url: '/api/outbox' }) },

  { route: 'GET /taxii2/', allowed: SIGNED_IN, request: () => taxiiGet('/taxii2/') },
  { route: 'GET /taxii2/*', allowed: [], request: () => taxiiGet('/taxii2/community/unknown/') },
  { route: 'GET /taxii2/community/', allowed: SIGNED_IN, request: () => taxiiGet('/taxii2/community/') },
  {
    route: 'GET /taxii2/community/status/:statusId/', allowed: ['coordinator'],
    request: async (f) => taxiiGet(`/taxii2/community/status/${(await seedObject(f.ctx, (await taxiiOf(f)).community, f.users.coordinator as string)).statusId}/`),
  },
  { route: 'GET /taxii2/community/collections/', allowed: SIGNED_IN, request: () => taxiiGet(`${COLLECTIONS}/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/', allowed: SIGNED_IN, request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).community}/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/#inbox', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).inboxA}/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/#other-inbox', allowed: ['coordinator'], request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).inboxB}/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/manifest/', allowed: SIGNED_IN, request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).community}/manifest/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/manifest/#feed', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).feedA}/manifest/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/objects/', allowed: SIGNED_IN, request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).community}/objects/`) },
  { route: 'GET /taxii2/community/collections/:collectionId/objects/#other-feed', allowed: ['coordinator'], request: async (f) => taxiiGet(`${COLLECTIONS}/${(await taxiiOf(f)).feedB}/objects/`) },
  {
    route: 'POST /taxii2/community/collections/:collectionId/objects/', allowed: ['coordinator'],
    request: async (f) => taxiiPost(`${COLLECTIONS}/${(await taxiiOf(f)).community}/objects/`, { objects: [indicator({ tlp: 'green' })] }),
  },
  {
    route: 'POST /taxii2/community/collections/:collectionId/objects/#inbox', allowed: ['member', 'org_admin'],
    request: async (f) => taxiiPost(`${COLLECTIONS}/${(await taxiiOf(f)).inboxA}/objects/`, { objects: [indicator({ tlp: 'amber' })] }),
  },
  {
    route: 'GET /taxii2/community/collections/:collectionId/objects/:objectId/', allowed: SIGNED_IN,
    request: async (f) => { const { id, objectId } = await inCollection(f, 'community'); return taxiiGet(`${COLLECTIONS}/${id}/objects/${objectId}/`); },
  },
  {
    route: 'GET /taxii2/community/collections/:collectionId/objects/:objectId/#inbox', allowed: ['member', 'org_admin', 'coordinator'],
    request: async (f) => { const { id, objectId } = await inCollection(f, 'inboxA'); return taxiiGet(`${COLLECTIONS}/${id}/objects/${objectId}/`); },
  },
  {
    route: 'DELETE /taxii2/community/collections/:collectionId/objects/:objectId/', allowed: ['coordinator'],
    request: async (f) => { const { id, objectId } = await inCollection(f, 'community'); return taxiiDelete(`${COLLECTIONS}/${id}/objects/${objectId}/`); },
  },
  {
    route: 'DELETE /taxii2/community/collections/:collectionId/objects/:objectId/#inbox', allowed: ['member', 'org_admin'],
    request: async (f) => { const { id, objectId } = await inCollection(f, 'inboxA'); return taxiiDelete(`${COLLECTIONS}/${id}/objects/${objectId}/`); },
  },
  {
    route: 'GET /taxii2/community/collections/:collectionId/objects/:objectId/versions/', allowed: SIGNED_IN,
    request: async (f) => { const { id, objectId } = await inCollection(f, 'community'); return taxiiGet(`${COLLECTIONS}/${id}/objects/${objectId}/versions/`); },
  },

  { route: 'GET /api/sharing-groups', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/sharing-groups' }) },
  { route: 'POST /api/sharing-groups', allowed: ['administrator', 'coordinator'], request: (f) => ({ method: 'POST', url: '/api/sharing-groups', payload: { name: 'Matrix', orgIds: [f.orgA] } }) },
  { route: 'GET /api/sharing-groups/:id', allowed: ['administrator', 'coordinator', 'member', 'org_admin'], request: async (f) => ({ method: 'GET', url: `/api/sharing-groups/${(await taxiiOf(f)).groupA}` }) },
  { route: 'GET /api/sharing-groups/:id#other', allowed: ['administrator', 'coordinator'], request: async (f) => ({ method: 'GET', url: `/api/sharing-groups/${(await taxiiOf(f)).groupB}` }) },
  { route: 'PATCH /api/sharing-groups/:id', allowed: ['administrator', 'coordinator'], request: async (f) => ({ method: 'PATCH', url: `/api/sharing-groups/${(await taxiiOf(f)).groupA}`, payload: { description: 'x' } }) },
  { route: 'DELETE /api/sharing-groups/:id', allowed: ['administrator', 'coordinator'], request: async (f) => ({ method: 'DELETE', url: `/api/sharing-groups/${(await createGroup(f.ctx, 'Doomed', [f.orgA])).id}` }) },
  {
    route: 'PUT /api/sharing-groups/:id/members/:orgId', allowed: ['administrator', 'coordinator'],
    request: async (f) => ({ method: 'PUT', url: `/api/sharing-groups/${(await createGroup(f.ctx, 'Grows', [f.orgA])).id}/members/${f.orgB}` }),
  },
  {
    route: 'DELETE /api/sharing-groups/:id/members/:orgId', allowed: ['administrator', 'coordinator'],
    request: async (f) => ({ method: 'DELETE', url: `/api/sharing-groups/${(await createGroup(f.ctx, 'Shrinks', [f.orgA, f.orgB])).id}/members/${f.orgB}` }),
  },
  { route: 'GET /api/intel/collections', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/intel/collections' }) },
  { route: 'GET /api/intel/objects', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/intel/objects' }) },
  { route: 'GET /api/intel/objects#other-feed', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/intel/objects?collection=${(await taxiiOf(f)).feedB}` }) },
  { route: 'GET /api/intel/objects/:id', allowed: SIGNED_IN, request: async (f) => ({ method: 'GET', url: `/api/intel/objects/${(await inCollection(f, 'community')).objectId}` }) },
  { route: 'GET /api/intel/objects/:id#inbox', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'GET', url: `/api/intel/objects/${(await inCollection(f, 'inboxA')).objectId}` }) },
  { route: 'GET /api/intel/objects/:id#other-feed', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/intel/objects/${(await inCollection(f, 'feedB')).objectId}` }) },
  {
    route: 'POST /api/intel/collections/:id/import', allowed: ['coordinator'],
    request: async (f) => ({ method: 'POST', url: `/api/intel/collections/${(await taxiiOf(f)).community}/import`, payload: { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [indicator({ tlp: 'green' })] } }),
  },
  {
    route: 'POST /api/intel/collections/:id/import#inbox', allowed: ['member', 'org_admin'],
    request: async (f) => ({ method: 'POST', url: `/api/intel/collections/${(await taxiiOf(f)).inboxA}/import`, payload: { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [indicator({ tlp: 'amber' })] } }),
  },
  { route: 'GET /api/intel/collections/:id/export', allowed: SIGNED_IN, request: async (f) => ({ method: 'GET', url: `/api/intel/collections/${(await taxiiOf(f)).community}/export` }) },
  { route: 'GET /api/intel/collections/:id/export#other-feed', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/intel/collections/${(await taxiiOf(f)).feedB}/export` }) },

  // Reports: a draft is seen only by its organisation; coordinators see every submitted report.
  { route: 'GET /api/reports', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/reports' }) },
  { route: 'POST /api/reports', allowed: ['member', 'org_admin'], request: (f) => ({ method: 'POST', url: '/api/reports', payload: { orgId: f.orgA, text: 'x' } }) },
  { route: 'POST /api/reports#other', allowed: [], request: (f) => ({ method: 'POST', url: '/api/reports', payload: { orgId: f.orgB, text: 'x' } }) },
  { route: 'GET /api/reports/assignees', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/reports/assignees' }) },
  { route: 'GET /api/reports/:id', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'GET', url: `/api/reports/${await reportOf(f, f.orgA)}` }) },
  { route: 'GET /api/reports/:id#draft', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'GET', url: `/api/reports/${await reportOf(f, f.orgA, 'draft')}` }) },
  { route: 'GET /api/reports/:id#other', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/reports/${await reportOf(f, f.orgB)}` }) },
  { route: 'PUT /api/reports/:id/draft', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'PUT', url: `/api/reports/${await reportOf(f, f.orgA, 'draft')}/draft`, payload: { text: 'y' } }) },
  { route: 'POST /api/reports/:id/submit', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA, 'draft')}/submit` }) },
  { route: 'POST /api/reports/:id/submit#other', allowed: [], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgB, 'draft')}/submit` }) },
  { route: 'POST /api/reports/:id/amendments', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA)}/amendments`, payload: { text: 'more' } }) },
  { route: 'POST /api/reports/:id/amendments#other', allowed: [], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgB)}/amendments`, payload: { text: 'more' } }) },
  {
    route: 'POST /api/reports/:id/attachments', allowed: ['member', 'org_admin'],
    request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA)}/attachments?filename=a.txt`, payload: Buffer.from('log line'), headers: { 'content-type': 'application/octet-stream' } }),
  },
  {
    route: 'GET /api/reports/:id/attachments/:attachmentId', allowed: ['member', 'org_admin', 'coordinator'],
    request: async (f) => { const { reportId, attachmentId } = await attachmentOf(f, f.orgA); return { method: 'GET', url: `/api/reports/${reportId}/attachments/${attachmentId}` }; },
  },
  {
    route: 'GET /api/reports/:id/attachments/:attachmentId#other', allowed: ['coordinator'],
    request: async (f) => { const { reportId, attachmentId } = await attachmentOf(f, f.orgB); return { method: 'GET', url: `/api/reports/${reportId}/attachments/${attachmentId}` }; },
  },
  { route: 'POST /api/reports/:id/comments', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA)}/comments`, payload: { body: 'hi' } }) },
  { route: 'POST /api/reports/:id/comments#other', allowed: ['coordinator'], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgB)}/comments`, payload: { body: 'hi' } }) },
  { route: 'POST /api/reports/:id/state', allowed: ['coordinator'], request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA)}/state`, payload: { state: 'triage' } }) },
  { route: 'PUT /api/reports/:id/assignee', allowed: ['coordinator'], request: async (f) => ({ method: 'PUT', url: `/api/reports/${await reportOf(f, f.orgA)}/assignee`, payload: { assigneeId: f.users.coordinator } }) },
  { route: 'GET /api/report-regimes/:orgId', allowed: ['member', 'org_admin', 'coordinator'], request: (f) => ({ method: 'GET', url: `/api/report-regimes/${f.orgA}` }) },
  { route: 'GET /api/report-regimes/:orgId#other', allowed: ['coordinator'], request: (f) => ({ method: 'GET', url: `/api/report-regimes/${f.orgB}` }) },
  { route: 'PUT /api/report-regimes/:orgId/:regimeId', allowed: ['org_admin'], request: (f) => ({ method: 'PUT', url: `/api/report-regimes/${f.orgA}/nis2`, payload: { enabled: true } }) },
  { route: 'PUT /api/report-regimes/:orgId/:regimeId#other', allowed: [], request: (f) => ({ method: 'PUT', url: `/api/report-regimes/${f.orgB}/nis2`, payload: { enabled: true } }) },

  // Redaction review and publication: the coordinator desk only; notifications are per organisation.
  { route: 'GET /api/reports/:id/redactions', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/reports/${await reportOf(f, f.orgA)}/redactions` }) },
  {
    route: 'POST /api/reports/:id/redactions', allowed: ['coordinator'],
    request: async (f) => ({ method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA)}/redactions`, payload: { version: 1, additions: [{ start: 0, end: 4, label: 'PERSON' }] } }),
  },
  { route: 'GET /api/reports/:id/advisory-draft', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/reports/${await reportOf(f, f.orgA)}/advisory-draft` }) },
  {
    route: 'POST /api/reports/:id/advisory', allowed: ['coordinator'],
    request: async (f) => ({
      method: 'POST', url: `/api/reports/${await reportOf(f, f.orgA, 'triage')}/advisory`,
      payload: {
        title: { ja: '注意喚起', en: 'Alert' }, summary: { ja: '概要', en: 'Summary' }, tlp: 'green', audience: { kind: 'community' },
        indicators: [{ kind: 'ipv4', value: '203.0.113.9' }], malware: [], vulnerabilities: [], attackPatterns: [],
      },
    }),
  },
  // Redaction memory (issue 18): what coordinators taught the detector for an organisation, the desk's only.
  { route: 'GET /api/orgs/:orgId/redaction-memory', allowed: ['coordinator'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgA}/redaction-memory` }) },
  {
    route: 'POST /api/orgs/:orgId/redaction-memory', allowed: ['coordinator'],
    request: (f) => ({ method: 'POST', url: `/api/orgs/${f.orgA}/redaction-memory`, payload: { value: `matrix-${randomUUID().slice(0, 8)}`, label: 'INTERNAL_HOST' } }),
  },
  {
    route: 'DELETE /api/orgs/:orgId/redaction-memory/:id', allowed: ['coordinator'],
    request: async (f) => {
      const id = randomUUID();
      await f.ctx.db.insertInto('redaction_memory').values({ id, org_id: f.orgA, value: `matrix-${id.slice(0, 8)}`, label: 'PERSON', created_by: null, created_at: new Date().toISOString() }).execute();
      return { method: 'DELETE', url: `/api/orgs/${f.orgA}/redaction-memory/${id}` };
    },
  },
  { route: 'GET /api/advisories', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/advisories' }) },
  // An advisory as a member reads it: whoever can read its report object; confirming needs an organisation of one's own.
  { route: 'GET /api/advisories/:id', allowed: SIGNED_IN, request: async (f) => ({ method: 'GET', url: `/api/advisories/${await advisoryIn(f, 'community')}` }) },
  { route: "GET /api/advisories/:id#in another organisation's feed", allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/advisories/${await advisoryIn(f, 'feedB')}` }) },
  {
    route: 'POST /api/advisories/:id/sightings', allowed: ['member', 'org_admin'],
    request: async (f) => ({ method: 'POST', url: `/api/advisories/${await advisoryIn(f, 'community')}/sightings`, payload: {} }),
  },
  { route: 'GET /api/notifications', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/notifications' }) },
  // Ledger (issue 6): hashes, proofs, the checkpoint and the key are public; events and receipts by who may read them.
  { route: 'GET /ledger/checkpoint', allowed: 'everyone', request: () => ({ method: 'GET', url: '/ledger/checkpoint' }) },
  { route: 'GET /ledger/key', allowed: 'everyone', request: () => ({ method: 'GET', url: '/ledger/key' }) },
  { route: 'POST /ledger/cosignatures', allowed: 'everyone', request: () => ({ method: 'POST', url: '/ledger/cosignatures', payload: { size: 1, cosignature: 'x' } }) },
  { route: 'GET /ledger/proof/inclusion', allowed: 'everyone', request: () => ({ method: 'GET', url: '/ledger/proof/inclusion?index=0&size=1' }) },
  { route: 'GET /ledger/proof/consistency', allowed: 'everyone', request: () => ({ method: 'GET', url: '/ledger/proof/consistency?first=1&second=1' }) },
  { route: 'GET /ledger/entries/:index', allowed: 'everyone', request: () => ({ method: 'GET', url: '/ledger/entries/0' }) },
  { route: 'GET /api/ledger/status', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/ledger/status' }) },
  { route: 'GET /api/ledger/entries', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/ledger/entries' }) },
  { route: 'GET /api/ledger/entries/:index/receipt', allowed: ['administrator', 'coordinator', 'auditor'], request: () => ({ method: 'GET', url: '/api/ledger/entries/0/receipt' }) },
  {
    route: 'GET /api/ledger/entries/:index/receipt#own-org', allowed: ['member', 'org_admin', 'administrator', 'coordinator', 'auditor'],
    request: async (f) => {
      const [index] = await f.ctx.db.transaction().execute((trx) => appendLedgerEvents(trx, [{ type: 'sighting', actor: null, org: f.orgA, object: 'indicator--m', count: 1 }]));
      return { method: 'GET', url: `/api/ledger/entries/${index}/receipt` };
    },
  },
  { route: 'POST /api/ledger/receipts/verify', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/ledger/receipts/verify', payload: { receipt: {} } }) },
  // Correlation and sightings: only about objects the caller can read; reviews for coordinators.
  { route: 'GET /api/correlation/lookup', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/correlation/lookup?value=198.51.100.3' }) },
  { route: 'GET /api/correlation/objects/:id', allowed: SIGNED_IN, request: async (f) => ({ method: 'GET', url: `/api/correlation/objects/${(await inCollection(f, 'community')).objectId}` }) },
  { route: 'GET /api/correlation/objects/:id#inbox', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'GET', url: `/api/correlation/objects/${(await inCollection(f, 'inboxA')).objectId}` }) },
  { route: 'GET /api/correlation/objects/:id#other-feed', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/correlation/objects/${(await inCollection(f, 'feedB')).objectId}` }) },
  { route: 'GET /api/correlation/campaigns', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/correlation/campaigns' }) },
  { route: 'GET /api/correlation/over-correlated', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/correlation/over-correlated' }) },
  // Dashboards (issue 7): each role's home; the community picture and the monthly report; the public page is off by default.
  { route: 'GET /api/dashboards/member', allowed: ['member', 'org_admin'], request: () => ({ method: 'GET', url: '/api/dashboards/member' }) },
  { route: 'GET /api/dashboards/coordinator', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/dashboards/coordinator' }) },
  { route: 'GET /api/dashboards/responder', allowed: ['responder'], request: () => ({ method: 'GET', url: '/api/dashboards/responder' }) },
  { route: 'GET /api/dashboards/community', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/dashboards/community' }) },
  { route: 'GET /api/dashboards/monthly-report', allowed: ['member', 'org_admin', 'coordinator'], request: () => ({ method: 'GET', url: '/api/dashboards/monthly-report?month=2026-11' }) },
  { route: 'GET /api/dashboards/monthly-report.pdf', allowed: ['member', 'org_admin', 'coordinator'], request: () => ({ method: 'GET', url: '/api/dashboards/monthly-report.pdf?month=2026-11' }) },
  { route: 'GET /public', allowed: [], request: () => ({ method: 'GET', url: '/public' }) },
  { route: 'GET /public/style.css', allowed: [], request: () => ({ method: 'GET', url: '/public/style.css' }) },
  { route: 'POST /api/sightings', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: '/api/sightings', payload: { indicatorId: (await inCollection(f, 'community')).objectId } }) },
  { route: 'POST /api/sightings#other-feed', allowed: [], request: async (f) => ({ method: 'POST', url: '/api/sightings', payload: { indicatorId: (await inCollection(f, 'feedB')).objectId } }) },
  { route: 'POST /api/sightings#other-org', allowed: [], request: async (f) => ({ method: 'POST', url: '/api/sightings', payload: { indicatorId: (await inCollection(f, 'community')).objectId, orgId: f.orgB } }) },

  // Mutual aid: the requesting organisation, the desk, and a responder only for what is offered or assigned to them.
  { route: 'GET /api/aid/responders/me', allowed: ['responder'], request: () => ({ method: 'GET', url: '/api/aid/responders/me' }) },
  {
    route: 'PUT /api/aid/responders/me', allowed: ['responder'],
    request: () => ({ method: 'PUT', url: '/api/aid/responders/me', payload: { kind: 'individual', displayName: 'M', skills: ['triage'], languages: ['ja'], prefectures: ['13'], onSite: false, certifications: [], capacity: 100, available: true, hours: '', serviceType: 'volunteer', priceTerms: '' } }),
  },
  { route: 'GET /api/aid/responders', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/aid/responders' }) },
  { route: 'POST /api/aid/responders/:id/vetting', allowed: ['coordinator'], request: async (f) => ({ method: 'POST', url: `/api/aid/responders/${await otherResponder(f)}/vetting`, payload: { decision: 'vetted' } }) },
  { route: 'GET /api/aid/responder-home', allowed: ['responder'], request: () => ({ method: 'GET', url: '/api/aid/responder-home' }) },
  { route: 'GET /api/aid/requests', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/aid/requests' }) },
  { route: 'POST /api/aid/requests', allowed: ['member', 'org_admin'], request: (f) => ({ method: 'POST', url: '/api/aid/requests', payload: aidInput(f.orgA) }) },
  { route: 'POST /api/aid/requests#other', allowed: [], request: (f) => ({ method: 'POST', url: '/api/aid/requests', payload: aidInput(f.orgB) }) },
  { route: 'GET /api/aid/requests/:id', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f)}` }) },
  { route: 'GET /api/aid/requests/:id#offered', allowed: ['member', 'org_admin', 'coordinator', 'responder'], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f, { offered: true })}` }) },
  { route: 'GET /api/aid/requests/:id#other', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f, { orgId: f.orgB })}` }) },
  { route: 'POST /api/aid/requests/:id/cancel', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f)}/cancel` }) },
  { route: 'POST /api/aid/requests/:id/start', allowed: ['responder'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { assigned: true })}/start` }) },
  { route: 'POST /api/aid/requests/:id/close', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { assigned: true })}/close`, payload: { outcome: 'resolved' } }) },
  { route: 'GET /api/aid/requests/:id/matches', allowed: ['coordinator'], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f)}/matches` }) },
  {
    route: 'POST /api/aid/requests/:id/offers', allowed: ['coordinator'],
    request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f)}/offers`, payload: { responderIds: [await otherResponder(f, 'vetted')] } }),
  },
  { route: 'POST /api/aid/offers/:id/accept', allowed: ['responder'], request: async (f) => ({ method: 'POST', url: `/api/aid/offers/${await offerOf(f)}/accept` }) },
  { route: 'POST /api/aid/offers/:id/decline', allowed: ['responder'], request: async (f) => ({ method: 'POST', url: `/api/aid/offers/${await offerOf(f)}/decline`, payload: { reason: 'no_capacity' } }) },
  { route: 'POST /api/aid/requests/:id/grant', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { assigned: true, report: true })}/grant` }) },
  { route: 'DELETE /api/aid/requests/:id/grant', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'DELETE', url: `/api/aid/requests/${await aidOf(f, { assigned: true, report: true, granted: true })}/grant` }) },
  { route: 'GET /api/aid/requests/:id/full-report', allowed: ['responder'], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f, { assigned: true, report: true, granted: true })}/full-report` }) },
  { route: 'GET /api/aid/requests/:id/full-report#not-granted', allowed: [], request: async (f) => ({ method: 'GET', url: `/api/aid/requests/${await aidOf(f, { assigned: true, report: true })}/full-report` }) },
  {
    route: 'PUT /api/aid/requests/:id/tasks/:taskId', allowed: ['member', 'org_admin', 'responder'],
    request: async (f) => { const id = await aidOf(f, { assigned: true }); return { method: 'PUT', url: `/api/aid/requests/${id}/tasks/${id}-t`, payload: { done: true } }; },
  },
  { route: 'POST /api/aid/requests/:id/messages', allowed: ['member', 'org_admin', 'responder'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { assigned: true })}/messages`, payload: { body: 'hi' } }) },
  { route: 'POST /api/aid/requests/:id/messages#offered', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { offered: true, status: 'assigned' })}/messages`, payload: { body: 'hi' } }) },
  { route: 'POST /api/aid/requests/:id/notes', allowed: ['coordinator', 'responder'], request: async (f) => ({ method: 'POST', url: `/api/aid/requests/${await aidOf(f, { assigned: true })}/notes`, payload: { body: 'note' } }) },
  { route: 'GET /api/aid/metrics', allowed: ['coordinator', 'auditor'], request: () => ({ method: 'GET', url: '/api/aid/metrics' }) },
  { route: 'GET /api/aid/notifications', allowed: SIGNED_IN, request: () => ({ method: 'GET', url: '/api/aid/notifications' }) },
  { route: 'POST /api/aid/notifications/read', allowed: SIGNED_IN, request: () => ({ method: 'POST', url: '/api/aid/notifications/read', payload: {} }) },
  // Contact directory (issue 5): anyone reads and searches it; only the coordinator desk curates it.
  { route: 'GET /api/directory', allowed: 'everyone', request: () => ({ method: 'GET', url: '/api/directory?prefecture=13&problem=ransomware' }) },
  { route: 'GET /api/directory/:id', allowed: 'everyone', request: async (f) => ({ method: 'GET', url: `/api/directory/${await directoryEntryOf(f)}` }) },
  { route: 'GET /public/directory', allowed: 'everyone', request: () => ({ method: 'GET', url: '/public/directory?prefecture=13' }) },
  { route: 'GET /public/directory.css', allowed: 'everyone', request: () => ({ method: 'GET', url: '/public/directory.css' }) },
  { route: 'POST /api/directory', allowed: ['coordinator'], request: () => ({ method: 'POST', url: '/api/directory', payload: directoryInput }) },
  { route: 'PUT /api/directory/:id', allowed: ['coordinator'], request: async (f) => ({ method: 'PUT', url: `/api/directory/${await directoryEntryOf(f)}`, payload: { ...directoryInput, version: 1 } }) },
  { route: 'DELETE /api/directory/:id', allowed: ['coordinator'], request: async (f) => ({ method: 'DELETE', url: `/api/directory/${await directoryEntryOf(f)}` }) },
  {
    route: 'POST /api/directory/import', allowed: ['coordinator'],
    request: () => ({ method: 'POST', url: '/api/directory/import', payload: [{ ...directoryInput, nameJa: `取込 ${randomUUID()}` }] }),
  },
  { route: 'GET /api/directory/export', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/directory/export?format=csv' }) },

  // Assets (issue 20): the organisation's members keep them; the desk reads only what an organisation shares with it.
  { route: 'GET /api/orgs/:orgId/assets', allowed: ['member', 'org_admin', 'coordinator'], request: async (f) => { await assetOf(f, f.orgA, true); return { method: 'GET', url: `/api/orgs/${f.orgA}/assets` }; } },
  { route: 'GET /api/orgs/:orgId/assets#unshared', allowed: [], request: async (f) => { await assetOf(f, f.orgB, false); return { method: 'GET', url: `/api/orgs/${f.orgB}/assets` }; } },
  { route: 'POST /api/orgs/:orgId/assets', allowed: ['member', 'org_admin'], request: (f) => ({ method: 'POST', url: `/api/orgs/${f.orgA}/assets`, payload: assetInput }) },
  { route: 'POST /api/orgs/:orgId/assets#other', allowed: [], request: (f) => ({ method: 'POST', url: `/api/orgs/${f.orgB}/assets`, payload: assetInput }) },
  { route: 'PUT /api/orgs/:orgId/assets/:id', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'PUT', url: `/api/orgs/${f.orgA}/assets/${await assetOf(f, f.orgA, true)}`, payload: assetInput }) },
  { route: 'DELETE /api/orgs/:orgId/assets/:id', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'DELETE', url: `/api/orgs/${f.orgA}/assets/${await assetOf(f, f.orgA, true)}` }) },
  { route: 'GET /api/orgs/:orgId/findings', allowed: ['member', 'org_admin'], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgA}/findings` }) },
  { route: 'GET /api/orgs/:orgId/findings#other', allowed: [], request: (f) => ({ method: 'GET', url: `/api/orgs/${f.orgB}/findings` }) },
  { route: 'PUT /api/orgs/:orgId/findings/:id', allowed: ['member', 'org_admin'], request: async (f) => ({ method: 'PUT', url: `/api/orgs/${f.orgA}/findings/${await findingOf(f, f.orgA)}`, payload: { status: 'patched' } }) },
  { route: 'PUT /api/orgs/:orgId/findings/:id#other', allowed: [], request: async (f) => ({ method: 'PUT', url: `/api/orgs/${f.orgB}/findings/${await findingOf(f, f.orgB)}`, payload: { status: 'patched' } }) },

  { route: 'GET /api/vulns/summary', allowed: ['coordinator'], request: () => ({ method: 'GET', url: '/api/vulns/summary' }) },
  // Last: it ends the sessions the other cases use.
  { route: 'POST /api/auth/logout', allowed: 'everyone', request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
];

// A fresh asset of an organisation, shared with the desk or not, written straight to the database.
const assetInput = { category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.0' };
async function assetOf(f: Fixture, orgId: string, shared: boolean): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await f.ctx.db.insertInto('assets').values({
    id, org_id: orgId, category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.0', cpe: null, purl: null, internet_facing: 0, exposed_address: null,
    owner: '', notes: '', share_with_desk: shared ? 1 : 0, created_by: null, updated_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

// A fresh open finding (an end of life, which needs no CVE) on a fresh asset of the organisation.
async function findingOf(f: Fixture, orgId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await f.ctx.db.insertInto('vuln_findings').values({
    id, org_id: orgId, asset_id: await assetOf(f, orgId, false), kind: 'eol', ref: 'qnap-qts@4.3', outcome: 'affected', source: 'eol', criterion: 'endoflife.date/qnap-qts',
    range_text: '4.3', detail: 'eol_passed', fixed_hint: null, eol_date: '2020-01-01', kev: 0, epss: null, cvss: null, priority: 150, fingerprint: 'x', status: 'open',
    status_note: '', status_by: null, status_at: null, active: 1, first_seen_at: now, last_seen_at: now, reopened_at: null,
  }).execute();
  return id;
}

// A fresh directory entry (version 1), written straight to the database.
const directoryInput = { nameJa: '行列の窓口', helpsWith: ['fraud'], prefectures: ['13'], webUrl: 'https://example.jp/matrix' };
async function directoryEntryOf(f: Fixture): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await f.ctx.db.insertInto('directory_entries').values({
    id, name_ja: '行列の窓口', name_en: '', helps_with: '["fraud"]', prefectures: '["13"]', phone: null, web_url: 'https://example.jp/matrix',
    hours_ja: '', hours_en: '', languages: '["ja"]', cost: 'free', notes_ja: '', notes_en: '', curated_by: null, version: 1, created_at: now, updated_at: now,
  }).execute();
  return id;
}

// A fresh report (submitted unless asked otherwise) of an organisation, written straight to the database.
async function reportOf(f: Fixture, orgId: string, state: 'draft' | 'submitted' | 'triage' = 'submitted'): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const submitted = state !== 'draft';
  await f.ctx.db.insertInto('reports').values({
    id, org_id: orgId, created_by: null, state, outcome: null, assignee_id: null, category: 'malware', draft_text: submitted ? '' : 'draft text',
    draft_answers: '{}', current_version: submitted ? 1 : 0, aware_at: submitted ? now : null, created_at: now, updated_at: now,
    submitted_at: submitted ? now : null, first_response_at: null, closed_at: null, published_at: null, publication_ref: null,
  }).execute();
  if (submitted) {
    await f.ctx.db.insertInto('report_versions').values({ report_id: id, version: 1, kind: 'submission', text: 'text', answers: '{}', note: '', created_by: null, created_at: now }).execute();
  }
  return id;
}

// Mutual aid: the fixture's responder gets a vetted profile with room for every case; requests are written straight to the database.
const aidInput = (orgId: string) => ({ orgId, skills: ['triage'], urgency: 'normal', onSite: false, prefecture: '13', language: 'ja', category: 'phishing', description: 'help' });
const responderProfiles = new WeakMap<Fixture, Promise<string>>();
function responderOf(f: Fixture): Promise<string> {
  if (!responderProfiles.has(f)) {
    responderProfiles.set(f, (async () => {
      // An earlier case may have created it through the API: vet it and give it room.
      const userId = f.users.responder as string;
      const existing = await f.ctx.db.selectFrom('aid_responders').select('id').where('user_id', '=', userId).executeTakeFirst();
      if (!existing) return insertResponder(f, userId, 'vetted');
      await f.ctx.db.updateTable('aid_responders').set({ vetting: 'vetted', capacity: 1000, available: 1 }).where('id', '=', existing.id).execute();
      return existing.id;
    })());
  }
  return responderProfiles.get(f) as Promise<string>;
}
async function insertResponder(f: Fixture, userId: string, vetting: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await f.ctx.db.insertInto('aid_responders').values({
    id, user_id: userId, kind: 'individual', org_id: null, display_name: 'R', skills: '["triage"]', languages: '["ja"]', prefectures: '["13"]', on_site: 0,
    certifications: '[]', capacity: 1000, available: 1, hours: '', service_type: 'volunteer', price_terms: '', vetting, vetted_by: null, vetted_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}
async function otherResponder(f: Fixture, vetting = 'pending'): Promise<string> {
  return insertResponder(f, (await createUser(f.ctx, { roles: ['responder'] })).id, vetting);
}
async function aidOf(f: Fixture, o: { orgId?: string; offered?: boolean; assigned?: boolean; report?: boolean; granted?: boolean; status?: string } = {}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const responderId = await responderOf(f);
  const reportId = o.report ? await reportOf(f, o.orgId ?? f.orgA) : null;
  await f.ctx.db.insertInto('aid_requests').values({
    id, org_id: o.orgId ?? f.orgA, created_by: null, report_id: reportId, skills: '["triage"]', urgency: 'normal', on_site: 0, prefecture: '13', language: 'ja',
    category: 'phishing', description: 'help', status: o.status ?? (o.assigned ? 'assigned' : o.offered ? 'offered' : 'open'), responder_id: o.assigned ? responderId : null,
    created_at: now, updated_at: now, due_at: '2999-01-01T00:00:00.000Z', escalated_at: null, assigned_at: o.assigned ? now : null, acknowledged_at: null,
    closed_at: null, outcome: null, rating: null, feedback: null,
  }).execute();
  await f.ctx.db.insertInto('aid_tasks').values({ id: `${id}-t`, request_id: id, seq: 1, code: 'describe', text_ja: 'x', text_en: 'x', done_by: null, done_at: null }).execute();
  if (o.offered) await offerRow(f, id, responderId);
  if (o.granted) await f.ctx.db.insertInto('aid_grants').values({ id: randomUUID(), request_id: id, responder_id: responderId, granted_by: null, granted_at: now, revoked_by: null, revoked_at: null }).execute();
  return id;
}
async function offerRow(f: Fixture, requestId: string, responderId: string): Promise<string> {
  const id = randomUUID();
  await f.ctx.db.insertInto('aid_offers').values({
    id, request_id: requestId, responder_id: responderId, status: 'pending', score: 50, reasons: '[]', offered_by: null, offered_at: new Date().toISOString(),
    answered_at: null, decline_reason: null, decline_text: null,
  }).execute();
  return id;
}
async function offerOf(f: Fixture): Promise<string> {
  const requestId = await aidOf(f, { status: 'offered' });
  return offerRow(f, requestId, await responderOf(f));
}

// An advisory whose STIX report (here any object: access follows the object) is held by this collection.
async function advisoryIn(f: Fixture, where: 'community' | 'feedB'): Promise<string> {
  const { objectId } = await inCollection(f, where);
  const id = randomUUID();
  await f.ctx.db.insertInto('advisories').values({
    id, report_id: null, stix_report_id: objectId, title_ja: '注意喚起', title_en: 'Alert', tlp: 'clear', audience: JSON.stringify({ kind: 'community' }),
    victim: JSON.stringify({ k: 5 }), object_ids: JSON.stringify([objectId]), published_by: null, published_at: new Date().toISOString(),
  }).execute();
  return id;
}

async function attachmentOf(f: Fixture, orgId: string): Promise<{ reportId: string; attachmentId: string }> {
  const reportId = await reportOf(f, orgId);
  const attachmentId = randomUUID();
  await f.ctx.db.insertInto('report_attachments').values({
    id: attachmentId, report_id: reportId, filename: 'a.txt', kind: 'text', size: 1, sha256: 'x', sha1: 'x', md5: 'x', indicators: '[]',
    content: Buffer.from('a'), uploaded_by: null, created_at: new Date().toISOString(),
  }).execute();
  return { reportId, attachmentId };
}

async function tokenOf(f: Fixture, role: Role): Promise<string> {
  const userId = f.users[role];
  if (!userId) return randomUUID();
  const id = randomUUID();
  const now = new Date().toISOString();
  await f.ctx.db.insertInto('api_tokens').values({ id, user_id: userId, name: 'm', token_hash: randomUUID(), scopes: 'read', created_at: now, expires_at: '2999-01-01T00:00:00.000Z', last_used_at: null, revoked_at: null }).execute();
  return id;
}

describeEachDatabase('access matrix', (database) => {
  const ctx = useTestApp(database);
  const sessions = new Map<Role, Session | null>();
  const fixture = { ctx } as Fixture;

  beforeAll(async () => {
    fixture.orgA = await createOrg(ctx, { nameEn: 'Org A' });
    fixture.orgB = await createOrg(ctx, { nameEn: 'Org B' });
    fixture.users = { anonymous: null } as Fixture['users'];
    sessions.set('anonymous', null);
    for (const role of SIGNED_IN) {
      const isOrgRole = role === 'member' || role === 'org_admin';
      const user = await createUser(ctx, isOrgRole ? { orgs: [{ orgId: fixture.orgA, role }] } : { roles: [role] });
      fixture.users[role] = user.id;
      sessions.set(role, await signIn(ctx, user));
    }
  });

  it('has a case for every registered route', () => {
    const covered = new Set(CASES.map((c) => c.route.split('#')[0]));
    const routes = ctx.app.routeAccessTable.filter((r) => r.method !== 'HEAD' && !r.plugin).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((c) => !routes.includes(c as string))).toEqual([]);
  });

  for (const testCase of CASES) {
    it(`${testCase.route}`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of ROLES) {
        const res = await as(ctx, sessions.get(role) ?? null)(await testCase.request(fixture, role));
        // API errors are {error: {code}}; TAXII error resources carry the same code in error_code.
        const body = res.statusCode >= 400 ? (res.json() as { error?: { code?: string }; error_code?: string }) : {};
        const code = body.error?.code ?? body.error_code;
        const denied = (res.statusCode === 401 && code === 'unauthenticated') || (res.statusCode === 404 && code === 'not_found')
          || (res.statusCode === 403 && code === 'forbidden');
        outcomes[role] = denied ? 'denied' : 'allowed';
        const allowed = testCase.allowed === 'everyone' || testCase.allowed.includes(role);
        expected[role] = allowed ? 'allowed' : 'denied';
        if (allowed && res.statusCode >= 500) throw new Error(`${testCase.route} as ${role}: ${res.statusCode} ${res.body}`);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
