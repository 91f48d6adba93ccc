// An error that says what is wrong per field or row (asset_invalid, a directory import's rows): the shared
// {error: {code, message}} with its details, for a form to point at each field.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export async function withDetails(request: FastifyRequest, reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || !Array.isArray(error.details)) throw error;
    return reply.status(error.status).send({ error: { code: error.code, message: error.localized(request.ctx.locale), details: error.details } });
  }
}
