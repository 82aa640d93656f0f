import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { reviewErrors } from './review.errors';

/** Heartbeat and release of a held task. */
@Injectable()
export class TaskLease {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    private readonly queues: ReviewQueueRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Extends the lease by the configured lease time; 409 once it has lapsed. */
  async heartbeat(
    userId: string,
    taskId: string,
    leaseToken: string,
  ): Promise<{ leaseExpiresAt: string }> {
    const extended = await this.tasks.heartbeat(
      taskId,
      userId,
      leaseToken,
      this.config.review.leaseMs,
    );
    if (!extended) throw await this.whyRefused(userId, taskId, leaseToken);
    // Redis may have lost the job (flush); the Postgres lease still holds, reconciliation re-adds it.
    await this.dispatch.extendLock(extended.queue, taskId, leaseToken);
    return { leaseExpiresAt: extended.leaseExpiresAt.toISOString() };
  }

  /** Gives the task back at once, in its priority order. */
  async release(userId: string, taskId: string, leaseToken: string): Promise<void> {
    const task = await this.tasks.returnToPending(taskId, leaseToken, userId);
    if (!task) throw await this.whyRefused(userId, taskId, leaseToken);
    await this.dispatch.requeue(task.queue, taskJobOf(task));
    this.notifier.countsChanged(task.queue);
  }

  /**
   * 404 unknown task, or one of a queue the caller may not work on (the same answer, so a
   * reviewer of another queue cannot tell that it exists); 409 when the caller's own lease is stale (lapsed, returned, taken over);
   * 403 when the caller never held it. Lease tokens start with the holder's id, so a stale
   * token is told apart from someone else's task without keeping every old token.
   */
  async whyRefused(userId: string, taskId: string, leaseToken: string): Promise<Error> {
    return refusalFor(this.queues, await this.tasks.findById(taskId), userId, taskId, leaseToken);
  }
}

/** leaseRefusal with the caller's right to see the task's queue looked up (on the refusal path only). */
export async function refusalFor(
  queues: ReviewQueueRepository,
  task: ReviewTaskRow | null,
  userId: string,
  taskId: string,
  leaseToken: string,
): Promise<Error> {
  const visible = task !== null && (await queues.canWorkOn(userId, task.queue));
  return leaseRefusal(visible ? task : null, userId, taskId, leaseToken);
}

/** whyRefused for a caller that has just read the task (tasks are never deleted, so a read stays true); null: unknown or not visible to the caller. */
export function leaseRefusal(
  task: ReviewTaskRow | null,
  userId: string,
  taskId: string,
  leaseToken: string,
): Error {
  if (!task) return reviewErrors.taskNotFound(taskId);
  if (leaseToken.startsWith(`${userId}.`)) return reviewErrors.leaseLost(taskId);
  return reviewErrors.notYourTask(taskId);
}
