import { Injectable } from '@nestjs/common';
import { ReviewSubmission } from '@arbiter/ai-review';
import { AppConfig } from '@arbiter/config';
import { QueueName } from '@arbiter/queue';
import { DelayedError, Job } from 'bullmq';
import { QueueHandler } from '../common/queue-handler';

/** The ai-review queue: one job runs the provider chain on one submission. */
@Injectable()
export class AiReviewHandler implements QueueHandler<QueueName.AiReview> {
  readonly queue = QueueName.AiReview;

  constructor(private readonly reviewSubmission: ReviewSubmission) {}

  concurrency(config: AppConfig): number {
    return config.aiReview.concurrency;
  }

  // A rate-limited job goes back to the queue as delayed (not an attempt, not dropped).
  async process(job: Job<{ submissionId: string }>): Promise<unknown> {
    const outcome = await this.reviewSubmission.execute(job.data.submissionId, job.timestamp);
    if (outcome.kind !== 'defer') return outcome.kind;
    await job.moveToDelayed(Date.now() + outcome.waitMs, job.token);
    throw new DelayedError();
  }

  onFinalFailure(job: Job<{ submissionId: string }>, error: Error): Promise<void> {
    return this.reviewSubmission.failSafe(job.data.submissionId, error);
  }
}
