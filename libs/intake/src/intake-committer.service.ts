import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { TraceCarrier } from '@arbiter/observability';
import { QueueProducer } from '@arbiter/queue';
import { NewSubmission, SubmissionRepository } from '@arbiter/workflow';
import { GroupCommit, mayBeOneRow } from '@arbiter/persistence';
import { IntakeMetrics } from './intake-metrics.service';

/** A checked submission ready to be written, with what to do once it is committed. */
export interface ReceivedSubmission {
  row: NewSubmission;
  /** The pipeline's key, for metrics. */
  pipeline: string;
  /** Called with the id after the commit and before the score job is enqueued (?wait). */
  beforeEnqueue?: (id: string) => void;
  /** The intake span's context, carried to the score job (tracing on). */
  trace?: TraceCarrier;
}

/**
 * Commits received submissions and enqueues their scoring, grouped: those that arrive within
 * `ARBITER_INTAKE_BATCH_WINDOW_MS` share one insert statement (one commit) and one Redis round
 * trip. Each caller learns whether its own row was inserted only once it is committed and its
 * job was offered to Redis. The enqueue comes after the commit; if it fails, recovery enqueues
 * the job later, so it never fails the caller (nor makes the rows be written again).
 */
@Injectable()
export class IntakeCommitter implements OnModuleDestroy {
  private readonly logger = new Logger(IntakeCommitter.name);
  private readonly group: GroupCommit<ReceivedSubmission, boolean>;

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly producer: QueueProducer,
    private readonly metrics: IntakeMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.group = new GroupCommit<ReceivedSubmission, boolean>(
      {
        many: (items) => this.commitMany(items),
        one: (item) => this.commitMany([item]).then(([inserted]) => inserted),
        mayBeOneItem: mayBeOneRow,
        written: (size) => this.metrics.groupRows.observe(size),
        retriedAlone: (count) => this.metrics.retriedAlone.inc(count),
      },
      {
        windowMs: config.intake.batchWindowMs,
        max: config.intake.batchMax,
        writeWhenIdle: config.intake.batchWhenIdle,
      },
    );
  }

  /** Commits the submission (with others arriving now); false when its Idempotency-Key was taken. */
  commit(submission: ReceivedSubmission): Promise<boolean> {
    return this.group.submit(submission);
  }

  async onModuleDestroy(): Promise<void> {
    await this.group.drain();
  }

  private async commitMany(items: readonly ReceivedSubmission[]): Promise<boolean[]> {
    const inserted = await this.submissions.insertReceivedMany(items.map((i) => i.row));
    // Committed: from here nothing may throw, or a retry would insert the rows again.
    const jobs: { submissionId: string; trace?: TraceCarrier }[] = [];
    for (const item of items) {
      if (!inserted.has(item.row.id)) continue;
      jobs.push({ submissionId: item.row.id, trace: item.trace });
      this.metrics.accepted.inc({ pipeline: item.pipeline });
      try {
        item.beforeEnqueue?.(item.row.id);
      } catch (error) {
        this.logger.warn(`beforeEnqueue failed: ${(error as Error).message}`);
      }
    }
    try {
      await this.producer.enqueueScoreMany(jobs);
    } catch (error) {
      this.logger.warn({
        submissionIds: jobs.map((j) => j.submissionId),
        msg: `enqueue failed, recovery will retry: ${(error as Error).message}`,
      });
    }
    return items.map((i) => inserted.has(i.row.id));
  }
}
