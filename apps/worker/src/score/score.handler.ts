import { Injectable } from '@nestjs/common';
import { AppConfig } from '@arbiter/config';
import { ScoreSubmission } from '@arbiter/intake';
import { QueueName } from '@arbiter/queue';
import { Job } from 'bullmq';
import { QueueHandler } from '../common/queue-handler';

/** The score queue: one job scores one submission; a last failure routes it to people, never approves. */
@Injectable()
export class ScoreHandler implements QueueHandler<QueueName.Score> {
  readonly queue = QueueName.Score;

  constructor(private readonly scoreSubmission: ScoreSubmission) {}

  concurrency(config: AppConfig): number {
    return config.worker.scoreConcurrency;
  }

  process(job: Job<{ submissionId: string }>): Promise<unknown> {
    return this.scoreSubmission.execute(job.data.submissionId, job.attemptsMade + 1);
  }

  onFinalFailure(job: Job<{ submissionId: string }>, error: Error): Promise<void> {
    return this.scoreSubmission.failSafe(job.data.submissionId, error);
  }
}
