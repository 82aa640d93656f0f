import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { OutboxRecorder } from '@arbiter/delivery';
import { DeliveryEventRepository, SubmissionRepository } from '@arbiter/persistence';
import { jobIds, QueueName, QueueProducer } from '@arbiter/queue';

const BATCH = 1000;
// Final submissions older than this are not searched for a missing event (the index stays hot).
const LOOKBACK_MS = 7 * 86_400_000;

export interface ReconcileResult {
  recorded: number;
  requeued: number;
}

/**
 * Repairs the gaps between a committed transition and its delivery: records the outbox event of
 * a final submission that has none (the process died before the listener ran), and re-enqueues
 * pending events whose job was lost from Redis or failed for good.
 */
@Injectable()
export class ReconcileDeliveries {
  private readonly logger = new Logger(ReconcileDeliveries.name);

  constructor(
    private readonly events: DeliveryEventRepository,
    private readonly submissions: SubmissionRepository,
    private readonly recorder: OutboxRecorder,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<ReconcileResult> {
    const graceMs = this.config.worker.stuckAfterMs;
    let recorded = 0;
    for (const { id } of await this.events.findFinalWithoutEvent(graceMs, LOOKBACK_MS, BATCH)) {
      const row = await this.submissions.findById(id);
      if (row && (await this.recorder.record(id, row.status))) recorded++;
    }
    let requeued = 0;
    const queue = this.producer.queue(QueueName.Deliver);
    for (const event of await this.events.findOverdue(graceMs, BATCH)) {
      const job = await queue.getJob(jobIds.deliver(event.id, event.generation));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' && job) {
        await job.retry('failed');
      } else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        if (job) await job.remove();
        await this.producer.enqueueDelivery(event.id, event.generation);
      } else {
        continue; // waiting, delayed or active: it will run.
      }
      requeued++;
    }
    if (recorded + requeued > 0)
      this.logger.warn(
        `delivery reconcile: recorded ${recorded} event(s), re-enqueued ${requeued}`,
      );
    return { recorded, requeued };
  }
}
