import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { errorMessage } from '../../i18n/messages.js';
import { withDetails } from '../../http/error-details.js';
import { IdParams, NoContent, withErrors } from '../../http/schemas.js';
import { DIRECTORY_LIMITS, PREFECTURE_CODES, PROBLEM_CODES, type ProblemCode } from './directory-model.js';
import { DIRECTORY_CSS, renderDirectoryPage } from './directory-page.js';
import * as s from './directory.schema.js';
import * as directory from './directory.service.js';

const tags = ['directory'];
const detailed = { 400: s.DetailedError, 422: s.DetailedError };


// The public page reads its query leniently: an unknown value is no filter, never an error page.
function pageQuery(query: Record<string, string | undefined>) {
  const problem = (PROBLEM_CODES as readonly string[]).includes(query.problem ?? '') ? (query.problem as ProblemCode) : undefined;
  const prefecture = PREFECTURE_CODES.includes(query.prefecture ?? '') ? query.prefecture : undefined;
  const q = query.q?.trim().slice(0, DIRECTORY_LIMITS.q) || undefined;
  const page = Math.min(Math.max(Number.parseInt(query.page ?? '1', 10) || 1, 1), 100);
  return { locale: query.lang === 'en' ? ('en' as const) : ('ja' as const), problem, prefecture, q, page, pageSize: 20 };
}

export function directoryRoutes(db: Database, _deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: DIRECTORY_LIMITS.importBytes }, (_request, body, done) => done(null, body));

    app.get<{ Querystring: s.SearchQuery }>('/api/directory', {
      config: { access: 'public' },
      schema: { tags, summary: 'Search the contact directory (public, no sign-in): by problem, prefecture (nationwide entries included) and text', querystring: s.SearchQuery, response: withErrors({ 200: s.EntryPage }) },
    }, async (request) => directory.searchDirectory(db, { ...request.query, problem: request.query.problem as ProblemCode | undefined }));

    app.get<{ Querystring: s.ExportQuery }>('/api/directory/export', {
      config: { access: 'user' },
      schema: { tags, summary: 'Download the whole directory as CSV (UTF-8 with BOM, for Excel) or JSON (coordinators)', querystring: s.ExportQuery, response: withErrors({}) },
    }, async (request, reply) => {
      const file = await directory.exportEntries(db, request.ctx, request.query.format ?? 'csv');
      return reply.header('content-type', file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    });

    app.get<{ Params: { id: string } }>('/api/directory/:id', {
      config: { access: 'public' },
      schema: { tags, summary: 'One directory entry (public)', params: IdParams, response: withErrors({ 200: s.Entry }) },
    }, async (request) => directory.getDirectoryEntry(db, request.params.id));

    app.post<{ Body: s.EntryBody }>('/api/directory', {
      config: { access: 'user' },
      schema: { tags, summary: 'Add a directory entry (coordinators)', body: s.EntryBody, response: { ...withErrors({ 201: s.Entry }), ...detailed } },
    }, async (request, reply) => withDetails(request, reply, async () => reply.status(201).send(await directory.createEntry(db, request.ctx, request.body))));

    app.put<{ Params: { id: string }; Body: s.EntryUpdateBody }>('/api/directory/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Replace a directory entry, naming the version read (coordinators); a stale version answers 409', params: IdParams, body: s.EntryUpdateBody, response: { ...withErrors({ 200: s.Entry }), ...detailed } },
    }, async (request, reply) => withDetails(request, reply, () => directory.updateEntry(db, request.ctx, request.params.id, request.body)));

    app.delete<{ Params: { id: string } }>('/api/directory/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Remove a directory entry (coordinators)', params: IdParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await directory.deleteEntry(db, request.ctx, request.params.id);
      return reply.status(204).send();
    });

    app.post<{ Body: unknown }>('/api/directory/import', {
      config: { access: 'user' },
      bodyLimit: DIRECTORY_LIMITS.importBytes,
      schema: {
        tags, summary: `Import entries from CSV (text/csv) or JSON, all or nothing, at most ${DIRECTORY_LIMITS.importRows} rows (coordinators); problems are listed per row`,
        response: { ...withErrors({ 200: s.ImportResult, 413: { $ref: 'ErrorBody' } }), ...detailed },
      },
    }, async (request, reply) => {
      const format = String(request.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'json';
      const outcome = await directory.importEntries(db, request.ctx, request.body, format);
      if (outcome.ok) return { created: outcome.created, updated: outcome.updated };
      const message = errorMessage('directory_import_invalid', request.ctx.locale, { count: outcome.issues.length });
      return reply.status(422).send({ error: { code: 'directory_import_invalid', message, details: outcome.issues } });
    });

    app.get<{ Querystring: Record<string, string | undefined> }>('/public/directory', {
      config: { access: 'public' },
      schema: { tags, summary: 'The directory as a plain HTML page with a search form (works without JavaScript); ?lang=en for English', hide: true },
    }, async (request, reply) => {
      const query = pageQuery(request.query);
      const result = await directory.searchDirectory(db, { ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(renderDirectoryPage(result, query));
    });

    app.get('/public/directory.css', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DIRECTORY_CSS));
  };
}
