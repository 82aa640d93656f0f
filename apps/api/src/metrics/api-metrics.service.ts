import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueName, QueueProducer, routedCountsKey } from '@arbiter/queue';
import { ProcessMetrics } from '@arbiter/observability';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The api process's own metrics (HTTP, queues, routes) on its registry, and the registry served at /metrics. */
@Injectable()
export class ApiMetrics {
  readonly registry: Registry;

  readonly httpDuration = new Histogram({
    name: 'arbiter_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [], // registered on the process registry in the constructor
  });

  constructor(
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: ProcessMetrics,
  ) {
    this.registry = metrics.registry;
    this.registry.registerMetric(this.httpDuration);
    collectDefaultMetrics({ register: this.registry, prefix: 'arbiter_api_' });
    const producerRef = this.producer;
    new Gauge({
      name: 'arbiter_queue_jobs',
      help: 'BullMQ jobs per queue and state (read on scrape)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of Object.values(QueueName)) {
          const counts = await producerRef
            .counts(queue)
            .catch(() => ({}) as Record<string, number>);
          for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
        }
      },
    });
    const key = routedCountsKey(this.config.redisPrefix);
    new Gauge({
      name: 'arbiter_submissions_routed',
      help: 'Submissions routed by the score stage, by route, across all workers (monotonic)',
      labelNames: ['route'],
      registers: [this.registry],
      async collect() {
        const counts = await producerRef.connection
          .hgetall(key)
          .catch(() => ({}) as Record<string, string>);
        for (const [route, count] of Object.entries(counts)) this.set({ route }, Number(count));
      },
    });
  }
}
