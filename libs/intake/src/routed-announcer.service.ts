import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueProducer, routedChannel, routedCountsKey } from '@arbiter/queue';
import { DomainEvents, SubmissionMoved } from '@arbiter/workflow';

/**
 * After each routing transition, tells waiting requests (?wait) through Redis pub/sub and counts
 * the route for /metrics. A lost message only costs a waiting request its shortcut.
 */
@Injectable()
export class RoutedAnnouncer implements OnModuleInit {
  private readonly logger = new Logger(RoutedAnnouncer.name);

  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.domainEvents.subscribe('intake.announce-route', 'submission.moved', (moved) =>
      this.announce(moved),
    );
  }

  private async announce({ submissionId, to }: SubmissionMoved): Promise<void> {
    const prefix = this.config.redisPrefix;
    // Two plain commands, not multi(): an ioredis pipeline on BullMQ's connection copies every
    // BullMQ script definition on each call (measured ~10% of worker CPU).
    const redis = this.producer.connection;
    // Sent in this order on one connection: the count is in before anyone hears the news.
    await Promise.all([
      redis.hincrby(routedCountsKey(prefix), to, 1),
      redis.publish(routedChannel(prefix), `${submissionId} ${to}`),
    ]).catch((error: Error) => this.logger.warn(`announce failed: ${error.message}`));
  }
}
