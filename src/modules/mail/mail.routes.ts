import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import { NullableTimestamp, Timestamp, withErrors } from '../../http/schemas.js';
import { readOutbox } from './mail.service.js';

const Query = Type.Object(
  { before: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
  { additionalProperties: false },
);
const Item = Type.Object({
  id: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
  sentAt: NullableTimestamp,
  error: Type.Union([Type.String(), Type.Null()]),
});

export function mailRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: Static<typeof Query> }>('/api/outbox', {
      config: { access: 'user' },
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mail (administrators): everything sent, or held when no SMTP server is configured',
        querystring: Query,
        response: withErrors({ 200: Type.Object({ items: Type.Array(Item), nextBefore: Type.Union([Type.String(), Type.Null()]) }) }),
      },
    }, async (request) => readOutbox(db, request.ctx, request.query));
  };
}
