import { FastifyInstance } from 'fastify';
import { findUnsafeText } from '@arbiter/contracts';

/**
 * Refuses, right after parsing and before validation, a request whose body, query or path
 * parameters Postgres could not store (NUL, lone surrogates) or that is nested deeper than
 * validation can walk: a 400 naming the field instead of a database error or a stack overflow
 * in the validation pipe (a 500).
 */
export function registerUnsafeInputHook(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    const problem =
      findUnsafeText(request.params) ??
      findUnsafeText(request.query) ??
      findUnsafeText(request.body);
    if (!problem) return;
    return reply.status(400).send({
      statusCode: 400,
      error: 'Bad Request',
      message: problem.message,
      problems: [problem],
    });
  });
}
