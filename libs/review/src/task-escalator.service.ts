import { Injectable } from '@nestjs/common';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import { SubmissionRepository } from '@arbiter/workflow';
import { parseDuration, Policy } from '@arbiter/policy';
import { EntityManager } from 'typeorm';
import { ReviewDispatch, TaskJob } from './review-dispatch.service';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';
import { ReviewTaskCreator } from './review-task-creator.service';

const DEFAULT_ESCALATION_SLA_MS = 60 * 60 * 1000;

export interface Escalation {
  from: ReviewTaskRow;
  to: TaskJob & { queue: string };
}

/** Moves a task to the policy's escalation queue; the submission stays in human_review. */
@Injectable()
export class TaskEscalator {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly submissions: SubmissionRepository,
    private readonly creator: ReviewTaskCreator,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
  ) {}

  /** Inside the caller's transaction; null when the policy has nowhere to escalate to. */
  async escalateWithin(
    tx: EntityManager,
    task: ReviewTaskRow,
    policy: Policy,
    reason: string,
    actor: string,
  ): Promise<Escalation | null> {
    const target = policy.review.escalateTo;
    if (!target || task.kind === 'escalation') return null;
    if (!(await this.tasks.close(task.id, 'escalated', tx))) return null;
    const slaMs =
      (policy.review.sla && parseDuration(policy.review.sla)) || DEFAULT_ESCALATION_SLA_MS;
    const to = await this.creator.createEscalation(tx, task.submissionId, task.id, target, slaMs);
    await this.submissions.appendEvent(
      task.submissionId,
      {
        type: 'review.escalated',
        fromStatus: 'human_review',
        toStatus: 'human_review',
        actor,
        data: { reason, fromQueue: task.queue, toQueue: target, taskId: to.taskId },
      },
      tx,
    );
    return { from: task, to };
  }

  /** After commit: the old job leaves Redis, the new one arrives, the old holder is told. */
  async dispatchEscalation(escalation: Escalation, notifyHolder: boolean): Promise<void> {
    const { from, to } = escalation;
    await this.dispatch.finish(from.queue, from.id);
    if (notifyHolder && from.claimedBy)
      this.notifier.toReviewer(from.claimedBy, REVIEW_EVENTS.taskRevoked, {
        taskId: from.id,
        reason: 'escalated',
      });
    this.notifier.countsChanged(from.queue);
    await this.creator.dispatchNew(to.queue, to);
  }
}
