import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/connect.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';

const Status = Type.Object({ status: Type.String() });

export function healthRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get('/healthz', {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Status } },
    }, async () => ({ status: 'ok' }));

    app.get('/readyz', {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'The database answers', response: { 200: Status, 503: Type.Ref('ErrorBody') } },
    }, async (request) => {
      try {
        await pingDatabase(db);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new AppError('not_ready');
      }
      return { status: 'ready' };
    });
  };
}
