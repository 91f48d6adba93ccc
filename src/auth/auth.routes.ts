import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { Gone, NoContent, withErrors } from '../http/schemas.js';
import { countUsers } from '../modules/users/users.repository.js';
import { describeMe } from './account.service.js';
import { SESSION_COOKIE } from './auth.plugin.js';
import * as s from './auth.schema.js';
import { acceptInvitation, completePasswordReset, completeSetup, inspectLink, requestPasswordReset } from './links.service.js';
import { login, logout, type SignedIn } from './login.service.js';
import { Type, type Static } from '@sinclair/typebox';

const tags = ['auth'];

export function authRoutes(db: Database, deps: AppDeps) {
  const secure = deps.config.baseUrl.startsWith('https:');
  async function signedIn(reply: FastifyReply, result: SignedIn, status = 200) {
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: deps.config.sessionTtlHours * 3600,
    });
    return reply.status(status).send({ user: await describeMe(db, deps, result.userId), csrfToken: result.csrfToken });
  }
  const userAgent = (request: FastifyRequest) => request.headers['user-agent'] ?? null;

  return async function routes(app: FastifyInstance) {
    app.get('/api/auth/session', {
      config: { access: 'public' },
      schema: { tags, summary: 'Who is signed in, and whether first-time set-up is pending', response: { 200: s.SessionBody } },
    }, async (request) => {
      const { actor } = request.ctx;
      return {
        authenticated: actor.kind === 'user',
        setupRequired: (await countUsers(db)) === 0,
        publicPage: deps.config.publicPage,
        user: actor.kind === 'user' ? await describeMe(db, deps, actor.userId) : null,
        csrfToken: request.csrfToken,
      };
    });

    app.post<{ Body: Static<typeof s.LoginBody> }>('/api/auth/login', {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with e-mail, password and (when enabled) a TOTP code', body: s.LoginBody, response: withErrors({ 200: s.SignedInBody }) },
    }, async (request, reply) => signedIn(reply, await login(db, deps, request.ctx, { ...request.body, userAgent: userAgent(request) })));

    app.post('/api/auth/logout', {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign out (ends this session)', response: withErrors(NoContent) },
    }, async (request, reply) => {
      await logout(db, request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });

    app.post<{ Body: Static<typeof s.SetupBody> }>('/api/auth/setup', {
      config: { access: 'public' },
      schema: { tags, summary: 'Create the first administrator with the one-time set-up link', body: s.SetupBody, response: withErrors({ 201: s.SignedInBody }) },
    }, async (request, reply) => signedIn(reply, await completeSetup(db, deps, request.ctx, { ...request.body, userAgent: userAgent(request) }), 201));

    app.get<{ Params: Static<typeof s.LinkParams> }>('/api/auth/links/:token', {
      config: { access: 'public' },
      schema: { tags, summary: 'What a one-time link is for (without using it)', params: s.LinkParams, response: withErrors({ 200: s.LinkBody, ...Gone }) },
    }, async (request) => inspectLink(db, request.params.token));

    app.post<{ Body: Static<typeof s.AcceptInviteBody> }>('/api/auth/invitations/accept', {
      config: { access: 'public' },
      schema: { tags, summary: 'Create an account from an invitation link', body: s.AcceptInviteBody, response: withErrors({ 200: s.SignedInBody, ...Gone }) },
    }, async (request, reply) => signedIn(reply, await acceptInvitation(db, deps, request.ctx, { ...request.body, userAgent: userAgent(request) })));

    app.post<{ Body: Static<typeof s.ResetRequestBody> }>('/api/auth/password-reset/request', {
      config: { access: 'public' },
      schema: { tags, summary: 'Send a password-reset link (same answer whether or not the address is known)', body: s.ResetRequestBody, response: withErrors({ 202: Type.Null() }) },
    }, async (request, reply) => {
      await requestPasswordReset(db, deps, request.ctx, request.body.email);
      return reply.status(202).send();
    });

    app.post<{ Body: Static<typeof s.ResetCompleteBody> }>('/api/auth/password-reset/complete', {
      config: { access: 'public' },
      schema: { tags, summary: 'Set a new password with a reset link', body: s.ResetCompleteBody, response: withErrors({ ...NoContent, ...Gone }) },
    }, async (request, reply) => {
      await completePasswordReset(db, deps, request.ctx, request.body);
      return reply.status(204).send();
    });
  };
}
