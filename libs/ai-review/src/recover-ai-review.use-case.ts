import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';
import { RequeueStuck, StuckStage } from '@arbiter/workflow';
import { AiReviewRepository } from './ai-review.repository';

const BATCH = 1000;

/** Re-enqueues submissions waiting in ai_review without a live job (see RequeueStuck). */
@Injectable()
export class RecoverAiReview {
  private readonly stage: StuckStage;

  constructor(
    private readonly calls: AiReviewRepository,
    private readonly requeue: RequeueStuck,
    producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.stage = {
      queue: QueueName.AiReview,
      jobIdOf: jobIds.aiReview,
      enqueue: (row) => producer.enqueueAiReview(row.id),
    };
  }

  async execute(): Promise<{ checked: number; requeued: number }> {
    const rows = await this.calls.findWaitingAiReview(this.config.worker.stuckAfterMs, BATCH);
    return this.requeue.execute(
      this.stage,
      rows.map((row) => ({ id: row.id, status: 'ai_review' })),
    );
  }
}
