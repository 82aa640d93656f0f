import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createRedisConnection, RedisClient, routedChannel } from '@arbiter/queue';
import { parseRoutedMessage } from './routed-announcer.service';

/**
 * Lets a request wait (?wait=) until a worker announces that a submission was routed.
 * One Redis subscription per process; waiters are resolved by submission id.
 */
@Injectable()
export class RoutedWaiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoutedWaiter.name);
  private readonly waiters = new Map<string, Set<(status: string | null) => void>>();
  private subscriber?: RedisClient;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedisConnection(this.config, 'subscriber');
    this.subscriber.on('error', (error) =>
      this.logger.warn(`routed-channel subscriber: ${error.message}`),
    );
    this.subscriber.on('message', (_channel: string, message: string) => {
      for (const { submissionId, to } of parseRoutedMessage(message)) {
        this.waiters.get(submissionId)?.forEach((resolve) => resolve(to));
      }
    });
    await this.subscriber.subscribe(routedChannel(this.config.redisPrefix));
  }

  /**
   * Resolves with the first announced status that `settles`, or null once cancelled. Register
   * before the work can finish (before enqueueing) and re-read Postgres afterwards: an
   * announcement is only a hint.
   */
  waitFor(submissionId: string, settles: (status: string) => boolean): Promise<string | null> {
    return new Promise<string | null>((resolve) => {
      const set = this.waiters.get(submissionId) ?? new Set();
      const listener = (status: string | null) => {
        if (status !== null && !settles(status)) return;
        set.delete(listener);
        if (set.size === 0) this.waiters.delete(submissionId);
        resolve(status);
      };
      set.add(listener);
      this.waiters.set(submissionId, set);
    });
  }

  /** Releases every waiter of a submission (with null). */
  cancel(submissionId: string): void {
    this.waiters.get(submissionId)?.forEach((listener) => listener(null));
  }

  async onModuleDestroy(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
