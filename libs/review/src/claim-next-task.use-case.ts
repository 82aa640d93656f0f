import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { ReviewDispatch, TaskJob } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { reviewErrors } from './review.errors';
import { skillAccess } from './skill-routing';
import { ReviewTaskView, TaskViewBuilder } from './task-view.service';

// Jobs looked at per claim before giving up: skips happen for consensus tasks the reviewer
// already decided, for tasks needing a skill the reviewer lacks, and for jobs whose task was
// closed while they waited. Past this many a reviewer is told "nothing for you" although tasks
// for others may wait below (each look is two Redis round trips, so it is bounded).
const MAX_FETCHES = 50;
// Memberships and skills are read on every claim; a change reaches claims within this time.
const MEMBERSHIP_TTL_MS = 3000;

function moreUrgent(a: TaskJob, b: TaskJob): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt;
  return a.createdAt < b.createdAt;
}

/**
 * Claim next: the most urgent task across the reviewer's queues (priority, then deadline, then
 * age), taken with BullMQ's manual fetching so that the job lock is the lease, and recorded in
 * Postgres with a conditional UPDATE, so two reviewers can never hold the same task.
 */
@Injectable()
export class ClaimNextTask {
  /** By person and workspace: `<userId>:<workspaceId | *>`. */
  private readonly memberships = new Map<
    string,
    { queues: string[]; skills: string[]; expires: number }
  >();

  constructor(
    private readonly queues: ReviewQueueRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    private readonly views: TaskViewBuilder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The claimed task with its evidence and lease, or null when the reviewer's queues are empty;
   * only queues of the workspace the reviewer acts in (null: every workspace).
   */
  async execute(
    userId: string,
    onlyQueues?: string[],
    workspaceId: string | null = null,
  ): Promise<ReviewTaskView | null> {
    const { queues: mine, skills } = await this.profileOf(userId, workspaceId);
    for (const queue of onlyQueues ?? [])
      if (!mine.includes(queue)) throw reviewErrors.notYourQueue(queue);
    let candidates = onlyQueues?.length ? [...onlyQueues] : mine;
    // The holder's id prefixes the token: a stale token is then recognisable as the caller's own.
    const token = `${userId}.${randomUUID()}`;
    const skipped: { queue: string; job: Job<TaskJob> }[] = [];
    try {
      for (let i = 0; i < MAX_FETCHES && candidates.length > 0; i++) {
        const heads = await this.dispatch.heads(candidates);
        if (heads.length === 0) return null;
        const best = heads.reduce((a, b) => (moreUrgent(b.job, a.job) ? b : a));
        const job = await this.dispatch.fetch(best.queue, token);
        if (!job?.id) {
          candidates = candidates.filter((q) => q !== best.queue);
          continue;
        }
        // A task needing a skill the reviewer lacks stays for one who has it (until its fallback).
        const notForMe =
          skillAccess(job.data, skills, new Date()) === 'no' ||
          (job.data.consensus > 1 && (await this.tasks.hasDecided(job.id, userId)));
        if (notForMe) {
          skipped.push({ queue: best.queue, job });
          continue;
        }
        const claimed = await this.tasks.claim(job.id, userId, token, this.config.review.leaseMs);
        if (claimed) {
          this.notifier.countsChanged(best.queue);
          return this.views.build(claimed.task, true, claimed.submission);
        }
        await this.dropStale(best.queue, job.id);
      }
      return null;
    } finally {
      for (const { queue, job } of skipped) await this.dispatch.requeue(queue, job.data);
    }
  }

  private async profileOf(
    userId: string,
    workspaceId: string | null,
  ): Promise<{ queues: string[]; skills: string[] }> {
    const key = `${userId}:${workspaceId ?? '*'}`;
    const hit = this.memberships.get(key);
    if (hit && hit.expires > Date.now()) return hit;
    const [queues, skills] = await Promise.all([
      this.queues.queuesOf(userId, workspaceId),
      this.queues.skillsOf(userId),
    ]);
    if (this.memberships.size > 10_000) this.memberships.clear();
    this.memberships.set(key, { queues, skills, expires: Date.now() + MEMBERSHIP_TTL_MS });
    return { queues, skills };
  }

  /** A job whose task is closed (decided, escalated, expired) has no business in the queue. */
  private async dropStale(queue: string, taskId: string): Promise<void> {
    const task: ReviewTaskRow | null = await this.tasks.findById(taskId);
    if (!task || (task.status !== 'pending' && task.status !== 'claimed'))
      await this.dispatch.finish(queue, taskId);
  }
}
