import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import { withErrors } from '../../http/schemas.js';
import { searchAudit } from './audit.service.js';

const Query = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    orgId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Item = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export function auditRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get<{ Querystring: Static<typeof Query> }>('/api/audit', {
      config: { access: 'user' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (administrators and auditors), newest first',
        querystring: Query,
        response: withErrors({ 200: Type.Object({ items: Type.Array(Item), nextBefore: Type.Union([Type.Integer(), Type.Null()]) }) }),
      },
    }, async (request) => searchAudit(db, request.ctx, request.query));
  };
}
