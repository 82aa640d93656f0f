import { Inject, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createRedisConnection } from '@arbiter/queue';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Base of every processor: one BullMQ worker per queue with its own blocking connection.
 * Shutdown waits for jobs in progress (Worker.close), so nothing started is dropped.
 */
export abstract class QueueWorkerHost<T = unknown> implements OnModuleInit, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  protected worker?: Worker<T>;
  private connection?: Redis;

  constructor(@Inject(APP_CONFIG) protected readonly config: AppConfig) {}

  protected abstract readonly queueName: string;
  protected abstract readonly concurrency: number;
  protected abstract process(job: Job<T>): Promise<unknown>;

  /** Called once a job has failed its last attempt. */
  protected async onFinalFailure(_job: Job<T>, _error: Error): Promise<void> {}

  onModuleInit(): void {
    const connection = createRedisConnection(this.config.redisUrl, 'worker');
    this.connection = connection;
    connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    this.worker = new Worker<T>(this.queueName, (job) => this.process(job), {
      connection,
      prefix: this.config.redisPrefix,
      concurrency: this.concurrency,
    });
    this.worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn({ jobId: job.id, attempt: job.attemptsMade, final, msg: `job failed: ${error.message}` });
      if (final) {
        this.onFinalFailure(job, error).catch((e: Error) =>
          this.logger.error({ jobId: job.id, msg: `final-failure handler failed: ${e.message}` }),
        );
      }
    });
  }

  // Stops taking jobs and waits for running ones first; shared connections close later.
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
