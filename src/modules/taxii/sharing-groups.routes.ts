import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import { NoContent, withErrors } from '../../http/schemas.js';
import * as s from './sharing-groups.schema.js';
import * as groups from './sharing-groups.service.js';

const tags = ['sharing-groups'];

export function sharingGroupRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get('/api/sharing-groups', {
      config: { access: 'user' },
      schema: { tags, summary: 'Sharing groups (all for coordinators and administrators; otherwise those my organisations are in)', response: withErrors({ 200: s.GroupList }) },
    }, async (request) => groups.listSharingGroups(db, request.ctx));

    app.post<{ Body: s.GroupInputBody }>('/api/sharing-groups', {
      config: { access: 'user' },
      schema: { tags, summary: 'Create a sharing group and its TAXII collection (coordinators, administrators)', body: s.GroupInputBody, response: withErrors({ 201: s.Group }) },
    }, async (request, reply) => reply.status(201).send(await groups.createSharingGroup(db, request.ctx, request.body)));

    app.get<{ Params: s.GroupParams }>('/api/sharing-groups/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One sharing group with its member organisations', params: s.GroupParams, response: withErrors({ 200: s.Group }) },
    }, async (request) => groups.getSharingGroup(db, request.ctx, request.params.id));

    app.patch<{ Params: s.GroupParams; Body: s.GroupPatchBody }>('/api/sharing-groups/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Rename or describe a sharing group (coordinators, administrators)', params: s.GroupParams, body: s.GroupPatchBody, response: withErrors({ 200: s.Group }) },
    }, async (request) => groups.updateSharingGroup(db, request.ctx, request.params.id, request.body));

    app.delete<{ Params: s.GroupParams }>('/api/sharing-groups/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a sharing group, its collection and what only it held (coordinators, administrators)', params: s.GroupParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await groups.deleteSharingGroup(db, request.ctx, request.params.id);
      return reply.status(204).send();
    });

    app.put<{ Params: s.GroupMemberParams }>('/api/sharing-groups/:id/members/:orgId', {
      config: { access: 'user' },
      schema: { tags, summary: 'Add an organisation to a sharing group (coordinators, administrators)', params: s.GroupMemberParams, response: withErrors({ 200: s.Group }) },
    }, async (request) => groups.addSharingGroupMember(db, request.ctx, request.params.id, request.params.orgId));

    app.delete<{ Params: s.GroupMemberParams }>('/api/sharing-groups/:id/members/:orgId', {
      config: { access: 'user' },
      schema: { tags, summary: 'Remove an organisation from a sharing group (coordinators, administrators)', params: s.GroupMemberParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await groups.removeSharingGroupMember(db, request.ctx, request.params.id, request.params.orgId);
      return reply.status(204).send();
    });
  };
}
