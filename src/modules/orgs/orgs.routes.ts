import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { IdParams, withErrors } from '../../http/schemas.js';
import * as s from './orgs.schema.js';
import * as orgs from './orgs.service.js';

const tags = ['orgs'];
type Params = Static<typeof IdParams>;

export function orgRoutes(db: Database, _deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: s.OrgListQuery }>('/api/orgs', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Organisations I may see (all for administrators, coordinators and auditors; otherwise my own), by English name',
        querystring: s.OrgListQuery,
        response: withErrors({ 200: s.OrgList }),
      },
    }, async (request) => orgs.listOrgs(db, request.ctx, request.query));

    app.post<{ Body: s.OrgInputBody }>('/api/orgs', {
      config: { access: 'user' },
      schema: { tags, summary: 'Register an organisation (administrators)', body: s.OrgInputBody, response: withErrors({ 201: s.Org }) },
    }, async (request, reply) => reply.status(201).send(await orgs.createOrg(db, request.ctx, request.body)));

    app.get<{ Params: Params }>('/api/orgs/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One organisation\'s profile', params: IdParams, response: withErrors({ 200: s.Org }) },
    }, async (request) => orgs.getOrg(db, request.ctx, request.params.id));

    app.patch<{ Params: Params; Body: s.OrgPatchBody }>('/api/orgs/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change an organisation\'s profile (administrators, its org admins); only administrators change the status',
        params: IdParams,
        body: s.OrgPatchBody,
        response: withErrors({ 200: s.Org }),
      },
    }, async (request) => orgs.updateOrg(db, request.ctx, request.params.id, request.body));
  };
}
