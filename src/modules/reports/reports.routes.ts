import type { Static } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { IdParams, NoContent, withErrors } from '../../http/schemas.js';
import { addAttachment, readAttachment } from './attachments.service.js';
import { listRegimes, setRegime } from './deadlines.service.js';
import * as s from './reports.schema.js';
import * as reports from './reports.service.js';
import * as triage from './triage.service.js';
import { withoutControls } from './attachment-check.js';

const tags = ['reports'];
type Params = Static<typeof IdParams>;
const user = { access: 'user' as const };

/** RFC 6266: an ASCII fallback name and the UTF-8 name; always a download, never shown inline. */
function contentDisposition(stored: string): string {
  const filename = withoutControls(stored); // also for names stored before bidirectional controls were removed on upload
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** `onSubmitted` runs inside each submission's and amendment's transaction (app.ts: mutual aid asks for help). */
export function reportRoutes(db: Database, deps: AppDeps, onSubmitted?: reports.ReportSubmittedHook) {
  const { config } = deps;
  return async function routes(app: FastifyInstance) {
    // Attachments arrive as raw bytes (the file name in the query); only on the upload route.
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('attachment_too_large', { max: config.attachmentMaxBytes });
      throw error;
    });

    app.get<{ Querystring: s.ListQuery }>('/api/reports', {
      config: user,
      schema: { tags, summary: 'Reports I may see: my organisations\' (drafts too), or every submitted report for coordinators (the triage queue)', querystring: s.ListQuery, response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => reports.listReports(db, request.ctx, config, request.query));

    app.post<{ Body: s.CreateReportBody }>('/api/reports', {
      config: user,
      schema: { tags, summary: 'Start a report (a draft) for one of my organisations', body: s.CreateReportBody, response: withErrors({ 201: s.Created }) },
    }, async (request, reply) => reply.status(201).send(await reports.createReport(db, request.ctx, request.body)));

    app.get('/api/reports/assignees', {
      config: user,
      schema: { tags, summary: 'Coordinators a case can be assigned to (coordinators)', response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => triage.listAssignees(db, request.ctx));

    app.get<{ Params: Params }>('/api/reports/:id', {
      config: user,
      schema: { tags, summary: 'One report: versions, attachments, timeline (internal entries for coordinators only), deadlines, SLA', params: IdParams, response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => reports.getReport(db, request.ctx, config, request.params.id));

    app.put<{ Params: Params; Body: s.DraftBody }>('/api/reports/:id/draft', {
      config: user,
      schema: { tags, summary: 'Save the draft (before submission)', params: IdParams, body: s.DraftBody, response: withErrors(NoContent) },
    }, async (request, reply) => { await reports.saveDraft(db, request.ctx, request.params.id, request.body); return reply.status(204).send(); });

    app.post<{ Params: Params }>('/api/reports/:id/submit', {
      config: user,
      schema: { tags, summary: 'Submit the draft; with answers.help.wanted yes it asks for help too (a help request from the report)', params: IdParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await reports.submitReport(db, request.ctx, request.params.id, onSubmitted);
      await deps.mailer.flush(db);
      return reply.status(204).send();
    });

    app.post<{ Params: Params; Body: s.AmendBody }>('/api/reports/:id/amendments', {
      config: user,
      schema: { tags, summary: 'Amend a submitted report: a new version; earlier ones are kept. Help wanted asks for help if no request is open', params: IdParams, body: s.AmendBody, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await reports.amendReport(db, request.ctx, request.params.id, request.body, onSubmitted);
      await deps.mailer.flush(db);
      return reply.status(204).send();
    });

    app.post<{ Params: Params; Querystring: s.UploadQuery }>('/api/reports/:id/attachments', {
      config: user,
      bodyLimit: config.attachmentMaxBytes,
      schema: {
        tags, summary: 'Attach a file: the raw bytes as application/octet-stream, its name in ?filename=', params: IdParams, querystring: s.UploadQuery,
        response: withErrors({ 201: s.Attachment, 413: { $ref: 'ErrorBody' }, 415: { $ref: 'ErrorBody' } }),
      },
    }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type');
      const input = { filename: request.query.filename, sample: request.query.sample, content: request.body };
      return reply.status(201).send(await addAttachment(db, request.ctx, config, request.params.id, input));
    });

    app.get<{ Params: s.AttachmentParams }>('/api/reports/:id/attachments/:attachmentId', {
      config: user,
      schema: { tags, summary: 'Download an attachment (always as a file, never shown inline)', params: s.AttachmentParams },
    }, async (request, reply) => {
      const file = await readAttachment(db, request.ctx, request.params.id, request.params.attachmentId);
      return reply.header('content-type', 'application/octet-stream').header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content);
    });

    app.post<{ Params: Params; Body: s.CommentBody }>('/api/reports/:id/comments', {
      config: user,
      schema: { tags, summary: 'Comment: coordinators choose internal or visible to the reporter; the reporter\'s are visible', params: IdParams, body: s.CommentBody, response: withErrors(NoContent) },
    }, async (request, reply) => { await triage.addComment(db, request.ctx, request.params.id, request.body); return reply.status(204).send(); });

    app.post<{ Params: Params; Body: s.StateBody }>('/api/reports/:id/state', {
      config: user,
      schema: { tags, summary: 'Move a case: submitted → triage → in_progress → closed (with outcome); closed → triage reopens (coordinators)', params: IdParams, body: s.StateBody, response: withErrors(NoContent) },
    }, async (request, reply) => { await triage.changeState(db, request.ctx, request.params.id, request.body); return reply.status(204).send(); });

    app.put<{ Params: Params; Body: s.AssigneeBody }>('/api/reports/:id/assignee', {
      config: user,
      schema: { tags, summary: 'Assign a case to a coordinator, or null to unassign (coordinators)', params: IdParams, body: s.AssigneeBody, response: withErrors(NoContent) },
    }, async (request, reply) => { await triage.assignReport(db, request.ctx, request.params.id, request.body.assigneeId); return reply.status(204).send(); });

    app.get<{ Params: s.OrgParams }>('/api/report-regimes/:orgId', {
      config: user,
      schema: { tags, summary: 'Reporting-deadline regimes and whether each is enabled for the organisation', params: s.OrgParams, response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => listRegimes(db, request.ctx, request.params.orgId));

    app.put<{ Params: s.RegimeParams; Body: s.RegimeBody }>('/api/report-regimes/:orgId/:regimeId', {
      config: user,
      schema: { tags, summary: 'Enable or disable a regime for the organisation (its org admins)', params: s.RegimeParams, body: s.RegimeBody, response: withErrors({ 200: s.AnyObject }) },
    }, async (request) => setRegime(db, request.ctx, request.params.orgId, request.params.regimeId, request.body.enabled));
  };
}
