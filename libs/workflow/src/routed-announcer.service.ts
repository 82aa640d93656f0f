import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueProducer, routedChannel, routedCountsKey } from '@arbiter/queue';
import { SubmissionWorkflow, TransitionEvent } from './submission-workflow.service';

/**
 * After each routing transition, tells waiting requests (?wait) through Redis pub/sub and counts
 * the route for /metrics. A lost message only costs a waiting request its shortcut.
 */
@Injectable()
export class RoutedAnnouncer implements OnModuleInit {
  private readonly logger = new Logger(RoutedAnnouncer.name);

  constructor(
    private readonly workflow: SubmissionWorkflow,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.workflow.onTransition((event) => this.announce(event));
  }

  private async announce({ submissionId, to }: TransitionEvent): Promise<void> {
    const prefix = this.config.redisPrefix;
    await this.producer.connection
      .multi()
      .publish(routedChannel(prefix), `${submissionId} ${to}`)
      .hincrby(routedCountsKey(prefix), to, 1)
      .exec()
      .catch((error: Error) => this.logger.warn(`announce failed: ${error.message}`));
  }
}
