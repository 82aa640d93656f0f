import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  WebhookEndpointRepository,
  WebhookEndpointRow,
} from '../repositories/webhook-endpoint.repository';
import { createRedisConnection, QueueProducer, RedisClient } from '@arbiter/queue';

// A safety net only: changes are announced over Redis and forgotten at once everywhere.
const TTL_MS = 60_000;

/**
 * Clients' webhook endpoints, cached per process: every routed transition asks whether its
 * client subscribes, which must not cost a query. A change made through the API is announced on
 * a Redis channel so every api and worker process forgets its copy immediately.
 */
@Injectable()
export class EndpointDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EndpointDirectory.name);
  private readonly cache = new Map<
    string,
    { endpoint: WebhookEndpointRow | null; expires: number }
  >();
  private subscriber?: RedisClient;

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get channel(): string {
    return `${this.config.redisPrefix}:webhook-endpoint-changed`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedisConnection(this.config, 'subscriber');
    this.subscriber.on('error', (error) => this.logger.warn(`endpoint channel: ${error.message}`));
    this.subscriber.on('message', (_channel: string, clientId: string) =>
      this.cache.delete(clientId),
    );
    await this.subscriber.subscribe(this.channel);
  }

  async find(clientId: string): Promise<WebhookEndpointRow | null> {
    const hit = this.cache.get(clientId);
    if (hit && hit.expires > Date.now()) return hit.endpoint;
    const endpoint = await this.endpoints.find(clientId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(clientId, { endpoint, expires: Date.now() + TTL_MS });
    return endpoint;
  }

  /** Tells every process that a client's endpoint changed (after the change is committed). */
  async changed(clientId: string): Promise<void> {
    this.cache.delete(clientId);
    await this.producer.connection.publish(this.channel, clientId);
  }

  /** Forgets every cached endpoint (tests that truncate tables). */
  forgetAll(): void {
    this.cache.clear();
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
