import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n/messages.js';
import { ANONYMOUS, type Actor, type RequestContext } from './actor.js';
import { safeEqual } from './crypto.js';
import { resolveApiToken, resolveSession } from './session.service.js';

// Who may call a route: anyone, any signed-in caller (session or API token; services check the
// permission), or only a browser session (account security pages). Every route must say which.
export type RouteAccess = 'public' | 'user' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    // Reads a route starts before the caller is authenticated, so that they run beside it (on PostgreSQL every
    // sequential query is a round trip). They must not depend on the caller, and reach the caller only through the
    // route's handler, after its own access check; a request refused here never waits for them.
    prefetch?: (request: FastifyRequest) => void;
  }
  interface FastifyInstance {
    // Every route with who may call it: the access-matrix test checks it covers them all.
    routeAccessTable: RouteAccessEntry[];
  }
  interface FastifyRequest {
    ctx: RequestContext;
    csrfToken: string | null;
  }
}

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
  plugin: boolean;
}

export const SESSION_COOKIE = 'anshin_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes that plugins register (API docs, the static web UI) are public by nature.
const isPluginRoute = (url: string) => url.startsWith('/api/docs') || url === '/*';

function declareAccess(route: RouteOptions): RouteAccessEntry[] {
  const config = (route.config ?? {}) as { access?: RouteAccess };
  const plugin = !config.access && isPluginRoute(route.url);
  if (plugin) route.config = { ...config, access: 'public' };
  else if (!config.access) throw new Error(`route ${String(route.method)} ${route.url} does not declare who may call it (config.access)`);
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.map((method) => ({ method, url: route.url, access: config.access ?? 'public', plugin }));
}

export function registerAuthentication(app: FastifyInstance, db: Database, deps: AppDeps): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('csrfToken', null);
  const table: RouteAccessEntry[] = [];
  app.decorate('routeAccessTable', table);
  app.addHook('onRoute', (route) => {
    table.push(...declareAccess(route));
  });
  app.addHook('onRequest', async (request, reply) => {
    const { access = 'public', prefetch } = request.routeOptions.config;
    prefetch?.(request);
    const { actor, csrfToken } = await authenticate(db, deps, request, reply);
    request.csrfToken = csrfToken;
    request.ctx = {
      actor,
      requestId: request.id,
      ip: request.ip,
      locale: request.headers['accept-language'] ? pickLocale(request.headers['accept-language']) : actor.kind === 'user' ? actor.locale : 'ja',
    };
    checkRequest(request, deps, access, csrfToken);
  });
}

async function authenticate(db: Database, deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<{ actor: Actor; csrfToken: string | null }> {
  const header = request.headers.authorization;
  if (header) {
    const credentials = parseAuthorization(header);
    const actor = credentials ? await resolveApiToken(db, deps, credentials.token, credentials.user) : null;
    if (!actor) {
      reply.header('WWW-Authenticate', 'Basic realm="anshin", charset="UTF-8"');
      throw new AppError('unauthenticated');
    }
    return { actor, csrfToken: null };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) {
    const session = await resolveSession(db, deps, cookie);
    if (session) return session;
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
  return { actor: ANONYMOUS, csrfToken: null };
}

export function parseAuthorization(header: string): { token: string; user: string | null } | null {
  const [scheme, value] = header.split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return { token: value, user: null };
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { user: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function checkRequest(request: FastifyRequest, deps: AppDeps, access: RouteAccess, csrfToken: string | null): void {
  const { actor } = request.ctx;
  if (access !== 'public' && actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (access === 'session' && actor.kind === 'user' && actor.via !== 'session') throw new AppError('not_found');
  if (SAFE_METHODS.has(request.method)) return;
  if (actor.kind === 'user' && actor.via === 'token' && !actor.scopes.has('write')) throw new AppError('insufficient_scope');
  if (actor.kind === 'user' && actor.via === 'session') {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !csrfToken || !safeEqual(sent, csrfToken)) throw new AppError('csrf_failed');
  } else if (actor.kind === 'anonymous') {
    // Before sign-in there is no token yet: a browser's cross-site request is recognised by its Origin.
    const origin = request.headers.origin;
    if (origin && origin !== new URL(deps.config.baseUrl).origin && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError('csrf_failed');
    }
  }
}
