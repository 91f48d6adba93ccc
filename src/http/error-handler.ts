import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors.js';
import { pickLocale } from '../i18n/messages.js';

// Maps Fastify's own errors onto our codes; anything unknown becomes a plain 500.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

export function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const first = error.validation[0];
    const path = first ? `${error.validationContext ?? ''}${first.instancePath}`.replace(/\//g, '.') : '';
    return new AppError('validation_failed', { detail: `${path} ${first?.message ?? ''}`.trim() });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError || error.statusCode === 400) return new AppError(error instanceof SyntaxError ? 'invalid_json' : 'bad_request');
  if (error.statusCode === 413) return new AppError('payload_too_large');
  if (error.statusCode === 415) return new AppError('unsupported_media_type');
  return new AppError('internal', { requestId: request.id });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
    return reply.status(appError.status).send({ error: { code: appError.code, message: appError.localized(locale) } });
  });
}
