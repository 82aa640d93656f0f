import { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

const HEADER = 'x-request-id';

type WithRequestId = IncomingMessage & { arbiterRequestId?: string };

/**
 * One id per request, shared by Fastify (echoed in the response) and the pino logger: the
 * caller's x-request-id when it sends a sane one, else a new UUID. Fastify calls this first and
 * stores it on the raw request, where the logger finds it.
 */
export function requestIdOf(req: IncomingMessage): string {
  const raw = req as WithRequestId;
  if (!raw.arbiterRequestId) {
    const given = req.headers[HEADER];
    const value = Array.isArray(given) ? given[0] : given;
    raw.arbiterRequestId = value && /^[\w.:-]{1,100}$/.test(value) ? value : randomUUID();
  }
  return raw.arbiterRequestId;
}

/** What a log line says of its request (pino-http's `req`, already in its standard shape). */
export function requestLogFields(req: {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}): Record<string, unknown> {
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}
