// The threat-intel browser's API (/api/intel): collections, object search, one object with its graph,
// bundle import and export. Permissions are TAXII's, per collection.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { withErrors } from '../../http/schemas.js';
import * as s from './browse.schema.js';
import { listIntelCollections, listIntelObjects } from './browse.service.js';
import { getIntelObject } from './browse-object.service.js';
import { exportIntelBundle, importIntelBundle } from './browse-transfer.service.js';

const tags = ['intel'];

// A bundle file may also be sent as application/stix+json (any version parameter).
function parseBundle(_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void): void {
  try {
    done(null, JSON.parse(typeof body === 'string' ? body : body.toString('utf8')));
  } catch {
    done(new AppError('invalid_json'));
  }
}

export function browseRoutes(db: Database, deps: AppDeps) {
  const { config } = deps;
  return async function routes(app: FastifyInstance) {
    app.addContentTypeParser('application/stix+json', { parseAs: 'string' }, parseBundle);

    app.get('/api/intel/collections', {
      config: { access: 'user' },
      schema: { tags, summary: 'Collections I can read or write, with who can read them and how many objects they hold', response: withErrors({ 200: s.IntelCollectionList }) },
    }, async (request) => listIntelCollections(db, config, request.ctx));

    app.get<{ Querystring: s.ObjectListQuery }>('/api/intel/objects', {
      config: { access: 'user' },
      schema: {
        tags, summary: 'The latest versions of the objects I can read, newest first, each object once; keyset pages (nextBefore)',
        querystring: s.ObjectListQuery, response: withErrors({ 200: s.ObjectPage }),
      },
    }, async (request) => listIntelObjects(db, config, request.ctx, request.query));

    app.get<{ Params: { id: string } }>('/api/intel/objects/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One object as far as I can read it: latest version, versions, collections, relationships one hop away', params: s.ObjectParams, response: withErrors({ 200: s.ObjectDetail }) },
    }, async (request) => getIntelObject(db, config, request.ctx, request.params.id));

    app.post<{ Params: { id: string }; Body: unknown }>('/api/intel/collections/:id/import', {
      config: { access: 'user' },
      bodyLimit: config.taxiiMaxContentLength,
      schema: {
        tags, summary: 'Import a STIX bundle into a collection I can write; valid objects are stored, each failure is reported',
        params: s.CollectionParams, body: s.BundleBody, response: withErrors({ 200: s.ImportStatus, 413: { $ref: 'ErrorBody' }, 422: { $ref: 'ErrorBody' } }),
      },
    }, async (request) => importIntelBundle(db, config, request.ctx, request.params.id, request.body));

    app.get<{ Params: { id: string } }>('/api/intel/collections/:id/export', {
      config: { access: 'user' },
      schema: { tags, summary: 'Download the collection as a STIX bundle (latest versions), streamed', params: s.CollectionParams, response: withErrors({}) },
    }, async (request, reply) => {
      const { filename, chunks } = await exportIntelBundle(db, config, request.ctx, request.params.id);
      return reply
        .header('content-type', 'application/stix+json;version=2.1')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Readable.from(chunks));
    });
  };
}
