import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { NoContent, withErrors } from '../../http/schemas.js';
import { advisoryBrief, sightAdvisory } from './advisory-brief.service.js';
import { getAdvisoryDraft } from './advisory-draft.service.js';
import { listMyNotifications, listPublishedAdvisories } from './notifications.service.js';
import { publishAdvisory } from './publication.service.js';
import { addRedactionMemory, deleteRedactionMemory, listRedactionMemory } from './redaction-memory.service.js';
import { decideRedactions, getRedactionReview } from './redaction-review.service.js';
import * as s from './sharing.schema.js';

const tags = ['sharing'];

// A refused publication says what leaked and in which fields, beside the shared {error: {code, message}}.
async function withLeakDetails(request: FastifyRequest, reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'publication_leak') throw error;
    return reply.status(error.status).send({ error: { code: error.code, message: error.localized(request.ctx.locale), details: error.details } });
  }
}

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

    app.get<{ Params: s.OrgParams }>('/api/orgs/:orgId/redaction-memory', {
      config: { access: 'user' },
      schema: { tags, summary: 'Values taught to the redaction detector for this organisation (coordinators)', params: s.OrgParams, response: withErrors({ 200: s.MemoryList }) },
    }, async (request) => listRedactionMemory(db, request.ctx, request.params.orgId));

    app.post<{ Params: s.OrgParams; Body: s.MemoryBody }>('/api/orgs/:orgId/redaction-memory', {
      config: { access: 'user' },
      schema: { tags, summary: 'Teach the detector a value to redact in this organisation\'s later reports (coordinators)', params: s.OrgParams, body: s.MemoryBody, response: withErrors({ 201: s.MemoryItem }) },
    }, async (request, reply) => reply.status(201).send(await addRedactionMemory(db, request.ctx, request.params.orgId, request.body)));

    app.delete<{ Params: s.MemoryParams }>('/api/orgs/:orgId/redaction-memory/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Forget a taught value (coordinators)', params: s.MemoryParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await deleteRedactionMemory(db, request.ctx, request.params.orgId, request.params.id);
      return reply.status(204).send();
    });

    app.get<{ Params: s.ReportParams }>('/api/reports/:id/advisory-draft', {
      config: { access: 'user' },
      schema: { tags, summary: 'Starting point of an advisory: redacted text, indicators found, the generalised victim profile (coordinators)', params: s.ReportParams, response: withErrors({ 200: s.Draft }) },
    }, async (request) => getAdvisoryDraft(db, deps.config, request.ctx, request.params.id));

    app.post<{ Params: s.ReportParams; Body: s.PublishBody }>('/api/reports/:id/advisory', {
      config: { access: 'user' },
      schema: { tags, summary: 'Publish an advisory from the reviewed report under the desk\'s identity (coordinators)', params: s.ReportParams, body: s.PublishBody, response: withErrors({ 201: s.Published, 422: s.LeakError }) },
    }, async (request, reply) => withLeakDetails(request, reply, async () =>
      reply.status(201).send(await publishAdvisory(db, deps.config, request.ctx, request.params.id, request.body))));

    app.get('/api/advisories', {
      config: { access: 'user' },
      schema: { tags, summary: 'Published advisories, newest first (coordinators)', response: withErrors({ 200: s.AdvisoryList }) },
    }, async (request) => listPublishedAdvisories(db, request.ctx));

    app.get<{ Params: s.AdvisoryParams }>('/api/advisories/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'An advisory as a member reads it, in my language: what happened, what to do, its indicators with sightings and hints where they touch my organisations (members who can read it)', params: s.AdvisoryParams, response: withErrors({ 200: s.AdvisoryBrief }) },
    }, async (request) => advisoryBrief(db, deps.config, request.ctx, request.params.id));

    app.post<{ Params: s.AdvisoryParams; Body: s.SightAllBody }>('/api/advisories/:id/sightings', {
      config: { access: 'user' },
      schema: { tags, summary: '"We saw these too": confirm every indicator of the advisory for my organisation in one action', params: s.AdvisoryParams, body: s.SightAllBody, response: withErrors({ 200: s.AdvisoryBrief }) },
    }, async (request) => sightAdvisory(db, deps.config, request.ctx, request.params.id, request.body.orgId));

    app.get('/api/notifications', {
      config: { access: 'user' },
      schema: { tags, summary: 'Advisories addressed to my organisations, newest first', response: withErrors({ 200: s.NotificationList }) },
    }, async (request) => listMyNotifications(db, request.ctx));
  };
}
