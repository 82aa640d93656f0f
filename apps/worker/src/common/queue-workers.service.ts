import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createRedisConnection, queuePrefix, RedisClient } from '@arbiter/queue';
import { ErrorCode, Job, Worker } from 'bullmq';
import { PROCESSED_QUEUES, QUEUE_HANDLERS, QueueHandler } from './queue-handler';

/**
 * One BullMQ worker per declared handler, each with its own blocking connection. A processed
 * queue without a handler fails the start (its jobs would pile up unseen). Shutdown waits for
 * jobs in progress (Worker.close), so nothing started is dropped.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly running: { worker: Worker; connection: RedisClient }[] = [];
  private lastVanished?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_HANDLERS) private readonly handlers: QueueHandler[],
  ) {
    const missing = PROCESSED_QUEUES.filter((queue) => !handlers.some((h) => h.queue === queue));
    if (missing.length) throw new Error(`no handler declared for queue(s) ${missing.join(', ')}`);
  }

  onModuleInit(): void {
    for (const handler of this.handlers) this.start(handler);
  }

  private start(handler: QueueHandler): void {
    const connection = createRedisConnection(this.config, 'worker');
    connection.on('error', (error) =>
      this.logger.warn(`redis (${handler.queue}): ${error.message}`),
    );
    const worker = new Worker(handler.queue, (job: Job) => this.run(handler, job), {
      connection,
      prefix: queuePrefix(this.config.redisPrefix, handler.queue),
      concurrency: handler.concurrency(this.config),
      // After a crash, jobs it held are found stalled and run again: lock + check interval.
      lockDuration: this.config.worker.jobLockMs,
      stalledInterval: this.config.worker.jobLockMs,
    });
    worker.on('error', (error) => this.onWorkerError(handler.queue, error));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn({
        queue: handler.queue,
        jobId: job.id,
        attempt: job.attemptsMade,
        final,
        msg: `job failed: ${error.message}`,
      });
      if (final && handler.onFinalFailure) {
        handler.onFinalFailure(job as never, error).catch((e: Error) =>
          this.logger.error({
            queue: handler.queue,
            jobId: job.id,
            msg: `final-failure handler failed: ${e.message}`,
          }),
        );
      }
    });
    this.running.push({ worker, connection });
  }

  /**
   * A job always has a name when added. One without is the stub BullMQ hands out when the job's
   * hash vanished (Redis flushed or restarted empty) while its id stayed in a list: its stalled
   * check and moveToActive re-create the hash with only processedOn/ats/stc. There is nothing to
   * run (the ids are gone with the data); the reconcilers redo what was lost. Completing the stub
   * rather than failing it keeps it out of the failure path and its logs.
   */
  private run(handler: QueueHandler, job: Job): Promise<unknown> {
    if (typeof job.name !== 'string') {
      this.logger.log({
        queue: handler.queue,
        jobId: job.id,
        msg: 'job skipped: its Redis hash vanished',
      });
      return Promise.resolve(undefined);
    }
    return handler.process(job as never);
  }

  /** BullMQ's worker errors; a job whose hash vanished while it ran is a lost-data fault, said once. */
  private onWorkerError(queue: string, error: Error & { code?: number }): void {
    if (error.code !== ErrorCode.JobNotExist) {
      this.logger.error(`worker error (${queue}): ${error.message}`);
      return;
    }
    // BullMQ reports the same failed finish more than once; one line is enough.
    if (this.lastVanished === error.message) return;
    this.lastVanished = error.message;
    this.logger.log({
      queue,
      msg: `could not finish a job whose Redis hash vanished: ${error.message}`,
    });
  }

  // Stops taking jobs and waits for running ones first; shared connections close later.
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.map(({ worker }) => worker.close()));
    for (const { connection } of this.running) connection.disconnect();
  }
}
