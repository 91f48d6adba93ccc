import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { IdParams, NoContent, withErrors } from '../../http/schemas.js';
import * as s from './aid.schema.js';
import * as caseWork from './aid-case.service.js';
import * as grants from './aid-grants.service.js';
import * as matching from './aid-matching.service.js';
import * as requests from './aid-requests.service.js';
import * as responders from './aid-responders.service.js';
import * as aid from './aid.service.js';

const tags = ['aid'];
type Params = Static<typeof IdParams>;
const user = { access: 'user' as const };
const ok = withErrors({ 200: s.AnyObject });
const none = withErrors(NoContent);

export function aidRoutes(db: Database, deps: AppDeps) {
  const { config } = deps;
  return async function routes(app: FastifyInstance) {
    // ---- responders ----
    app.get('/api/aid/responders/me', { config: user, schema: { tags, summary: 'My responder profile (responders)', response: ok } },
      async (request) => responders.getMyProfile(db, request.ctx));
    app.put<{ Body: s.ProfileBody }>('/api/aid/responders/me', { config: user, schema: { tags, summary: 'Create or update my responder profile; a new one waits for vetting (responders)', body: s.ProfileBody, response: ok } },
      async (request) => responders.saveMyProfile(db, request.ctx, request.body));
    app.get<{ Querystring: s.ResponderQuery }>('/api/aid/responders', { config: user, schema: { tags, summary: 'Every responder profile with its load (coordinators)', querystring: s.ResponderQuery, response: ok } },
      async (request) => responders.listAllResponders(db, request.ctx, request.query));
    app.post<{ Params: Params; Body: s.VettingBody }>('/api/aid/responders/:id/vetting', { config: user, schema: { tags, summary: 'Vet or reject a responder (coordinators)', params: IdParams, body: s.VettingBody, response: ok } },
      async (request) => responders.setVetting(db, request.ctx, request.params.id, request.body.decision));
    app.get('/api/aid/responder-home', { config: user, schema: { tags, summary: 'Offers waiting, my cases and my response times (responders)', response: ok } },
      async (request) => aid.responderHome(db, config, request.ctx));

    // ---- requests ----
    app.get<{ Querystring: s.ListQuery }>('/api/aid/requests', { config: user, schema: { tags, summary: 'Help requests I may see: my organisations\', offered or assigned to me, or all (coordinators)', querystring: s.ListQuery, response: ok } },
      async (request) => requests.listVisibleRequests(db, config, request.ctx, request.query));
    app.post<{ Body: s.RequestBody }>('/api/aid/requests', { config: user, schema: { tags, summary: 'Ask for help for one of my organisations; offered at once to the best matches, or escalated', body: s.RequestBody, response: withErrors({ 201: s.Created }) } },
      async (request, reply) => reply.status(201).send(await requests.createRequest(db, deps, request.ctx, request.body)));
    app.get<{ Params: Params }>('/api/aid/requests/:id', { config: user, schema: { tags, summary: 'One help request as my side sees it', params: IdParams, response: ok } },
      async (request) => caseWork.getRequestDetail(db, deps, request.ctx, request.params.id));
    app.post<{ Params: Params }>('/api/aid/requests/:id/cancel', { config: user, schema: { tags, summary: 'Cancel (the requesting organisation, coordinators)', params: IdParams, response: none } },
      async (request, reply) => { await requests.cancelRequest(db, deps, request.ctx, request.params.id); return reply.status(204).send(); });
    app.post<{ Params: Params }>('/api/aid/requests/:id/start', { config: user, schema: { tags, summary: 'Acknowledge and start work (the assigned responder)', params: IdParams, response: none } },
      async (request, reply) => { await requests.startWork(db, request.ctx, request.params.id); return reply.status(204).send(); });
    app.post<{ Params: Params; Body: s.CloseBody }>('/api/aid/requests/:id/close', { config: user, schema: { tags, summary: 'Close with the outcome and my feedback (the requesting organisation)', params: IdParams, body: s.CloseBody, response: none } },
      async (request, reply) => { await requests.closeRequest(db, deps, request.ctx, request.params.id, request.body); return reply.status(204).send(); });

    // ---- matching and offers ----
    app.get<{ Params: Params }>('/api/aid/requests/:id/matches', { config: user, schema: { tags, summary: 'Responders ranked for the request, with the reasons (coordinators)', params: IdParams, response: ok } },
      async (request) => matching.listMatches(db, request.ctx, request.params.id));
    app.post<{ Params: Params; Body: s.OfferBody }>('/api/aid/requests/:id/offers', { config: user, schema: { tags, summary: 'Offer the request to responders (coordinators)', params: IdParams, body: s.OfferBody, response: ok } },
      async (request) => matching.offerRequest(db, deps, request.ctx, request.params.id, request.body.responderIds));
    app.post<{ Params: Params }>('/api/aid/offers/:id/accept', { config: user, schema: { tags, summary: 'Accept an offer; 409 aid_request_taken when another responder was first', params: IdParams, response: ok } },
      async (request) => matching.acceptOffer(db, deps, request.ctx, request.params.id));
    app.post<{ Params: Params; Body: s.DeclineBody }>('/api/aid/offers/:id/decline', { config: user, schema: { tags, summary: 'Decline an offer with a reason', params: IdParams, body: s.DeclineBody, response: none } },
      async (request, reply) => { await matching.declineOffer(db, deps, request.ctx, request.params.id, request.body); return reply.status(204).send(); });

    // ---- full report access ----
    app.post<{ Params: Params }>('/api/aid/requests/:id/grant', { config: user, schema: { tags, summary: 'Grant the assigned responder the full (unredacted) report (the requesting organisation)', params: IdParams, response: none } },
      async (request, reply) => { await grants.grantFullAccess(db, request.ctx, request.params.id); return reply.status(204).send(); });
    app.delete<{ Params: Params }>('/api/aid/requests/:id/grant', { config: user, schema: { tags, summary: 'Revoke full report access (the requesting organisation)', params: IdParams, response: none } },
      async (request, reply) => { await grants.revokeFullAccess(db, request.ctx, request.params.id); return reply.status(204).send(); });
    app.get<{ Params: Params }>('/api/aid/requests/:id/full-report', { config: user, schema: { tags, summary: 'The full report: only the assigned responder with a grant; every read is audited and in the ledger', params: IdParams, response: ok } },
      async (request) => grants.readFullReport(db, request.ctx, request.params.id));

    // ---- case work ----
    app.put<{ Params: s.TaskParams; Body: s.TaskBody }>('/api/aid/requests/:id/tasks/:taskId', { config: user, schema: { tags, summary: 'Tick or untick a checklist item (the organisation, the assigned responder)', params: s.TaskParams, body: s.TaskBody, response: none } },
      async (request, reply) => { await caseWork.setTask(db, request.ctx, request.params.id, request.params.taskId, request.body.done); return reply.status(204).send(); });
    app.post<{ Params: Params; Body: s.PostBody }>('/api/aid/requests/:id/messages', { config: user, schema: { tags, summary: 'A message between the organisation and the assigned responder', params: IdParams, body: s.PostBody, response: none } },
      async (request, reply) => { await caseWork.postMessage(db, deps, request.ctx, request.params.id, request.body.body); return reply.status(204).send(); });
    app.post<{ Params: Params; Body: s.PostBody }>('/api/aid/requests/:id/notes', { config: user, schema: { tags, summary: 'A private note (the assigned responder, coordinators)', params: IdParams, body: s.PostBody, response: none } },
      async (request, reply) => { await caseWork.postNote(db, request.ctx, request.params.id, request.body.body); return reply.status(204).send(); });

    // ---- desk and notifications ----
    app.get('/api/aid/metrics', { config: user, schema: { tags, summary: 'Response times per urgency, responder load, requests at risk (coordinators, auditors)', response: ok } },
      async (request) => aid.aidMetrics(db, config, request.ctx));
    app.get('/api/aid/notifications', { config: user, schema: { tags, summary: 'My mutual-aid notifications', response: ok } },
      async (request) => aid.myNotifications(db, request.ctx));
    app.post<{ Body: s.ReadBody }>('/api/aid/notifications/read', { config: user, schema: { tags, summary: 'Mark my notifications read (all, or the given ids)', body: s.ReadBody, response: none } },
      async (request, reply) => { await aid.readNotifications(db, request.ctx, request.body.ids); return reply.status(204).send(); });
  };
}
