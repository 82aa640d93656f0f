import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import { SubmissionRepository, PolicyCatalog, SubmissionWorkflow } from '@arbiter/workflow';
import { DataSource } from 'typeorm';
import { ReviewDispatch } from './review-dispatch.service';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';
import { TaskEscalator } from './task-escalator.service';

const BATCH = 1000;

/**
 * SLA upkeep: tasks nearing their deadline become at risk one priority level more urgent,
 * overdue ones breached at the top (aging: low priorities cannot starve); a submission whose
 * time to live ran out gets its policy's onExpire (escalate | reject | approve-with-flag).
 */
@Injectable()
export class SlaAging {
  private readonly logger = new Logger(SlaAging.name);

  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
    private readonly workflow: SubmissionWorkflow,
    private readonly escalator: TaskEscalator,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ atRisk: number; breached: number; expired: number }> {
    const { atRisk, breached } = await this.tasks.ageSla(this.config.review.atRiskMarginMs, BATCH);
    for (const ref of [...atRisk, ...breached]) {
      await this.dispatch.changePriority(ref.queue, ref.id, ref.priority);
      this.notifier.toQueue(ref.queue, REVIEW_EVENTS.urgentTask, {
        queue: ref.queue,
        taskId: ref.id,
        priority: ref.priority,
      });
    }
    let expired = 0;
    for (const task of await this.tasks.expired(BATCH)) {
      if (await this.expire(task)) expired++;
    }
    return { atRisk: atRisk.length, breached: breached.length, expired };
  }

  private async expire(task: ReviewTaskRow): Promise<boolean> {
    const submission = await this.submissions.findById(task.submissionId);
    const policy =
      submission && (await this.catalog.versionById(submission.policyVersionId))?.policy;
    if (!submission || !policy) return false;
    const onExpire = policy.review.onExpire ?? 'reject';
    const actor = 'sla';
    const outcome = await this.db.transaction(async (tx) => {
      if (onExpire === 'escalate') {
        const escalation = await this.escalator.escalateWithin(
          tx,
          task,
          policy,
          'ttl.expired',
          actor,
        );
        if (escalation) return { escalation, event: null };
      }
      if (!(await this.tasks.close(task.id, 'expired', tx))) return null;
      const approved = onExpire === 'approve-with-flag';
      const event = await this.workflow.transitionWithin(tx, {
        submissionId: task.submissionId,
        path: ['human_review', 'expired'],
        actor,
        patch: {
          decided: true,
          decision: {
            outcome: approved ? 'approved' : 'rejected',
            route: 'human_review',
            decidedBy: 'policy',
            reasons: [
              {
                code: 'ttl.expired',
                message: `No human decision before the policy's time to live (${policy.ttl}); onExpire: ${onExpire}`,
              },
            ],
            flags: approved ? ['approved-on-expiry'] : ['expired'],
            finalOutput: approved ? submission.output : undefined,
          },
        },
      });
      return { escalation: null, event };
    });
    if (!outcome) return false;
    if (outcome.escalation) {
      await this.escalator.dispatchEscalation(outcome.escalation, true);
    } else {
      // Committed in Postgres: a Redis failure must not skip the outcome's publish (its webhook)
      // nor the rest of the batch; a job left behind is dropped by the claim that next takes it.
      await this.dispatch.finish(task.queue, task.id).catch((error: Error) =>
        this.logger.warn({
          taskId: task.id,
          msg: `expired task's job not removed: ${error.message}`,
        }),
      );
      if (task.claimedBy)
        this.notifier.toReviewer(task.claimedBy, REVIEW_EVENTS.taskRevoked, {
          taskId: task.id,
          reason: 'expired',
        });
      this.notifier.countsChanged(task.queue);
      if (outcome.event) await this.workflow.publish(outcome.event);
    }
    this.logger.log({ taskId: task.id, onExpire, msg: 'submission time to live ran out' });
    return true;
  }
}
