import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  createRedisConnection,
  jobKey,
  QueueProducer,
  queuePrefix,
  RedisClient,
  reviewQueueName,
} from '@arbiter/queue';
import { Job, Worker } from 'bullmq';
import { SkillTerms } from './skill-routing';

/** The dispatch half of a review task: a BullMQ job whose id is the task id. */
export interface TaskJob extends SkillTerms {
  taskId: string;
  priority: number;
  /** Reviewers needed; above 1, a reviewer who already decided the task is skipped at claim. */
  consensus: number;
  dueAt: string;
  createdAt: string;
}

/** The job of an existing task, as dispatch stores it. */
export function taskJobOf(task: {
  id: string;
  priority: number;
  consensus: number;
  dueAt: Date;
  createdAt: Date;
  requiredSkills?: string[];
  skillFallbackAt?: Date | null;
}): TaskJob {
  return {
    taskId: task.id,
    priority: task.priority,
    consensus: task.consensus,
    dueAt: task.dueAt.toISOString(),
    createdAt: task.createdAt.toISOString(),
    ...(task.requiredSkills?.length
      ? {
          requiredSkills: task.requiredSkills,
          skillFallbackAt: task.skillFallbackAt?.toISOString() ?? null,
        }
      : {}),
  };
}

export interface QueueHead {
  queue: string;
  job: TaskJob;
}

// One queue's head: its most urgent prioritized job's data, or nil. The job hash key is derived
// in the script, as BullMQ's own scripts do: it shares the queue's hash tag, so its slot too.
const HEAD_SCRIPT = `
local ids = redis.call('ZRANGE', KEYS[1], 0, 0)
if not ids[1] then return nil end
return redis.call('HGET', ARGV[1] .. ids[1], 'data')`;

type HeadCommand = (prioritizedKey: string, jobKeyPrefix: string) => Promise<string | null>;

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
  private fetchConnection?: RedisClient;

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

  /**
   * The most urgent waiting job of each queue (for claim-next across queues): one script per
   * queue, sent together. Each queue has its own hash tag, so on a Redis Cluster the queues may
   * live on different masters and one script could not read them all.
   */
  async heads(queues: string[]): Promise<QueueHead[]> {
    const readHead = this.headCommand();
    const data = await Promise.all(
      queues.map((queue) => {
        const jobKeyPrefix = jobKey(this.config.redisPrefix, reviewQueueName(queue), '');
        return readHead(`${jobKeyPrefix}prioritized`, jobKeyPrefix);
      }),
    );
    return queues.flatMap((queue, i) => {
      const head = data[i];
      return head ? [{ queue, job: JSON.parse(head) as TaskJob }] : [];
    });
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
    const done = await job.moveToCompleted('done', FENCED_IN_POSTGRES, false).then(
      () => true,
      () => false,
    );
    if (!done) await job.remove().catch(() => undefined);
  }

  async changePriority(queue: string, taskId: string, priority: number): Promise<void> {
    const job = await this.job(queue, taskId);
    await job?.changePriority({ priority }).catch(() => undefined);
  }

  /** Waiting and claimed counts of one queue, O(1) in Redis. */
  async counts(queue: string): Promise<{ waiting: number; claimed: number }> {
    const c = await this.producer
      .queue(reviewQueueName(queue))
      .getJobCounts('prioritized', 'waiting', 'active');
    return { waiting: (c.prioritized ?? 0) + (c.waiting ?? 0), claimed: c.active ?? 0 };
  }

  /** Whether each task's job exists, in one pipeline (a queue's jobs share one cluster slot). */
  async exists(queue: string, taskIds: string[]): Promise<boolean[]> {
    if (taskIds.length === 0) return [];
    const name = reviewQueueName(queue);
    const results = await this.producer.connection
      .pipeline(taskIds.map((id) => ['exists', jobKey(this.config.redisPrefix, name, id)]))
      .exec();
    return taskIds.map((_, i) => results?.[i]?.[1] === 1);
  }

  /**
   * Of these tasks' jobs, the ones taken from the queue (active) under a lock that has lapsed:
   * a claim that died between the fetch and its Postgres write left them there, and with the
   * stalled checker off nothing else would ever put them back. One pipeline, then a state read
   * only for the jobs neither waiting nor locked.
   */
  async unlockedActive(queue: string, taskIds: string[]): Promise<string[]> {
    if (taskIds.length === 0) return [];
    const name = reviewQueueName(queue);
    const prioritized = jobKey(this.config.redisPrefix, name, 'prioritized');
    const results = await this.producer.connection
      .pipeline(
        taskIds.flatMap((id) => [
          ['zscore', prioritized, id],
          ['exists', `${jobKey(this.config.redisPrefix, name, id)}:lock`],
        ]),
      )
      .exec();
    const out: string[] = [];
    for (const [i, id] of taskIds.entries()) {
      const waiting = results?.[2 * i]?.[1] !== null;
      const locked = results?.[2 * i + 1]?.[1] === 1;
      if (waiting || locked) continue;
      if ((await (await this.job(queue, id))?.getState()) === 'active') out.push(id);
    }
    return out;
  }

  private headCommand(): HeadCommand {
    const redis = this.producer.connection as RedisClient & { arbiterReviewHead?: HeadCommand };
    if (!redis.arbiterReviewHead) {
      redis.defineCommand('arbiterReviewHead', { numberOfKeys: 1, lua: HEAD_SCRIPT });
    }
    return (prioritizedKey, jobKeyPrefix) => redis.arbiterReviewHead!(prioritizedKey, jobKeyPrefix);
  }

  private job(queue: string, taskId: string): Promise<Job<TaskJob> | undefined> {
    return this.producer.queue(reviewQueueName(queue)).getJob(taskId) as Promise<
      Job<TaskJob> | undefined
    >;
  }

  private fetcher(queue: string): Worker<TaskJob> {
    let worker = this.fetchers.get(queue);
    if (!worker) {
      this.fetchConnection ??= createRedisConnection(this.config, 'worker');
      const name = reviewQueueName(queue);
      worker = new Worker<TaskJob>(name, null, {
        connection: this.fetchConnection,
        prefix: queuePrefix(this.config.redisPrefix, name),
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
