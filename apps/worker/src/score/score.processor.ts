import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { JobPayloads, QueueName } from '@arbiter/queue';
import { Job } from 'bullmq';
import { QueueWorkerHost } from '../common/queue-worker.host';
import { ScoreSubmission } from './score-submission.use-case';

type ScoreJob = JobPayloads[QueueName.Score];

@Injectable()
export class ScoreProcessor extends QueueWorkerHost<ScoreJob> {
  protected readonly queueName = QueueName.Score;
  protected readonly concurrency: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly scoreSubmission: ScoreSubmission,
  ) {
    super(config);
    this.concurrency = config.worker.scoreConcurrency;
  }

  protected process(job: Job<ScoreJob>): Promise<unknown> {
    return this.scoreSubmission.execute(job.data.submissionId, job.attemptsMade + 1);
  }

  protected override onFinalFailure(job: Job<ScoreJob>, error: Error): Promise<void> {
    return this.scoreSubmission.failSafe(job.data.submissionId, error);
  }
}
