import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ProcessMetrics } from '@arbiter/observability';
import { createRedisConnection, QueueProducer, RedisClient } from '@arbiter/queue';
import { Counter } from 'prom-client';
import { ActiveUsers } from './active-users.service';
import { ApiKeyPrincipals } from './api-key-principals.service';
import {
  AuthChange,
  AuthChangeKind,
  authChangedChannel,
  decodeAuthChange,
  encodeAuthChange,
} from './auth-change';
import { WorkspaceAccess } from './workspace-access.service';

/**
 * The one way a committed change reaches the api replicas' auth caches (users and sessions,
 * workspace memberships, API keys): forgotten here at once and announced on Redis pub/sub, so
 * every replica forgets it too. Pub/sub is at-most-once: an announcement lost while Redis is
 * unreachable is caught up by the caches' TTLs (ARBITER_AUTH_CACHE_TTL_MS,
 * ARBITER_API_KEY_CACHE_TTL_MS), and a subscriber that reconnects forgets everything.
 */
@Injectable()
export class AuthInvalidations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthInvalidations.name);
  private readonly unpublished: Counter<'kind'>;
  private subscriber?: RedisClient;

  constructor(
    private readonly users: ActiveUsers,
    private readonly access: WorkspaceAccess,
    private readonly apiKeys: ApiKeyPrincipals,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: ProcessMetrics,
  ) {
    this.unpublished = new Counter({
      name: 'arbiter_auth_invalidations_unpublished_total',
      help: 'Auth changes not announced to the other api replicas (Redis unreachable): they catch up within the auth cache TTL',
      labelNames: ['kind'],
      registers: [metrics.registry],
    });
  }

  private get channel(): string {
    return authChangedChannel(this.config.redisPrefix);
  }

  async onModuleInit(): Promise<void> {
    const subscriber = createRedisConnection(this.config, 'subscriber');
    this.subscriber = subscriber;
    subscriber.on('error', (error: Error) =>
      this.logger.warn(`auth change subscriber: ${error.message}`),
    );
    subscriber.on('message', (_channel: string, message: string) => {
      const change = decodeAuthChange(message);
      if (change) this.forget(change);
      else this.logger.warn(`auth change announcement not understood: ${message.slice(0, 200)}`);
    });
    // Announcements made while the connection was down are lost: start over from the database,
    // once the channel is subscribed again. ioredis emits 'ready' before it re-sends SUBSCRIBE,
    // and caches refilled in between could miss a change announced there; subscribing again
    // (harmless when already subscribed) says when the subscription stands.
    subscriber.on('ready', () => void this.resubscribed(subscriber));
    await subscriber.subscribe(this.channel);
  }

  private async resubscribed(subscriber: RedisClient): Promise<void> {
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      // Closed again: the next 'ready' starts over; the caches' TTLs bound what is missed.
      this.logger.warn(`auth change subscriber: ${(error as Error).message}`);
      return;
    }
    this.forgetAll();
  }

  /**
   * Forgets a committed change here and announces it to every replica. Never throws: the change
   * stands whether or not the announcement goes out, and the TTL bounds what others miss.
   */
  async publish(change: AuthChange): Promise<void> {
    this.forget(change);
    try {
      await this.producer.connection.publish(this.channel, encodeAuthChange(change));
    } catch (error) {
      this.unpublished.inc({ kind: change.kind });
      this.logger.warn(
        `${describe(change.kind)} ${change.id} changed but not announced (other replicas catch up within the auth cache TTL): ${(error as Error).message}`,
      );
    }
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  private forget(change: AuthChange): void {
    switch (change.kind) {
      case 'user':
        return this.users.forget(change.id);
      case 'memberships':
        return this.access.forget(change.id);
      case 'apiKey':
        return this.apiKeys.forget(change.id);
      default:
        return unknownKind(change.kind);
    }
  }

  private forgetAll(): void {
    this.users.forgetAll();
    this.access.forgetAll();
    this.apiKeys.forgetAll();
  }
}

function describe(kind: AuthChangeKind): string {
  return kind === 'apiKey' ? 'API key' : kind === 'memberships' ? 'memberships of user' : 'user';
}

function unknownKind(kind: never): never {
  throw new Error(`Unknown auth change kind: ${String(kind)}`);
}
