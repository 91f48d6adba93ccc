import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';

export function userRoutes(_db: Database, _deps: AppDeps) {
  return async function routes(_app: FastifyInstance) {};
}
