import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withDetails } from '../../http/error-details.js';
import { NoContent, withErrors } from '../../http/schemas.js';
import * as s from './assets.schema.js';
import * as assets from './assets.service.js';

const tags = ['assets'];
const detailed = { 400: s.DetailedError };
type OrgRequest = { Params: { orgId: string } };
type AssetRequest = { Params: { orgId: string; id: string } };


export function assetRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get<OrgRequest>('/api/orgs/:orgId/assets', {
      config: { access: 'user' },
      schema: { tags, summary: 'The organisation\'s assets (its members; the coordinator desk sees the assets shared with it)', params: s.OrgParams, response: withErrors({ 200: s.AssetList }) },
    }, async (request) => assets.listAssets(db, request.ctx, request.params.orgId));

    app.post<OrgRequest & { Body: s.AssetBody }>('/api/orgs/:orgId/assets', {
      config: { access: 'user' },
      schema: { tags, summary: 'Add an asset (members of the organisation)', params: s.OrgParams, body: s.AssetBody, response: { ...withErrors({ 201: s.Asset }), ...detailed } },
    }, async (request, reply) => withDetails(request, reply, async () => reply.status(201).send(await assets.createAsset(db, deps, request.ctx, request.params.orgId, request.body))));

    app.put<AssetRequest & { Body: s.AssetBody }>('/api/orgs/:orgId/assets/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Replace an asset (members of the organisation)', params: s.AssetParams, body: s.AssetBody, response: { ...withErrors({ 200: s.Asset }), ...detailed } },
    }, async (request, reply) => withDetails(request, reply, () => assets.updateAsset(db, deps, request.ctx, request.params.orgId, request.params.id, request.body)));

    app.delete<AssetRequest>('/api/orgs/:orgId/assets/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Remove an asset and its findings (members of the organisation)', params: s.AssetParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await assets.deleteAsset(db, request.ctx, request.params.orgId, request.params.id);
      return reply.status(204).send();
    });
  };
}
