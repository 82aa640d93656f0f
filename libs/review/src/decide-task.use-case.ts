import { Injectable } from '@nestjs/common';
import type { DecisionResultView } from '@arbiter/contracts';
import { ReviewDecisionRepository, ReviewTaskRepository, ReviewTaskRow, SubmissionRepository, SubmissionRow } from '@arbiter/persistence';
import { Policy } from '@arbiter/policy';
import { PolicyCatalog, SubmissionWorkflow, TransitionEvent } from '@arbiter/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { CastDecision, checkDecision, evaluateConsensus, ReviewActionName, wordDiff } from './review-rules';
import { reviewErrors } from './review.errors';
import { Escalation, TaskEscalator } from './task-escalator.service';
import { TaskLease } from './task-lease.use-case';

export interface DecisionInput {
  leaseToken: string;
  action: ReviewActionName;
  reasonCodes: string[];
  comment?: string;
  editedOutput?: { text?: string; json?: unknown } | null;
}

export type DecisionResult = DecisionResultView;

type AfterCommit =
  | { kind: 'decided'; event: TransitionEvent | null; outcome: 'approved' | 'rejected' }
  | { kind: 'waiting'; have: number; need: number }
  | { kind: 'escalated'; escalation: Escalation };

/**
 * A reviewer's decision, fenced by the lease in Postgres: the task row is locked, the lease
 * checked, the decision recorded and, once consensus is reached, the submission's final state
 * written through the state machine, all in one transaction. Redis follows after the commit.
 */
@Injectable()
export class DecideTask {
  constructor(
    private readonly db: DataSource,
    private readonly tasks: ReviewTaskRepository,
    private readonly decisions: ReviewDecisionRepository,
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
    private readonly workflow: SubmissionWorkflow,
    private readonly escalator: TaskEscalator,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    private readonly lease: TaskLease,
  ) {}

  async execute(userId: string, taskId: string, input: DecisionInput): Promise<DecisionResult> {
    // Everything read outside the transaction is read first: a transaction that waited for a
    // second pool connection would deadlock the pool under concurrent decisions.
    const found = await this.tasks.findById(taskId);
    if (!found) throw reviewErrors.taskNotFound(taskId);
    const submission = await this.submissions.findById(found.submissionId);
    const policy = submission && (await this.catalog.versionById(submission.policyVersionId))?.policy;
    if (!submission || !policy) throw reviewErrors.taskNotFound(taskId);
    const problems = checkDecision(input, {
      allowedReasonCodes: policy.review.reasonCodes,
      escalateTo: policy.review.escalateTo,
      isEscalationTask: found.kind === 'escalation',
    });

    const outcome = await this.db.transaction(async (tx) => {
      const task = await this.tasks.findById(taskId, tx, true);
      const held = task?.status === 'claimed' && task.claimedBy === userId && task.leaseToken === input.leaseToken
        && (task.leaseExpiresAt?.getTime() ?? 0) > Date.now();
      if (!task || !held) return null;
      if (problems.length) throw reviewErrors.invalid(problems);
      const cast = await this.record(tx, task, submission, userId, input);
      return { task, after: await this.settle(tx, task, submission, policy, userId, cast) };
    });
    if (!outcome) throw await this.lease.whyRefused(userId, taskId, input.leaseToken);
    return this.followUp(outcome.task, outcome.after);
  }

  private async record(tx: EntityManager, task: ReviewTaskRow, submission: SubmissionRow, userId: string, input: DecisionInput): Promise<CastDecision> {
    const original = typeof submission.output.text === 'string' ? submission.output.text : undefined;
    const edited = input.action === 'edit' ? input.editedOutput : null;
    await this.decisions.insert(
      {
        id: randomUUID(),
        taskId: task.id,
        submissionId: task.submissionId,
        reviewerId: userId,
        action: input.action,
        reasonCodes: input.reasonCodes,
        comment: input.comment ?? null,
        editedOutput: edited ?? null,
        diff: edited?.text !== undefined && original !== undefined ? wordDiff(original, edited.text) : null,
        handlingMs: task.claimedAt ? Date.now() - task.claimedAt.getTime() : null,
      },
      tx,
    );
    return { reviewerId: userId, action: input.action, reasonCodes: input.reasonCodes, editedOutput: edited ?? null };
  }

  private async settle(
    tx: EntityManager, task: ReviewTaskRow, submission: SubmissionRow, policy: Policy, userId: string, cast: CastDecision,
  ): Promise<AfterCommit> {
    const actor = `user:${userId}`;
    // With one reviewer needed, the first decision always settles the task (agreed, escalated
    // or rejected), so a task still held has no earlier decision: no read-back is needed.
    const all: CastDecision[] = task.consensus > 1 ? await this.decisions.forTask(task.id, tx) : [cast];
    const last = all[all.length - 1];
    const state = last.action === 'escalate' ? ({ state: 'disagreed' } as const) : evaluateConsensus(all, task.consensus);
    if (state.state === 'waiting') {
      await this.tasks.returnToPending(task.id, task.leaseToken as string, userId, tx);
      return { kind: 'waiting', have: state.have, need: state.need };
    }
    if (state.state === 'disagreed') {
      const reason = last.action === 'escalate' ? 'reviewer.escalated' : 'consensus.disagreement';
      const escalation = await this.escalator.escalateWithin(tx, task, policy, reason, actor);
      if (escalation) return { kind: 'escalated', escalation };
      // Nowhere to escalate to: reviewers disagreed, so nothing goes out (fail safe).
      return this.finalize(tx, task, submission, actor, 'rejected', [{ code: 'consensus.disagreement', message: 'Reviewers disagreed and the policy has no escalation queue' }], undefined, all.map((d) => d.reviewerId));
    }
    const reasons = state.reasons.map((code) => ({ code, message: code }));
    return this.finalize(tx, task, submission, actor, state.outcome, reasons, state.finalOutput, all.map((d) => d.reviewerId));
  }

  private async finalize(
    tx: EntityManager, task: ReviewTaskRow, submission: SubmissionRow, actor: string,
    outcome: 'approved' | 'rejected', reasons: { code: string; message: string }[],
    editedOutput: { text?: string; json?: unknown } | undefined, reviewers: string[],
  ): Promise<AfterCommit> {
    await this.tasks.close(task.id, 'decided', tx);
    const event = await this.workflow.transitionWithin(tx, {
      submissionId: task.submissionId,
      path: ['human_review', outcome],
      actor,
      patch: {
        decided: true,
        decision: {
          outcome,
          route: 'human_review',
          decidedBy: 'human',
          reasons,
          reviewers: [...new Set(reviewers)],
          edited: editedOutput !== undefined,
          finalOutput: outcome === 'approved' ? (editedOutput ?? submission.output) : undefined,
          originalOutput: editedOutput !== undefined ? submission.output : undefined,
        },
      },
      eventData: { [outcome]: { taskId: task.id, reviewers, reasons } },
    });
    // The submission left human_review meanwhile (it expired): the decision cannot stand.
    if (!event) throw reviewErrors.leaseLost(task.id);
    return { kind: 'decided', event, outcome };
  }

  private async followUp(task: ReviewTaskRow, after: AfterCommit): Promise<DecisionResult> {
    switch (after.kind) {
      case 'decided':
        await this.dispatch.finish(task.queue, task.id);
        if (after.event) await this.workflow.publish(after.event);
        this.notifier.countsChanged(task.queue);
        return { result: 'decided', outcome: after.outcome };
      case 'waiting':
        await this.dispatch.requeue(task.queue, taskJobOf(task));
        this.notifier.countsChanged(task.queue);
        return { result: 'waiting', have: after.have, need: after.need };
      case 'escalated':
        await this.escalator.dispatchEscalation(after.escalation, false);
        return { result: 'escalated', queue: after.escalation.to.queue };
    }
  }
}
