import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ProcessMetrics } from '@arbiter/observability';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Serves the worker's Prometheus registry on its own port (the worker has no HTTP API). */
@Injectable()
export class WorkerMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetrics.name);
  readonly registry: Registry;
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: ProcessMetrics,
  ) {
    this.registry = metrics.registry;
    collectDefaultMetrics({ register: this.registry, prefix: 'arbiter_worker_' });
  }

  async onModuleInit(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.config.worker.metricsPort, '0.0.0.0', resolve),
    );
    this.logger.log(`worker metrics on :${this.port}/metrics`);
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}
