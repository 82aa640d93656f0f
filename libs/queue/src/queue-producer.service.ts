import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { once } from 'node:events';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import type { TraceCarrier } from '@arbiter/observability';
import { JobsOptions, Queue } from 'bullmq';
import { queuePrefix } from './queue-keys';
import { jobIds, JobPayloads, MaintenanceJob, QueueName } from './queue-names';
import { createRedisConnection, RedisClient } from './redis-connection.factory';

/** How long a request waits for Redis to take a job before leaving it to recovery. */
const ENQUEUE_WAIT_MS = 2000;

/** The promise's result, or a rejection once `ms` have passed (the promise itself goes on). */
function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: Redis did not answer within ${ms} ms`)),
      ms,
    );
  });
  promise.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Defaults every job gets: retried with backoff, completed ones bounded, failed ones kept. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The one producer: queue handles, deterministic job ids and default options live here. */
@Injectable()
export class QueueProducer implements OnModuleInit, OnApplicationShutdown {
  readonly connection: RedisClient;
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = createRedisConnection(config, 'producer');
    // ioredis emits 'error' while reconnecting; without a listener Node would crash the process.
    this.connection.on('error', () => undefined);
  }

  /** With the offline queue off, commands fail until connected: wait for the first connection. */
  async onModuleInit(): Promise<void> {
    if (this.connection.status !== 'ready') {
      await Promise.race([
        once(this.connection, 'ready'),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`Redis not reachable at ${this.redisAddress()}`)),
            10_000,
          ).unref(),
        ),
      ]);
    }
  }

  private redisAddress(): string {
    const nodes = this.config.redisClusterNodes;
    if (nodes.length === 0) return this.config.redisUrl;
    return `the cluster of ${nodes.map((n) => `${n.host}:${n.port}`).join(', ')}`;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: queuePrefix(this.config.redisPrefix, name),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Enqueues scoring of a committed submission; a second call for the same id is a no-op.
   * `trace`: the intake span's context, so the score span stays in the submission's trace.
   */
  async enqueueScore(submissionId: string, trace?: TraceCarrier): Promise<void> {
    const payload = scorePayload(submissionId, trace);
    // Intake awaits this after its commit. While Redis is down BullMQ waits for the connection
    // to come back, so a caller would hang: give up after a bound and let recovery enqueue it
    // (the job id is deterministic, so a late add that still lands is not a duplicate).
    await withinMs(
      this.queue(QueueName.Score).add('score', payload, { jobId: jobIds.score(submissionId) }),
      ENQUEUE_WAIT_MS,
      'enqueue score',
    );
  }

  /**
   * Enqueues scoring of committed submissions in one Redis round trip (intake's group commit);
   * as enqueueScore, bounded in time, and an id already queued is a no-op.
   */
  async enqueueScoreMany(
    submissions: readonly { submissionId: string; trace?: TraceCarrier }[],
  ): Promise<void> {
    if (submissions.length === 0) return;
    const jobs = submissions.map(({ submissionId, trace }) => ({
      name: 'score',
      data: scorePayload(submissionId, trace),
      opts: { jobId: jobIds.score(submissionId) },
    }));
    // addBulk applies the queue's default options to each job, as add does.
    await withinMs(this.queue(QueueName.Score).addBulk(jobs), ENQUEUE_WAIT_MS, 'enqueue scores');
  }

  /** Enqueues delivery of an outbox event; the id is per event and round, so a repeat is a no-op. */
  async enqueueDelivery(eventId: string, generation: number, delayMs = 0): Promise<void> {
    const payload: JobPayloads[QueueName.Deliver] = { eventId };
    await this.queue(QueueName.Deliver).add('deliver', payload, {
      jobId: jobIds.deliver(eventId, generation),
      delay: delayMs > 0 ? delayMs : undefined,
    });
  }

  /** Enqueues AI review of a submission that entered ai_review; a second call for the same id is a no-op. */
  async enqueueAiReview(submissionId: string): Promise<void> {
    const payload: JobPayloads[QueueName.AiReview] = { submissionId };
    await this.queue(QueueName.AiReview).add('ai-review', payload, {
      jobId: jobIds.aiReview(submissionId),
    });
  }

  /** Enqueues a regression run (created in the database first); a second call for the same run is a no-op. */
  async enqueueRegression(runId: string): Promise<void> {
    const payload: JobPayloads[QueueName.Regression] = { runId };
    // One attempt: a run whose job fails is marked failed by the handler, never re-run silently.
    // A run whose worker died is resumed where it stopped (BullMQ's stall check, or
    // RecoverRegressionRuns when the job was lost), a bounded number of times.
    await this.queue(QueueName.Regression).add('regression', payload, {
      jobId: jobIds.regression(runId),
      attempts: 1,
    });
  }

  /**
   * Runs the pending-decision sweep once `delayMs` from now (when a decision's undo window ends),
   * besides its schedule: the outcome goes out on time, not up to a maintenance period late.
   */
  async enqueuePendingDecision(decisionId: string, delayMs: number): Promise<void> {
    await withinMs(
      this.queue(QueueName.Maintenance).add(
        MaintenanceJob.FinalizePendingDecisions,
        {},
        {
          jobId: jobIds.pendingDecision(decisionId),
          delay: Math.max(0, delayMs),
          attempts: 1,
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 1000 },
        },
      ),
      ENQUEUE_WAIT_MS,
      'enqueue pending decision',
    );
  }

  /** Job counts per state, for metrics and health. */
  async counts(name: string): Promise<Record<string, number>> {
    return this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
  }

  // Closed at application shutdown, after every worker stopped in onModuleDestroy: jobs that
  // were finishing still need this connection.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

/** A score job's data: the submission, and its trace context only when it has one. */
function scorePayload(submissionId: string, trace?: TraceCarrier): JobPayloads[QueueName.Score] {
  return trace ? { submissionId, trace } : { submissionId };
}
