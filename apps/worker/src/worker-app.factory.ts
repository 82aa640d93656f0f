import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@arbiter/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Builds the worker: BullMQ processors in a Nest application context (no HTTP API). */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  // The worker commits asynchronously: a Postgres crash may lose its last few hundred ms of
  // commits, never a torn one. All it writes is re-derived from the durable intake record:
  // recovery re-scores what is left in received/scoring (deterministically), outbox events
  // have deterministic ids (same webhook-id on redelivery), lost attempts are retried, SLA and
  // stats passes recompute. Intake (the api) stays synchronous: a 202 is always durable.
  const workerConfig: AppConfig = { ...config, databaseSynchronousCommit: false };
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(workerConfig), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
