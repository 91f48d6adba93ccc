// Builds the Fastify app: plugins, modules, error handler. The only place that wires things together.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { accountRoutes } from './auth/account.routes.js';
import { registerAuthentication } from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { Me, TokenItem } from './auth/auth.schema.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { getOrInsertSetting } from './db/settings.repository.js';
import type { AppDeps } from './deps.js';
import { AppError } from './errors.js';
import { registerErrorHandler } from './http/error-handler.js';
import { ErrorBody } from './http/schemas.js';
import { registerValidation } from './http/validation.js';
import { askForHelpFromReport } from './modules/aid/aid-from-report.js';
import { aidRoutes } from './modules/aid/aid.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { correlationRoutes } from './modules/correlation/correlation.routes.js';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes.js';
import { directoryRoutes } from './modules/directory/directory.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { ensureLedgerKey } from './modules/ledger/ledger.service.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { createMailer } from './modules/mail/mail.service.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { sharingRoutes } from './modules/sharing/sharing.routes.js';
import { browseRoutes } from './modules/taxii/browse.routes.js';
import { sharingGroupRoutes } from './modules/taxii/sharing-groups.routes.js';
import { taxiiRoutes } from './modules/taxii/taxii.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { assetRoutes } from './modules/vulns/assets.routes.js';
import { findingRoutes } from './modules/vulns/findings.routes.js';

export const WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

export interface BuildOptions {
  config: Config;
  db: Database;
  logger?: boolean;
}

// The key that seals secrets at rest: from SECRET_KEY, or generated once and kept in the database
// so that every server process of one installation shares it.
async function resolveSecretKey(db: Database, config: Config): Promise<Buffer> {
  const hex = config.secretKey ?? (await getOrInsertSetting(db, 'instance.secret_key', randomBytes(32).toString('hex')));
  return Buffer.from(hex, 'hex');
}

export async function buildApp({ config, db, logger = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
  });
  // Only JSON bodies: a cross-site form cannot post text/plain or urlencoded data to us.
  app.removeContentTypeParser(['text/plain']);

  const deps: AppDeps = {
    config,
    mailer: createMailer(config.smtpUrl, config.mailFrom, app.log),
    secretKey: await resolveSecretKey(db, config),
    log: app.log,
  };

  for (const schema of [ErrorBody, Me, TokenItem]) app.addSchema(schema);
  registerErrorHandler(app);
  registerValidation(app);
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
    strictTransportSecurity: config.baseUrl.startsWith('https:'),
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Anshin API', version: '0.1.0', description: 'Errors are {"error":{"code","message"}}. Browser sessions send x-csrf-token on changes; machines use Bearer or Basic (e-mail + API token).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuthentication(app, db, deps);

  await app.register(healthRoutes(db));
  await app.register(authRoutes(db, deps));
  await app.register(accountRoutes(db, deps));
  await app.register(orgRoutes(db, deps));
  await app.register(userRoutes(db, deps));
  await app.register(auditRoutes(db));
  await app.register(mailRoutes(db));
  await app.register(sharingGroupRoutes(db));
  await app.register(browseRoutes(db, deps));
  await app.register(taxiiRoutes(db, deps), { prefix: '/taxii2' });
  // A report whose answers want help asks for it in the same transaction (mutual aid builds on reports).
  await app.register(reportRoutes(db, deps, askForHelpFromReport(config)));
  await app.register(sharingRoutes(db, deps));
  // The accountability ledger: its signing key is created on the first start.
  await ensureLedgerKey(db, deps);
  await app.register(ledgerRoutes(db, deps));
  await app.register(correlationRoutes(db, deps));
  await app.register(aidRoutes(db, deps));
  await app.register(dashboardRoutes(db, deps));
  await app.register(directoryRoutes(db, deps));
  await app.register(assetRoutes(db, deps));
  await app.register(findingRoutes(db, deps));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerWebUi(app);
  return app;
}

// The built React app; any other path that is not an API path gets index.html (client-side routing).
function registerWebUi(app: FastifyInstance): void {
  const built = existsSync(`${WEB_ROOT}index.html`);
  const sendIndex = async (reply: FastifyReply) => {
    if (!built) return reply.status(404).type('text/plain').send('The web UI is not built: run "npm run build".');
    return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
  };
  if (built) app.register(fastifyStatic, { root: WEB_ROOT, index: false, serveDotFiles: false });
  // Declared on its own: the static plugin would treat "/" as a directory listing and refuse it.
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler({}, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = /^\/(api|taxii2|ledger)(\/|$)/.test(path);
    if (isApi || request.method !== 'GET') throw new AppError('not_found');
    return sendIndex(reply);
  });
}
