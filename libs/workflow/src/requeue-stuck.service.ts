import { Injectable, Logger } from '@nestjs/common';
import { QueueName, QueueProducer } from '@arbiter/queue';
import { SubmissionRepository } from './submission.repository';

/** A stuck submission as the recovery query returns it. */
export interface StuckRow {
  id: string;
  status: string;
  /** The intake span's traceparent: a score job enqueued again continues the submission's trace. */
  traceparent?: string | null;
}

/** The stage whose job a stuck submission lost. */
export interface StuckStage {
  queue: QueueName;
  /** The deterministic job id of a submission in that queue. */
  jobIdOf(submissionId: string): string;
  /** Enqueues the row's job again (with its trace, when the stage's jobs carry one). */
  enqueue(row: StuckRow): Promise<void>;
}

/**
 * Puts stuck submissions (found by the stage's own query) back on their queue: the process died
 * between the commit and the enqueue, Redis lost the job, or its last attempt failed. A job
 * still waiting, delayed or running is left alone, and the deterministic job id keeps it to one
 * job per submission, so nothing runs twice.
 */
@Injectable()
export class RequeueStuck {
  private readonly logger = new Logger(RequeueStuck.name);

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly producer: QueueProducer,
  ) {}

  async execute(
    stage: StuckStage,
    rows: StuckRow[],
  ): Promise<{ checked: number; requeued: number }> {
    const queue = this.producer.queue(stage.queue);
    let requeued = 0;
    for (const row of rows) {
      const job = await queue.getJob(stage.jobIdOf(row.id));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' && job) {
        await job.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        // A completed job for a stuck row lost its effect; the old job must go before re-adding the id.
        if (job) await job.remove();
        await stage.enqueue(row);
      } else {
        continue; // waiting, active, delayed or prioritized: it will run.
      }
      requeued++;
      await this.submissions.appendEvent(row.id, {
        type: 'recovery.requeued',
        fromStatus: row.status,
        toStatus: row.status,
        actor: 'recovery',
        data: { jobState: state, queue: stage.queue },
      });
    }
    if (requeued > 0)
      this.logger.warn(`re-enqueued ${requeued} stuck submission(s) on ${stage.queue}`);
    return { checked: rows.length, requeued };
  }
}
