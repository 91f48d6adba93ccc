import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withErrors } from '../../http/schemas.js';
import { getAdvisoryDraft } from './advisory-draft.service.js';
import { listMyNotifications, listPublishedAdvisories } from './notifications.service.js';
import { publishAdvisory } from './publication.service.js';
import { decideRedactions, getRedactionReview } from './redaction-review.service.js';
import * as s from './sharing.schema.js';

const tags = ['sharing'];

export function sharingRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Params: s.ReportParams }>('/api/reports/:id/redactions', {
      config: { access: 'user' },
      schema: { tags, summary: 'Redaction review of the report\'s current version: proposals and decisions (coordinators)', params: s.ReportParams, response: withErrors({ 200: s.Review }) },
    }, async (request) => getRedactionReview(db, request.ctx, request.params.id));

    app.post<{ Params: s.ReportParams; Body: s.DecisionBody }>('/api/reports/:id/redactions', {
      config: { access: 'user' },
      schema: { tags, summary: 'Accept or reject proposals and add redactions (coordinators); each decision is logged in the ledger', params: s.ReportParams, body: s.DecisionBody, response: withErrors({ 200: s.Review }) },
    }, async (request) => decideRedactions(db, deps, request.ctx, request.params.id, request.body));

    app.get<{ Params: s.ReportParams }>('/api/reports/:id/advisory-draft', {
      config: { access: 'user' },
      schema: { tags, summary: 'Starting point of an advisory: redacted text, indicators found, the generalised victim profile (coordinators)', params: s.ReportParams, response: withErrors({ 200: s.Draft }) },
    }, async (request) => getAdvisoryDraft(db, deps.config, request.ctx, request.params.id));

    app.post<{ Params: s.ReportParams; Body: s.PublishBody }>('/api/reports/:id/advisory', {
      config: { access: 'user' },
      schema: { tags, summary: 'Publish an advisory from the reviewed report under the desk\'s identity (coordinators)', params: s.ReportParams, body: s.PublishBody, response: withErrors({ 201: s.Published }) },
    }, async (request, reply) => reply.status(201).send(await publishAdvisory(db, deps.config, request.ctx, request.params.id, request.body)));

    app.get('/api/advisories', {
      config: { access: 'user' },
      schema: { tags, summary: 'Published advisories, newest first (coordinators)', response: withErrors({ 200: s.AdvisoryList }) },
    }, async (request) => listPublishedAdvisories(db, request.ctx));

    app.get('/api/notifications', {
      config: { access: 'user' },
      schema: { tags, summary: 'Advisories addressed to my organisations, newest first', response: withErrors({ 200: s.NotificationList }) },
    }, async (request) => listMyNotifications(db, request.ctx));
  };
}
