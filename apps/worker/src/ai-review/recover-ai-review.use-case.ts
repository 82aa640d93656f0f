import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { AiReviewRepository, SubmissionRepository } from '@arbiter/persistence';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';

const BATCH = 1000;

/**
 * Re-enqueues submissions waiting in ai_review without a live job: the process died between the
 * commit and the enqueue, Redis lost the job, or its last attempt failed. Delayed (rate-limited)
 * and running jobs are left alone; the deterministic job id keeps it to one job per submission.
 */
@Injectable()
export class RecoverAiReview {
  private readonly logger = new Logger(RecoverAiReview.name);

  constructor(
    private readonly calls: AiReviewRepository,
    private readonly submissions: SubmissionRepository,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ checked: number; requeued: number }> {
    const rows = await this.calls.findWaitingAiReview(this.config.worker.stuckAfterMs, BATCH);
    const queue = this.producer.queue(QueueName.AiReview);
    let requeued = 0;
    for (const row of rows) {
      const job = await queue.getJob(jobIds.aiReview(row.id));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' && job) {
        await job.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        if (job) await job.remove();
        await this.producer.enqueueAiReview(row.id);
      } else {
        continue; // waiting, active, delayed or prioritized: it will run.
      }
      requeued++;
      await this.submissions.appendEvent(row.id, {
        type: 'recovery.requeued',
        fromStatus: 'ai_review',
        toStatus: 'ai_review',
        actor: 'recovery',
        data: { jobState: state, queue: QueueName.AiReview },
      });
    }
    if (requeued > 0) this.logger.warn(`re-enqueued ${requeued} submission(s) waiting for AI review`);
    return { checked: rows.length, requeued };
  }
}
