import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository, TaskWithSubmission } from './repositories/review-task.repository';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { reviewErrors, TaskClosedReason } from './review.errors';

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
   * reviewer of another queue cannot tell that it exists); 409 when the caller's own lease is
   * stale: review.task_closed if the task was settled otherwise (expired, erased, decided,
   * escalated), review.lease_lost if it lapsed or was taken over; 403 when the caller never held
   * it. Lease tokens start with the holder's id, so a stale token is told apart from someone
   * else's task without keeping every old token.
   */
  async whyRefused(userId: string, taskId: string, leaseToken: string): Promise<Error> {
    return refusalFor(
      this.queues,
      await this.tasks.findWithSubmission(taskId),
      userId,
      taskId,
      leaseToken,
    );
  }
}

/** leaseRefusal with the caller's right to see the task's queue looked up (on the refusal path only). */
export async function refusalFor(
  queues: ReviewQueueRepository,
  found: TaskWithSubmission | null,
  userId: string,
  taskId: string,
  leaseToken: string,
): Promise<Error> {
  const visible = found !== null && (await queues.canWorkOn(userId, found.task.queue));
  return leaseRefusal(visible ? found : null, userId, taskId, leaseToken);
}

/** whyRefused for a caller that has just read the task (tasks are never deleted, so a read stays true); null: unknown or not visible to the caller. */
export function leaseRefusal(
  found: TaskWithSubmission | null,
  userId: string,
  taskId: string,
  leaseToken: string,
): Error {
  if (!found) return reviewErrors.taskNotFound(taskId);
  if (!leaseToken.startsWith(`${userId}.`)) return reviewErrors.notYourTask(taskId);
  const closed = closedReason(found);
  return closed ? reviewErrors.taskClosed(taskId, closed) : reviewErrors.leaseLost(taskId);
}

/** Why a task is closed for good; null while it is open (pending or claimed: a lease can still be had). */
export function closedReason({ task, submission }: TaskWithSubmission): TaskClosedReason | null {
  switch (task.status) {
    case 'pending':
    case 'claimed':
      return null;
    case 'undoable':
    case 'decided':
      return 'decided';
    case 'escalated':
      return 'escalated';
    case 'expired':
      // SLA expiry and a pending decision's lapse close a task as expired; so does erasure,
      // which withdraws the submission's open tasks and leaves it erased.
      return submission?.erasedAt ? 'erased' : 'expired';
  }
}
