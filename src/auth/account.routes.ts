import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { IdParams, NoContent, withErrors } from '../http/schemas.js';
import * as account from './account.service.js';
import * as s from './auth.schema.js';

const tags = ['account'];

export function accountRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get('/api/account', {
      config: { access: 'user' },
      schema: { tags, summary: 'My account', response: withErrors({ 200: Type.Ref('Me') }) },
    }, async (request) => {
      if (request.ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
      return account.describeMe(db, deps, request.ctx.actor.userId);
    });

    app.patch<{ Body: Static<typeof s.ProfileBody> }>('/api/account', {
      config: { access: 'session' },
      schema: { tags, summary: 'Change my display name or language', body: s.ProfileBody, response: withErrors({ 200: Type.Ref('Me') }) },
    }, async (request) => account.updateProfile(db, deps, request.ctx, request.body));

    app.post<{ Body: Static<typeof s.PasswordChangeBody> }>('/api/account/password', {
      config: { access: 'session' },
      schema: { tags, summary: 'Change my password (ends my other sessions)', body: s.PasswordChangeBody, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await account.changePassword(db, deps, request.ctx, request.body);
      return reply.status(204).send();
    });

    app.post('/api/account/totp/setup', {
      config: { access: 'session' },
      schema: { tags, summary: 'Start two-factor set-up: a new TOTP secret', response: withErrors({ 200: s.TotpSetupBody }) },
    }, async (request) => account.startTotpSetup(db, deps, request.ctx));

    app.post<{ Body: Static<typeof s.TotpCodeBody> }>('/api/account/totp/confirm', {
      config: { access: 'session' },
      schema: { tags, summary: 'Finish two-factor set-up with a code from the app', body: s.TotpCodeBody, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await account.confirmTotp(db, deps, request.ctx, request.body.code);
      return reply.status(204).send();
    });

    app.post<{ Body: Static<typeof s.TotpDisableBody> }>('/api/account/totp/disable', {
      config: { access: 'session' },
      schema: { tags, summary: 'Turn two-factor off (not allowed where configuration requires it)', body: s.TotpDisableBody, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await account.disableTotp(db, deps, request.ctx, request.body.password);
      return reply.status(204).send();
    });

    app.get('/api/account/tokens', {
      config: { access: 'session' },
      schema: { tags, summary: 'My API tokens', response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Ref('TokenItem')) }) }) },
    }, async (request) => account.listTokens(db, request.ctx));

    app.post<{ Body: Static<typeof s.NewTokenBody> }>('/api/account/tokens', {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Create an API token; the token is shown only in this response',
        body: s.NewTokenBody,
        response: withErrors({ 201: Type.Object({ token: Type.String(), item: Type.Ref('TokenItem') }) }),
      },
    }, async (request, reply) => reply.status(201).send(await account.createToken(db, request.ctx, request.body)));

    app.delete<{ Params: Static<typeof IdParams> }>('/api/account/tokens/:id', {
      config: { access: 'session' },
      schema: { tags, summary: 'Revoke one of my API tokens', params: IdParams, response: withErrors(NoContent) },
    }, async (request, reply) => {
      await account.deleteToken(db, request.ctx, request.params.id);
      return reply.status(204).send();
    });
  };
}
