// Correlation (/api/correlation) and sightings (/api/sightings). Who may see what is decided in the
// services: a caller only ever learns about objects they can read.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withErrors } from '../../http/schemas.js';
import * as s from './correlation.schema.js';
import { listCampaignCandidates, listOverCorrelated, lookupValue } from './correlation.service.js';
import { objectCorrelation } from './object-correlation.service.js';
import { sightIndicator } from './sightings.service.js';

const tags = ['correlation'];

export function correlationRoutes(db: Database, deps: AppDeps) {
  const { config } = deps;
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: { value: string; type?: s.LookupType } }>('/api/correlation/lookup', {
      config: { access: 'user' },
      schema: { tags, summary: 'Which objects I can read hold this value (normalised first; defanged forms accepted)', querystring: s.LookupQuery, response: withErrors({ 200: s.LookupResult }) },
    }, async (request) => lookupValue(db, config, request.ctx, request.query));

    app.get<{ Params: { id: string } }>('/api/correlation/objects/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'An object I can read: its values, the readable objects sharing them, sightings and confidence', params: s.ObjectParams, response: withErrors({ 200: s.ObjectCorrelation }) },
    }, async (request) => objectCorrelation(db, config, request.ctx, request.params.id));

    app.get('/api/correlation/campaigns', {
      config: { access: 'user' },
      schema: { tags, summary: 'Coordinators: clusters of objects and reports sharing values (campaign candidates)', response: withErrors({ 200: s.CampaignList }) },
    }, async (request) => listCampaignCandidates(db, config, request.ctx));

    app.get('/api/correlation/over-correlated', {
      config: { access: 'user' },
      schema: { tags, summary: 'Coordinators: values held by more sources than CORRELATION_MAX_LINKS, for review', response: withErrors({ 200: s.OverCorrelatedList }) },
    }, async (request) => listOverCorrelated(db, config, request.ctx));

    app.post<{ Body: s.SightingBody }>('/api/sightings', {
      config: { access: 'user' },
      schema: { tags, summary: '"We saw this too": record or update my organisation\'s sighting of an indicator I can read', body: s.SightingBody, response: withErrors({ 200: s.Standing }) },
    }, async (request) => sightIndicator(db, config, request.ctx, request.body));
  };
}
