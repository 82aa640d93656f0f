import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createRedisConnection, QueueProducer, reviewQueueName } from '@arbiter/queue';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/** The dispatch half of a review task: a BullMQ job whose id is the task id. */
export interface TaskJob {
  taskId: string;
  priority: number;
  /** Reviewers needed; above 1, a reviewer who already decided the task is skipped at claim. */
  consensus: number;
  dueAt: string;
  createdAt: string;
}

/** The job of an existing task, as dispatch stores it. */
export function taskJobOf(task: { id: string; priority: number; consensus: number; dueAt: Date; createdAt: Date }): TaskJob {
  return {
    taskId: task.id,
    priority: task.priority,
    consensus: task.consensus,
    dueAt: task.dueAt.toISOString(),
    createdAt: task.createdAt.toISOString(),
  };
}

export interface QueueHead {
  queue: string;
  job: TaskJob;
}

const HEADS_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local ids = redis.call('ZRANGE', key, 0, 0)
  if ids[1] then
    out[#out + 1] = ARGV[i + 1]
    out[#out + 1] = redis.call('HGET', ARGV[1] .. ARGV[i + 1] .. ':' .. ids[1], 'data')
  end
end
return out`;

// Token "0" tells BullMQ's scripts to skip their lock check. It is used only after Postgres,
// the record, has already fenced the change (conditional UPDATE on the lease token).
const FENCED_IN_POSTGRES = '0';

/**
 * BullMQ side of human review: one queue per review queue, jobs fetched manually so that the
 * job lock is the lease. The stalled-job checker is never started: lapsed leases are returned
 * by lease recovery with moveToWait, which keeps them in priority order (the stalled checker
 * would put them in the plain wait list, ahead of every prioritized job).
 */
@Injectable()
export class ReviewDispatch implements OnApplicationShutdown {
  private readonly fetchers = new Map<string, Worker<TaskJob>>();
  private fetchConnection?: Redis;

  constructor(
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds a task's job; a second add of the same task id is a no-op (deterministic job id). */
  async add(queue: string, job: TaskJob): Promise<void> {
    await this.producer.queue(reviewQueueName(queue)).add('review', job, {
      jobId: job.taskId,
      priority: job.priority,
      attempts: 1,
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  /** The most urgent waiting job of each queue, read in one round trip (for claim-next across queues). */
  async heads(queues: string[]): Promise<QueueHead[]> {
    if (queues.length === 0) return [];
    const prefix = `${this.config.redisPrefix}:`;
    const names = queues.map(reviewQueueName);
    const reply = (await this.headsCommand()(names.length, ...names.map((n) => `${prefix}${n}:prioritized`), prefix, ...names)) as (string | null)[];
    const heads: QueueHead[] = [];
    for (let i = 0; i < reply.length; i += 2) {
      const data = reply[i + 1];
      if (data) heads.push({ queue: queues[names.indexOf(reply[i] as string)], job: JSON.parse(data) as TaskJob });
    }
    return heads;
  }

  /** Takes the next job of a queue under `token` for one lease; undefined when the queue is empty. */
  async fetch(queue: string, token: string): Promise<Job<TaskJob> | undefined> {
    return this.fetcher(queue).getNextJob(token, { block: false });
  }

  /** Extends the job lock along with the Postgres lease; false when the job or its lock is gone. */
  async extendLock(queue: string, taskId: string, token: string): Promise<boolean> {
    const job = await this.job(queue, taskId);
    if (!job) return false;
    return (await job.extendLock(token, this.config.review.leaseMs).catch(() => 0)) > 0;
  }

  /** Puts a task back among the waiting jobs in priority order (re-adding it if Redis lost it). */
  async requeue(queue: string, job: TaskJob): Promise<void> {
    const existing = await this.job(queue, job.taskId);
    if (!existing) return this.add(queue, job);
    await existing.changePriority({ priority: job.priority }).catch(() => undefined);
    await existing.moveToWait(FENCED_IN_POSTGRES).catch(() => undefined);
  }

  /** Removes a finished task's job, whatever state it is in. */
  async finish(queue: string, taskId: string): Promise<void> {
    const job = await this.job(queue, taskId);
    if (!job) return;
    const done = await job.moveToCompleted('done', FENCED_IN_POSTGRES, false).then(() => true, () => false);
    if (!done) await job.remove().catch(() => undefined);
  }

  async changePriority(queue: string, taskId: string, priority: number): Promise<void> {
    const job = await this.job(queue, taskId);
    await job?.changePriority({ priority }).catch(() => undefined);
  }

  /** Waiting and claimed counts of one queue, O(1) in Redis. */
  async counts(queue: string): Promise<{ waiting: number; claimed: number }> {
    const c = await this.producer.queue(reviewQueueName(queue)).getJobCounts('prioritized', 'waiting', 'active');
    return { waiting: (c.prioritized ?? 0) + (c.waiting ?? 0), claimed: c.active ?? 0 };
  }

  async exists(queue: string, taskIds: string[]): Promise<boolean[]> {
    const redis = this.producer.connection;
    const results = await redis
      .pipeline(taskIds.map((id) => ['exists', `${this.config.redisPrefix}:${reviewQueueName(queue)}:${id}`]))
      .exec();
    return taskIds.map((_, i) => results?.[i]?.[1] === 1);
  }

  /**
   * ZRANGE + HGET of each queue's head in one script. The job hash keys are derived inside the
   * script; with the hash-tagged prefix every key of Arbiter shares one Redis Cluster slot.
   */
  private headsCommand(): (...args: (string | number)[]) => Promise<unknown> {
    const redis = this.producer.connection as Redis & { arbiterReviewHeads?: (...args: (string | number)[]) => Promise<unknown> };
    if (!redis.arbiterReviewHeads) {
      redis.defineCommand('arbiterReviewHeads', { lua: HEADS_SCRIPT });
    }
    return (...args) => redis.arbiterReviewHeads!(...args);
  }

  private job(queue: string, taskId: string): Promise<Job<TaskJob> | undefined> {
    return this.producer.queue(reviewQueueName(queue)).getJob(taskId) as Promise<Job<TaskJob> | undefined>;
  }

  private fetcher(queue: string): Worker<TaskJob> {
    let worker = this.fetchers.get(queue);
    if (!worker) {
      this.fetchConnection ??= createRedisConnection(this.config.redisUrl, 'worker');
      worker = new Worker<TaskJob>(reviewQueueName(queue), null, {
        connection: this.fetchConnection,
        prefix: this.config.redisPrefix,
        lockDuration: this.config.review.leaseMs,
        autorun: false,
      });
      worker.on('error', () => undefined);
      this.fetchers.set(queue, worker);
    }
    return worker;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.fetchers.values()].map((w) => w.close()));
    this.fetchConnection?.disconnect();
  }
}
