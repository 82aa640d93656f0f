import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@arbiter/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { RedisIoAdapter } from './common/redis-io.adapter';
import { requestIdOf } from './common/request-id';
import { buildOpenApiDocument } from './common/openapi.document';
import { httpServerOptions } from './common/http-server.options';
import { registerSecurityHeaders } from './common/security-headers';
import { registerUnsafeInputHook } from './common/unsafe-input.hook';
import { createValidationPipe } from './common/validation.pipe';
import { ApiMetrics } from './metrics/api-metrics.service';

/** Builds the api application (not yet listening): Fastify, validation, errors, docs, metrics. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdOf,
    ...httpServerOptions(config),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  registerSecurityHeaders(app);
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Policies can be sent as YAML; the controller parses and validates the text itself.
  fastify.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerUnsafeInputHook(fastify);
  // Graceful close: requests in flight finish, and each keep-alive socket closes as soon as its
  // request is answered (Node only closes the sockets idle at the moment close() starts).
  let sweeper: NodeJS.Timeout | undefined;
  fastify.addHook('preClose', async () => {
    sweeper = setInterval(() => fastify.server.closeIdleConnections(), 50);
  });
  fastify.addHook('onClose', async () => clearInterval(sweeper));
  const metrics = app.get(ApiMetrics);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
