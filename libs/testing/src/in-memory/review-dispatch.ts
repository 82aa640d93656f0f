import type { Job } from 'bullmq';
import { QueueHead, ReviewDispatch, ReviewNotifier, TaskJob } from '@arbiter/review';
interface QueuedJob {
  job: TaskJob;
  /** Insertion order among jobs of the same priority (BullMQ's counter). */
  seq: number;
  /** The lock token while a reviewer holds the job. */
  lockedBy: string | null;
}

type DispatchPort = Pick<
  ReviewDispatch,
  'add' | 'heads' | 'fetch' | 'requeue' | 'finish' | 'counts'
>;

/**
 * The BullMQ side of review as data: per queue, waiting jobs ordered by priority then arrival,
 * and locked (active) ones. Job ids are task ids, so a second add of a task is a no-op.
 */
export class InMemoryReviewDispatch implements DispatchPort {
  private readonly queues = new Map<string, Map<string, QueuedJob>>();
  private seq = 0;

  get dispatch(): ReviewDispatch {
    return this as unknown as ReviewDispatch;
  }

  /** Task ids waiting in `queue`, most urgent first (the order claims take them in). */
  waiting(queue: string): string[] {
    return this.sorted(queue).map((q) => q.job.taskId);
  }

  /** Task ids locked by a reviewer in `queue`. */
  active(queue: string): string[] {
    return [...this.jobs(queue).values()]
      .filter((q) => q.lockedBy !== null)
      .map((q) => q.job.taskId);
  }

  /** The job of a task, wherever it is. */
  jobOf(queue: string, taskId: string): TaskJob | undefined {
    return this.jobs(queue).get(taskId)?.job;
  }

  async add(queue: string, job: TaskJob): Promise<void> {
    const jobs = this.jobs(queue);
    if (!jobs.has(job.taskId))
      jobs.set(job.taskId, { job: { ...job }, seq: this.seq++, lockedBy: null });
  }

  async heads(queues: string[]): Promise<QueueHead[]> {
    return queues.flatMap((queue) => {
      const head = this.sorted(queue)[0];
      return head ? [{ queue, job: { ...head.job } }] : [];
    });
  }

  async fetch(queue: string, token: string): Promise<Job<TaskJob> | undefined> {
    const head = this.sorted(queue)[0];
    if (!head) return undefined;
    head.lockedBy = token;
    return { id: head.job.taskId, data: { ...head.job } } as Job<TaskJob>;
  }

  async requeue(queue: string, job: TaskJob): Promise<void> {
    const existing = this.jobs(queue).get(job.taskId);
    if (!existing) return this.add(queue, job);
    existing.job = { ...existing.job, priority: job.priority };
    existing.lockedBy = null;
  }

  async finish(queue: string, taskId: string): Promise<void> {
    this.jobs(queue).delete(taskId);
  }

  async counts(queue: string): Promise<{ waiting: number; claimed: number }> {
    return { waiting: this.waiting(queue).length, claimed: this.active(queue).length };
  }

  private jobs(queue: string): Map<string, QueuedJob> {
    let jobs = this.queues.get(queue);
    if (!jobs) this.queues.set(queue, (jobs = new Map()));
    return jobs;
  }

  private sorted(queue: string): QueuedJob[] {
    return [...this.jobs(queue).values()]
      .filter((q) => q.lockedBy === null)
      .sort((a, b) => a.job.priority - b.job.priority || a.seq - b.seq);
  }
}

/** A push to reviewers' browsers. */
export interface ReviewPush {
  to: { reviewer: string } | { queue: string };
  event: string;
  payload: unknown;
}

/** Records the live pushes instead of emitting them through Redis. */
export class RecordingReviewNotifier implements Pick<
  ReviewNotifier,
  'toReviewer' | 'toQueue' | 'countsChanged'
> {
  readonly pushes: ReviewPush[] = [];
  /** Queues whose watchers were told their counts changed, in order. */
  readonly countsChangedFor: string[] = [];

  get notifier(): ReviewNotifier {
    return this as unknown as ReviewNotifier;
  }

  toReviewer(userId: string, event: string, payload: unknown): void {
    this.pushes.push({ to: { reviewer: userId }, event, payload });
  }

  toQueue(queue: string, event: string, payload: unknown): void {
    this.pushes.push({ to: { queue }, event, payload });
  }

  countsChanged(queue: string): void {
    this.countsChangedFor.push(queue);
  }
}
