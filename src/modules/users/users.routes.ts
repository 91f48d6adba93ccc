import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { IdParams, NoContent, withErrors } from '../../http/schemas.js';
import { inviteUser } from './invitations.service.js';
import { membershipRoutes } from './memberships.routes.js';
import * as s from './users.schema.js';
import * as users from './users.service.js';

const tags = ['users'];
type Id = { Params: Static<typeof IdParams> };

export function userRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: Static<typeof s.UserListQuery> }>('/api/users', {
      config: { access: 'user' },
      schema: { tags, summary: 'People on the platform (administrators); q searches e-mail and name', querystring: s.UserListQuery, response: withErrors({ 200: s.UserList }) },
    }, async (request) => users.listUsers(db, request.ctx, request.query));

    app.get<Id>('/api/users/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One person: roles, memberships, two-factor and lockout state', params: IdParams, response: withErrors({ 200: s.UserDetail }) },
    }, async (request) => users.getUser(db, deps, request.ctx, request.params.id));

    app.patch<Id & { Body: Static<typeof s.UserPatchBody> }>('/api/users/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a name, platform roles or status (disabling ends the sessions; the last administrator stays)',
        params: IdParams,
        body: s.UserPatchBody,
        response: withErrors({ 200: s.UserDetail }),
      },
    }, async (request) => users.updateUserAccount(db, deps, request.ctx, request.params.id, request.body));

    app.post<Id>('/api/users/:id/unlock', {
      config: { access: 'user' },
      schema: { tags, summary: 'Clear a sign-in lockout after repeated failures', params: IdParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await users.unlockUser(db, request.ctx, request.params.id);
      return reply.status(204).send();
    });

    app.post<Id>('/api/users/:id/password-reset', {
      config: { access: 'user' },
      schema: { tags, summary: 'E-mail the person a one-time link to set a new password', params: IdParams, response: withErrors({ 202: Type.Null() }) },
    }, async (request, reply) => {
      await users.resetUserPassword(db, deps, request.ctx, request.params.id);
      return reply.status(202).send();
    });

    app.post<{ Body: Static<typeof s.InvitationBody> }>('/api/invitations', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Invite someone by e-mail (administrators: any roles; org admins: into their organisation)',
        body: s.InvitationBody,
        response: withErrors({ 201: s.InvitationResult }),
      },
    }, async (request, reply) => reply.status(201).send(await inviteUser(db, deps, request.ctx, request.body)));

    await app.register(membershipRoutes(db));
  };
}
