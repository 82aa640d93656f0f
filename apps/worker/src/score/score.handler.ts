import { Injectable } from '@nestjs/common';
import { AppConfig } from '@arbiter/config';
import { ScoreSubmission } from '@arbiter/intake';
import { Tracing } from '@arbiter/observability';
import { JobPayloads, QueueName } from '@arbiter/queue';
import { Job } from 'bullmq';
import { QueueHandler } from '../common/queue-handler';

/** The score queue: one job scores one submission; a last failure routes it to people, never approves. */
@Injectable()
export class ScoreHandler implements QueueHandler<QueueName.Score> {
  readonly queue = QueueName.Score;

  constructor(
    private readonly scoreSubmission: ScoreSubmission,
    private readonly tracing: Tracing,
  ) {}

  concurrency(config: AppConfig): number {
    return config.worker.scoreConcurrency;
  }

  process(job: Job<JobPayloads[QueueName.Score]>): Promise<unknown> {
    // A child of the intake span whose context the job carries (a new trace when it has none).
    return this.tracing.inSpan(
      'score',
      this.tracing.extract(job.data.trace),
      { 'arbiter.submission.id': job.data.submissionId, 'arbiter.attempt': job.attemptsMade + 1 },
      (span) => this.scoreSubmission.execute(job.data.submissionId, job.attemptsMade + 1, span),
    );
  }

  onFinalFailure(job: Job<{ submissionId: string }>, error: Error): Promise<void> {
    return this.scoreSubmission.failSafe(job.data.submissionId, error);
  }
}
