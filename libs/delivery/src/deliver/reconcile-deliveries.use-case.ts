import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { eventIdOf, OutboxRecorder } from '../outbox/outbox-recorder.service';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';
import { SubmissionRepository } from '@arbiter/workflow';
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
      if (!row || !(await this.recorder.record(id, row.status, row))) continue;
      recorded++;
      // Event ids are deterministic: a job of an earlier, lost copy of this event may linger.
      await this.ensureJob(eventIdOf(id, row.status), 0);
    }
    let requeued = 0;
    for (const event of await this.events.findOverdue(graceMs, BATCH)) {
      if (await this.ensureJob(event.id, event.generation)) requeued++;
    }
    if (recorded + requeued > 0)
      this.logger.warn(
        `delivery reconcile: recorded ${recorded} event(s), re-enqueued ${requeued}`,
      );
    return { recorded, requeued };
  }

  /** Makes sure a pending event has a job that will run; true when one had to be (re)added. */
  private async ensureJob(eventId: string, generation: number): Promise<boolean> {
    const job = await this.producer
      .queue(QueueName.Deliver)
      .getJob(jobIds.deliver(eventId, generation));
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed' && job) {
      await job.retry('failed');
      return true;
    }
    if (state === 'completed' || state === 'missing' || state === 'unknown') {
      if (job) await job.remove();
      await this.producer.enqueueDelivery(eventId, generation);
      return true;
    }
    return false; // waiting, delayed or active: it will run.
  }
}
