import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { SubmissionRepository } from '@arbiter/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PendingDecisionRepository } from '../repositories/pending-decision.repository';
import { ReviewNotifier } from '../review-notifier.service';
import { reviewErrors } from '../review.errors';
import { ReviewTaskView, TaskViewBuilder } from '../task-view.service';

/**
 * Takes back a decision within its undo window: the task returns to the same reviewer's hand with
 * a fresh lease, the pending decision is marked undone (kept, never deleted) and a
 * `review.undone` event joins the submission's history, all in one transaction under the
 * pending decision's lock (the one that makes it final takes the same lock). Nothing was
 * delivered or counted yet, so nothing else needs correcting.
 */
@Injectable()
export class UndoDecision {
  constructor(
    private readonly db: DataSource,
    private readonly pending: PendingDecisionRepository,
    private readonly submissions: SubmissionRepository,
    private readonly views: TaskViewBuilder,
    private readonly notifier: ReviewNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The task back in hand, as claim answers it; 404 for a decision not the caller's, 409 once it is final. */
  async execute(userId: string, decisionId: string): Promise<ReviewTaskView> {
    const token = `${userId}.${randomUUID()}`;
    const task = await this.db.transaction(async (tx) => {
      const p = await this.pending.lock(decisionId, tx);
      if (!p || p.reviewerId !== userId) return null;
      if (p.status === 'undone') throw reviewErrors.undoWindowClosed(decisionId, 'already undone');
      if (p.status !== 'pending' || !p.windowOpen)
        throw reviewErrors.undoWindowClosed(decisionId, 'its undo window has ended');
      const reopened = await this.pending.reopen(
        p.taskId,
        userId,
        token,
        this.config.review.leaseMs,
        tx,
      );
      // The task left `undoable` without this decision settling: the submission expired.
      if (!reopened)
        throw reviewErrors.undoWindowClosed(decisionId, 'the submission is no longer in review');
      await this.pending.settle(p.id, 'undone', tx);
      await this.submissions.appendEvent(
        p.submissionId,
        {
          type: 'review.undone',
          fromStatus: 'human_review',
          toStatus: 'human_review',
          actor: `user:${userId}`,
          data: {
            taskId: p.taskId,
            decisionId: p.id,
            action: p.action,
            reasonCodes: p.reasonCodes,
          },
        },
        tx,
      );
      return reopened;
    });
    if (!task) {
      // A final decision of the caller's (no window, or one that ended) is theirs: 409, not 404.
      if (await this.pending.isFinalOf(decisionId, userId))
        throw reviewErrors.undoWindowClosed(decisionId, 'it is final');
      throw reviewErrors.decisionNotFound(decisionId);
    }
    this.notifier.countsChanged(task.queue);
    return this.views.build(task, true);
  }
}
