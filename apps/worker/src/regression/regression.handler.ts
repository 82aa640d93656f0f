import { Injectable } from '@nestjs/common';
import { AppConfig } from '@arbiter/config';
import { ExecuteRegressionRun } from '@arbiter/datasets';
import { QueueName } from '@arbiter/queue';
import { Job } from 'bullmq';
import { QueueHandler } from '../common/queue-handler';

/** The regression queue: one run at a time per worker; its items run ARBITER_REGRESSION_CONCURRENCY at once. */
@Injectable()
export class RegressionHandler implements QueueHandler<QueueName.Regression> {
  readonly queue = QueueName.Regression;

  constructor(private readonly executeRun: ExecuteRegressionRun) {}

  concurrency(_config: AppConfig): number {
    return 1;
  }

  process(job: Job<{ runId: string }>): Promise<unknown> {
    return this.executeRun.execute(job.data.runId);
  }

  /** After the last failed attempt the run is marked failed with the reason, never reported as passed. */
  onFinalFailure(job: Job<{ runId: string }>, error: Error): Promise<void> {
    return this.executeRun.failSafe(job.data.runId, error);
  }
}
