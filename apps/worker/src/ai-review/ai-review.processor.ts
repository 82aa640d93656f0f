import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { JobPayloads, QueueName } from '@arbiter/queue';
import { DelayedError, Job } from 'bullmq';
import { QueueWorkerHost } from '../common/queue-worker.host';
import { ReviewSubmission } from './review-submission.use-case';

type AiReviewJob = JobPayloads[QueueName.AiReview];

@Injectable()
export class AiReviewProcessor extends QueueWorkerHost<AiReviewJob> {
  protected readonly queueName = QueueName.AiReview;
  protected readonly concurrency: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reviewSubmission: ReviewSubmission,
  ) {
    super(config);
    this.concurrency = config.aiReview.concurrency;
  }

  // A rate-limited job goes back to the queue as delayed (not an attempt, not dropped).
  protected async process(job: Job<AiReviewJob>): Promise<unknown> {
    const outcome = await this.reviewSubmission.execute(job.data.submissionId, job.timestamp);
    if (outcome.kind !== 'defer') return outcome.kind;
    await job.moveToDelayed(Date.now() + outcome.waitMs, job.token);
    throw new DelayedError();
  }

  protected override onFinalFailure(job: Job<AiReviewJob>, error: Error): Promise<void> {
    return this.reviewSubmission.failSafe(job.data.submissionId, error);
  }
}
