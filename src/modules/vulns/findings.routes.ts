import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withErrors } from '../../http/schemas.js';
import { OrgParams } from './assets.schema.js';
import * as s from './findings.schema.js';
import * as findings from './findings.service.js';
import { vulnsSummary } from './vulns-summary.service.js';

const tags = ['vulnerabilities'];

export function findingRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Params: { orgId: string }; Querystring: { limit?: number } }>('/api/orgs/:orgId/findings', {
      config: { access: 'user' },
      schema: {
        tags, summary: 'What affects the organisation\'s assets, most urgent first, and what to check (members of the organisation)',
        params: OrgParams, querystring: s.FindingQuery, response: withErrors({ 200: s.FindingList }),
      },
    }, async (request) => findings.listFindings(db, request.ctx, request.params.orgId, request.query));

    app.put<{ Params: { orgId: string; id: string }; Body: s.StatusBody }>('/api/orgs/:orgId/findings/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Mark a finding patched, mitigated, not applicable, accepted risk, or open (members)', params: s.FindingParams, body: s.StatusBody, response: withErrors({ 200: s.Finding }) },
    }, async (request) => findings.setFindingStatus(db, request.ctx, request.params.orgId, request.params.id, request.body));

    app.get('/api/vulns/summary', {
      config: { access: 'user' },
      schema: { tags, summary: 'Per CVE and end-of-life product, how many organisations are affected and have resolved it, under k (coordinators)', response: withErrors({ 200: s.VulnSummary }) },
    }, async (request) => vulnsSummary(db, deps.config, request.ctx));
  };
}
