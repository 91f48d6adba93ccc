import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import { IdParams, NoContent, withErrors } from '../../http/schemas.js';
import { listMembers, removeMember, setMemberRole } from './memberships.service.js';
import * as s from './users.schema.js';

const tags = ['users'];
type MemberParams = { Params: Static<typeof s.MemberParams> };

export function membershipRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Params: Static<typeof IdParams> }>('/api/orgs/:id/members', {
      config: { access: 'user' },
      schema: { tags, summary: 'The people of an organisation and their roles', params: IdParams, response: withErrors({ 200: s.MemberList }) },
    }, async (request) => listMembers(db, request.ctx, request.params.id));

    app.put<MemberParams & { Body: Static<typeof s.MemberRoleBody> }>('/api/orgs/:id/members/:userId', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set a member\'s role (administrators may also add any existing user)',
        params: s.MemberParams,
        body: s.MemberRoleBody,
        response: withErrors({ 200: s.Member }),
      },
    }, async (request) => setMemberRole(db, request.ctx, request.params.id, request.params.userId, request.body.role));

    app.delete<MemberParams>('/api/orgs/:id/members/:userId', {
      config: { access: 'user' },
      schema: { tags, summary: 'Remove someone from an organisation', params: s.MemberParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await removeMember(db, request.ctx, request.params.id, request.params.userId);
      return reply.status(204).send();
    });
  };
}
