import { FastifyInstance } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Accepts form-encoded bodies on these routes only, handed to the controller as the raw text
 * (it reads its fields with URLSearchParams); every other route keeps answering them with 415,
 * as before, rather than feeding a string to validation written for JSON.
 */
export function registerFormBody(fastify: FastifyInstance, routes: readonly string[]): void {
  fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (request, body, done) => {
    if (routes.includes(request.routeOptions.url ?? '')) return done(null, body);
    const refusal = Object.assign(new Error(`Unsupported Media Type: ${FORM}`), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    done(refusal, undefined);
  });
}
