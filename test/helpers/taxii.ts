// TAXII test helpers: callers with API tokens, requests with the TAXII media type, and valid STIX 2.1 objects.
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { systemContext, type UserActor } from '../../src/auth/actor.js';
import { issueToken } from '../../src/auth/account.service.js';
import type { OrgRole, PlatformRole } from '../../src/auth/roles.js';
import { createGroupCollection } from '../../src/modules/taxii/collections.service.js';
import { TAXII_MEDIA_TYPE } from '../../src/modules/taxii/media.js';
import { addObjects } from '../../src/modules/taxii/store.service.js';
import { createUser, type TestContext } from './app.js';

export const TAXII = TAXII_MEDIA_TYPE;
export const ROOT = '/taxii2/community';

export const TLP = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  amberStrict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  white1: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
} as const;

export const DESK_IDENTITY = 'identity--a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b';

export interface TaxiiCaller {
  userId: string;
  email: string;
  authorization: string;
}

/** A user with an API token, calling with HTTP Basic (e-mail + token) as TAXII clients do. */
export async function taxiiCaller(
  ctx: TestContext,
  input: { roles?: PlatformRole[]; orgs?: Array<{ orgId: string; role: OrgRole }>; scopes?: Array<'read' | 'write'> } = {},
): Promise<TaxiiCaller> {
  const user = await createUser(ctx, { roles: input.roles ?? [], orgs: input.orgs ?? [] });
  const { token } = await issueToken(ctx.db, systemContext(), user.id, { name: 'taxii', scopes: input.scopes ?? ['read', 'write'], expiresInDays: 1 });
  return { userId: user.id, email: user.email, authorization: `Basic ${Buffer.from(`${user.email}:${token}`).toString('base64')}` };
}

/** A TAXII request: Accept (and Content-Type for bodies) set to the TAXII 2.1 media type unless given. */
export function taxii(ctx: TestContext, caller: TaxiiCaller | null) {
  return (options: InjectOptions & { json?: unknown }): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { accept: TAXII, ...(options.headers as Record<string, string> | undefined) };
    if (caller) headers.authorization = caller.authorization;
    const { json, ...rest } = options;
    if (json !== undefined) {
      headers['content-type'] ??= TAXII;
      return ctx.app.inject({ ...rest, headers, payload: JSON.stringify(json) });
    }
    return ctx.app.inject({ ...rest, headers });
  };
}

export async function collectionIds(ctx: TestContext, orgIds: readonly string[] = []) {
  const rows = await ctx.db.selectFrom('taxii_collections').select(['id', 'audience', 'org_id', 'group_id']).execute();
  const find = (audience: string, orgId: string | null = null) => rows.find((r) => r.audience === audience && r.org_id === orgId)?.id as string;
  return {
    community: find('community'),
    public: find('public'),
    feed: Object.fromEntries(orgIds.map((id) => [id, find('feed', id)])) as Record<string, string>,
    inbox: Object.fromEntries(orgIds.map((id) => [id, find('inbox', id)])) as Record<string, string>,
  };
}

export const stixId = (type: string): string => `${type}--${randomUUID()}`;

export function indicator(input: { id?: string; tlp?: keyof typeof TLP | null; modified?: string; created?: string; createdBy?: string | null; name?: string; revoked?: boolean } = {}) {
  const created = input.created ?? '2026-01-01T00:00:00.000Z';
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: input.id ?? stixId('indicator'),
    created,
    modified: input.modified ?? created,
    ...(input.createdBy === null ? {} : { created_by_ref: input.createdBy ?? DESK_IDENTITY }),
    name: input.name ?? 'Malicious host',
    pattern: "[ipv4-addr:value = '198.51.100.3']",
    pattern_type: 'stix',
    valid_from: created,
    ...(input.revoked ? { revoked: true } : {}),
    ...(input.tlp === null ? {} : { object_marking_refs: [TLP[input.tlp ?? 'green']] }),
  };
}

export const ipv4 = (value: string, tlp: keyof typeof TLP = 'clear') => ({
  type: 'ipv4-addr', spec_version: '2.1', id: stixId('ipv4-addr'), value, object_marking_refs: [TLP[tlp]],
});

export const statusOf = (res: LightMyRequestResponse) => res.json<{
  id: string; status: string; total_count: number; success_count: number; failure_count: number; pending_count: number;
  successes?: Array<{ id: string; version: string; message?: string }>; failures?: Array<{ id: string; version: string; message?: string }>;
}>();

/** A sharing group with its collection, written directly (the service is tested on its own). */
export async function createGroup(ctx: TestContext, name: string, orgIds: readonly string[]): Promise<{ id: string; collectionId: string }> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await ctx.db.insertInto('sharing_groups').values({ id, name, description: '', created_at: now, updated_at: now }).execute();
  for (const orgId of orgIds) await ctx.db.insertInto('sharing_group_members').values({ group_id: id, org_id: orgId, added_at: now }).execute();
  return { id, collectionId: await createGroupCollection(ctx.db, id) };
}

/** Stores a TLP:CLEAR indicator in a collection, as the operator; `asUser` makes them the status's owner. */
export async function seedObject(ctx: TestContext, collectionId: string, asUser?: string): Promise<{ objectId: string; statusId: string }> {
  const object = indicator({ tlp: 'clear' });
  const request = asUser ? { ...systemContext('en'), actor: userActor(asUser) } : systemContext('en');
  const { status } = await addObjects(ctx.db, { request, defaultTlp: 'amber' }, collectionId, [object]);
  if (status.success_count !== 1) throw new Error(`seeding failed: ${JSON.stringify(status)}`);
  return { objectId: object.id, statusId: status.id };
}

function userActor(userId: string): UserActor {
  return {
    kind: 'user', userId, email: `${userId}@example.org`, locale: 'en', platformRoles: new Set(), orgRoles: new Map(), activeOrgIds: new Set(), via: 'session',
    scopes: new Set(['read', 'write']), sessionId: null, mfaEnrollmentRequired: false,
  };
}
