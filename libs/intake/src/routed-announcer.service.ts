import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { GroupCommit } from '@arbiter/persistence';
import { QueueProducer, routedChannel, routedCountsKey } from '@arbiter/queue';
import { DomainEvents, SubmissionMoved } from '@arbiter/workflow';

interface Route {
  submissionId: string;
  to: string;
}

/** One announcement line: `<submission id> <status>` (a message holds one or more, one a line). */
export function routedLine({ submissionId, to }: Route): string {
  return `${submissionId} ${to}`;
}

/** The routes a message announces (one a line). */
export function parseRoutedMessage(message: string): Route[] {
  return message.split('\n').flatMap((line) => {
    const [submissionId, to] = line.split(' ');
    return submissionId && to ? [{ submissionId, to }] : [];
  });
}

/**
 * After each routing transition, tells waiting requests (?wait) through Redis pub/sub and counts
 * the route for /metrics. Routes announced at the same moment (a group of score jobs) go out
 * together: one count per route and one message for them all. A lost message only costs a
 * waiting request its shortcut.
 */
@Injectable()
export class RoutedAnnouncer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoutedAnnouncer.name);
  private readonly announcements: GroupCommit<Route, void>;

  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.announcements = new GroupCommit<Route, void>(
      {
        many: async (routes) => {
          await this.send(routes);
          return routes.map(() => undefined);
        },
        one: (route) => this.send([route]),
        mayBeOneItem: () => false,
      },
      { windowMs: config.worker.scoreBatchWindowMs, max: config.worker.scoreBatchMax },
    );
  }

  onModuleInit(): void {
    this.domainEvents.subscribe('intake.announce-route', 'submission.moved', (moved) =>
      this.announce(moved),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.announcements.drain();
  }

  private async announce({ submissionId, to }: SubmissionMoved): Promise<void> {
    await this.announcements
      .submit({ submissionId, to })
      .catch((error: Error) => this.logger.warn(`announce failed: ${error.message}`));
  }

  private async send(routes: readonly Route[]): Promise<void> {
    const prefix = this.config.redisPrefix;
    const counts = new Map<string, number>();
    for (const { to } of routes) counts.set(to, (counts.get(to) ?? 0) + 1);
    // Plain commands, not multi(): an ioredis pipeline on BullMQ's connection copies every
    // BullMQ script definition on each call (measured ~10% of worker CPU).
    const redis = this.producer.connection;
    // Sent in this order on one connection: the counts are in before anyone hears the news.
    await Promise.all([
      ...[...counts].map(([to, n]) => redis.hincrby(routedCountsKey(prefix), to, n)),
      redis.publish(routedChannel(prefix), routes.map(routedLine).join('\n')),
    ]);
  }
}
