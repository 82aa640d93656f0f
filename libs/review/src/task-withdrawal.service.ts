import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import { ReviewDispatch } from './review-dispatch.service';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';

/**
 * Takes a submission away from people: its open tasks (review, escalation or audit) end as
 * expired in the caller's transaction, then leave their BullMQ queues and the reviewer holding
 * one is told. Used when a submission's text is erased, so nobody reviews what is gone.
 */
@Injectable()
export class TaskWithdrawal {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
  ) {}

  /**
   * Locks the submission's open tasks inside `tx`. Call it before locking the submission row:
   * a decision and SLA expiry lock the task first, so the same order cannot deadlock with them.
   */
  lockWithin(tx: EntityManager, submissionId: string): Promise<void> {
    return this.tasks.lockOpenOf(submissionId, tx);
  }

  /** Closes the submission's open tasks inside `tx`; hand the result to afterCommit() once committed. */
  withdrawWithin(tx: EntityManager, submissionId: string): Promise<ReviewTaskRow[]> {
    return this.tasks.closeOpenOf(submissionId, tx);
  }

  /** After the commit: removes the closed tasks' jobs and tells their reviewers and queues. */
  async afterCommit(closed: ReviewTaskRow[], reason: string): Promise<void> {
    for (const task of closed) {
      await this.dispatch.finish(task.queue, task.id);
      if (task.claimedBy)
        this.notifier.toReviewer(task.claimedBy, REVIEW_EVENTS.taskRevoked, {
          taskId: task.id,
          reason,
        });
      this.notifier.countsChanged(task.queue);
    }
  }
}
