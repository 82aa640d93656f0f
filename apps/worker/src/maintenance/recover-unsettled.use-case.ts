import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { SubmissionRepository } from '@arbiter/persistence';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';

const BATCH = 1000;

/**
 * Re-enqueues submissions left in received/scoring: the process died between commit and
 * enqueue, Redis lost the job, or its last attempt failed. The deterministic job id means a job
 * still waiting or running is left alone, so nothing is scored twice.
 */
@Injectable()
export class RecoverUnsettled {
  private readonly logger = new Logger(RecoverUnsettled.name);

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ checked: number; requeued: number }> {
    const rows = await this.submissions.findUnsettled(this.config.worker.stuckAfterMs, BATCH);
    const queue = this.producer.queue(QueueName.Score);
    let requeued = 0;
    for (const row of rows) {
      const job = await queue.getJob(jobIds.score(row.id));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' && job) {
        await job.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        // A completed job for an unsettled row lost its effect; the old job must go before re-adding the id.
        if (job) await job.remove();
        await this.producer.enqueueScore(row.id);
      } else {
        continue; // waiting, active, delayed or prioritized: it will run.
      }
      requeued++;
      await this.submissions.appendEvent(row.id, {
        type: 'recovery.requeued',
        fromStatus: row.status,
        toStatus: row.status,
        actor: 'recovery',
        data: { jobState: state },
      });
    }
    if (requeued > 0) this.logger.warn(`re-enqueued ${requeued} unsettled submission(s)`);
    return { checked: rows.length, requeued };
  }
}
