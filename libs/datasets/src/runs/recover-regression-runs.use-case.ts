import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';
import { RegressionRunRepository } from './regression-run.repository';

const BATCH = 100;
/** Job states in which the run will still be worked on: BullMQ's stall check owns a dead lock. */
const ALIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface RecoveredRuns {
  checked: number;
  resumed: number;
  failed: number;
}

/**
 * Regression runs left `queued` or `running` with nothing that will finish them: the worker
 * died and its job was lost with Redis, it died between recording the run and queueing it, or
 * its job failed and the worker died before marking the run. Such a run is resumed (the items it
 * already judged are kept, see ExecuteRegressionRun) up to ARBITER_REGRESSION_MAX_RESUMES times,
 * then failed with the reason; it is never left running, and never counted as passed.
 */
@Injectable()
export class RecoverRegressionRuns {
  private readonly logger = new Logger(RecoverRegressionRuns.name);

  constructor(
    private readonly runs: RegressionRunRepository,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<RecoveredRuns> {
    const rows = await this.runs.idleUnfinished(this.config.worker.stuckAfterMs, BATCH);
    const queue = this.producer.queue(QueueName.Regression);
    const outcome: RecoveredRuns = { checked: rows.length, resumed: 0, failed: 0 };
    for (const row of rows) {
      const job = await queue.getJob(jobIds.regression(row.id));
      const state = job ? await job.getState() : 'missing';
      if (ALIVE.has(state)) continue;
      if (state === 'failed') {
        // Its last attempt failed but the worker died before the final-failure handler ran.
        await this.runs.fail(row.id, `the run's job failed: ${job?.failedReason ?? 'unknown'}`);
        outcome.failed++;
      } else if (row.resumes >= this.config.datasets.maxRunResumes) {
        await this.runs.fail(
          row.id,
          `the run stopped ${row.resumes + 1} time(s) before finishing (its worker died or its job was lost); the items it judged are kept`,
        );
        outcome.failed++;
      } else {
        // A completed job of an unfinished run lost its effect: it must go before its id is re-added.
        if (job) await job.remove();
        if (!(await this.runs.markResumed(row.id))) continue;
        await this.producer.enqueueRegression(row.id);
        outcome.resumed++;
      }
      this.logger.warn({ run: row.id, jobState: state, msg: 'recovered a stopped regression run' });
    }
    return outcome;
  }
}
