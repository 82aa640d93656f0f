import { Injectable } from '@nestjs/common';
import { AppConfig } from '@arbiter/config';
import { DeliverEvent } from '@arbiter/delivery';
import { QueueName } from '@arbiter/queue';
import { DelayedError, Job } from 'bullmq';
import { QueueHandler } from '../common/queue-handler';

/**
 * The deliver queue. A retry keeps the same job (and so the same job id) and moves it to
 * delayed until the schedule's next attempt; BullMQ's own attempts only cover infrastructure
 * faults (database down), after which the reconciler takes over.
 */
@Injectable()
export class DeliverHandler implements QueueHandler<QueueName.Deliver> {
  readonly queue = QueueName.Deliver;

  constructor(private readonly deliver: DeliverEvent) {}

  concurrency(config: AppConfig): number {
    return config.webhooks.deliverConcurrency;
  }

  async process(job: Job<{ eventId: string }>): Promise<unknown> {
    const result = await this.deliver.execute(job.data.eventId);
    if (result.retryAt === undefined) return result.outcome;
    await job.moveToDelayed(result.retryAt, job.token);
    throw new DelayedError();
  }
}
