import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';
import { RequeueStuck, StuckStage, SubmissionRepository } from '@arbiter/workflow';

const BATCH = 1000;

/** Re-enqueues submissions left in received/scoring without a live score job (see RequeueStuck). */
@Injectable()
export class RecoverUnsettled {
  private readonly stage: StuckStage;

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly requeue: RequeueStuck,
    producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.stage = {
      queue: QueueName.Score,
      jobIdOf: jobIds.score,
      enqueue: (row) =>
        producer.enqueueScore(
          row.id,
          row.traceparent ? { traceparent: row.traceparent } : undefined,
        ),
    };
  }

  async execute(): Promise<{ checked: number; requeued: number }> {
    const rows = await this.submissions.findUnsettled(this.config.worker.stuckAfterMs, BATCH);
    return this.requeue.execute(this.stage, rows);
  }
}
