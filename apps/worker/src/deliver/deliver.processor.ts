import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { JobPayloads, QueueName } from '@arbiter/queue';
import { DelayedError, Job } from 'bullmq';
import { QueueWorkerHost } from '../common/queue-worker.host';
import { DeliverEvent } from './deliver-event.use-case';

type DeliverJob = JobPayloads[QueueName.Deliver];

/**
 * Delivers outbox events. A retry keeps the same job (and so the same job id) and moves it to
 * delayed until the schedule's next attempt; BullMQ's own attempts only cover infrastructure
 * faults (database down), after which the reconciler takes over.
 */
@Injectable()
export class DeliverProcessor extends QueueWorkerHost<DeliverJob> {
  protected readonly queueName = QueueName.Deliver;
  protected readonly concurrency: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly deliver: DeliverEvent,
  ) {
    super(config);
    this.concurrency = config.webhooks.deliverConcurrency;
  }

  protected async process(job: Job<DeliverJob>): Promise<unknown> {
    const result = await this.deliver.execute(job.data.eventId);
    if (result.retryAt === undefined) return result.outcome;
    await job.moveToDelayed(result.retryAt, job.token);
    throw new DelayedError();
  }
}
