// What every response under /taxii2 shares: the TAXII media type (errors included), content
// negotiation (406, 415), TAXII error resources (§3.6.1) and a body limit of max_content_length.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { toAppError } from '../../http/error-handler.js';
import { pickLocale } from '../../i18n/messages.js';
import { acceptsTaxii, isTaxiiContentType, TAXII_MEDIA_TYPE } from './media.js';
import type { TaxiiReply } from './read.service.js';

export const WWW_AUTHENTICATE = 'Basic realm="anshin", charset="UTF-8"';

export interface TaxiiError {
  title: string;
  description?: string;
  error_id: string;
  error_code: string;
  http_status: string;
}

function taxiiError(error: FastifyError, request: FastifyRequest): { status: number; body: TaxiiError } {
  const appError = toAppError(error, request);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
  const detail = appError.params.detail;
  return {
    status: appError.status,
    body: {
      title: appError.localized(locale),
      ...(typeof detail === 'string' ? { description: detail } : {}),
      error_id: request.id,
      error_code: appError.code,
      http_status: String(appError.status),
    },
  };
}

// Reads the body as text and parses it as JSON; its size is bounded by the route's bodyLimit.
function parseEnvelope(_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void): void {
  try {
    done(null, JSON.parse(typeof body === 'string' ? body : body.toString('utf8')));
  } catch {
    done(new AppError('invalid_json'));
  }
}

export function registerTaxiiHttp(app: FastifyInstance): void {
  app.addContentTypeParser('application/taxii+json', { parseAs: 'string' }, parseEnvelope);
  app.addHook('onRequest', async (request) => {
    if (!acceptsTaxii(request.headers.accept)) throw new AppError('not_acceptable');
    if (request.method === 'POST' && !isTaxiiContentType(request.headers['content-type'])) throw new AppError('unsupported_media_type');
  });
  // Set last, so that nothing appends a charset: strict clients compare the whole value.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-type', TAXII_MEDIA_TYPE);
    return payload;
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = taxiiError(error, request);
    if (status === 401) reply.header('WWW-Authenticate', WWW_AUTHENTICATE);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler(async () => {
    throw new AppError('not_found');
  });
  // The web UI's static files answer every other GET ("/*"); under /taxii2 an unknown path is a TAXII 404.
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async () => {
    throw new AppError('not_found');
  });
}

export function sendTaxii(reply: FastifyReply, result: TaxiiReply): FastifyReply {
  return reply.status(result.status).headers(result.headers).send(result.body);
}
