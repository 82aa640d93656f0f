import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findWebDist, isApiPath, resolveUiPath } from './web-ui.paths';

const NOT_BUILT =
  'The web UI is not built: run `npm run build:web` (or `npm run build`) and restart the api.';

/**
 * Serves the reviewer UI (apps/web/dist) at `/`, with the app shell for client-side routes.
 * A catch-all GET route, not a not-found handler: Nest owns that one, and API paths must still
 * end there. Without a build the api starts anyway and `/` explains what is missing.
 */
@Module({})
export class WebUiModule implements OnModuleInit {
  private readonly logger = new Logger(WebUiModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const root = findWebDist();
    const built = root !== null && existsSync(join(root, 'index.html'));
    if (built) await fastify.register(fastifyStatic, { root, serve: false });
    else this.logger.warn(NOT_BUILT);
    fastify.get('/*', (request, reply) => this.serve(request, reply, built));
  }

  private serve(request: FastifyRequest, reply: FastifyReply, built: boolean): FastifyReply | void {
    const path = request.url.split('?')[0] ?? '/';
    const target = resolveUiPath((request.params as { '*'?: string })['*'] ?? '');
    if (isApiPath(path) || target === null) return reply.callNotFound();
    if (!built)
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: NOT_BUILT });
    if (target.kind === 'shell') {
      void reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    }
    // Vite names assets by content hash: they never change under the same name.
    const immutable = target.file.startsWith('assets/');
    return reply.sendFile(
      target.file,
      immutable ? { maxAge: '365d', immutable: true } : { maxAge: 0 },
    );
  }
}
