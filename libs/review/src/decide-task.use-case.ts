import { Injectable, Logger } from '@nestjs/common';
import { type DecisionResultView } from '@arbiter/contracts';
import { ReviewDecisionRepository } from './repositories/review-decision.repository';
import { ReviewTaskRepository, ReviewTaskRow } from './repositories/review-task.repository';
import {
  SubmissionRow,
  PolicyCatalog,
  SubmissionWorkflow,
  SubmissionMoved,
} from '@arbiter/workflow';
import { Policy, undoWindowMs } from '@arbiter/policy';
import { Tracing } from '@arbiter/observability';
import { QueueProducer } from '@arbiter/queue';
import { DataSource, EntityManager } from 'typeorm';
import { AuditVerdict, AuditVerdicts } from './audit-verdicts.service';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { CastDecision, checkDecision, ConsensusState, evaluateConsensus } from './review-rules';
import { castOf, decisionRecord, DecisionInput } from './decision-input';
import { reviewErrors } from './review.errors';
import { humanOutcomeRequest } from './human-outcome';
import { Escalation, TaskEscalator } from './task-escalator.service';
import { refusalFor } from './task-lease.use-case';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { PendingDecisionRepository } from './repositories/pending-decision.repository';

export type DecisionResult = DecisionResultView;

type Agreed = Extract<ConsensusState, { state: 'agreed' }>;

type AfterCommit =
  | { kind: 'decided'; event: SubmissionMoved | null; outcome: 'approved' | 'rejected' }
  | { kind: 'waiting'; have: number; need: number }
  | { kind: 'escalated'; escalation: Escalation };

/**
 * A reviewer's decision, fenced by the lease in Postgres: the lease checked on the task row, the
 * decision recorded and, once consensus is reached, the submission's final state written through
 * the state machine, all in one transaction. Redis follows after the commit.
 */
@Injectable()
export class DecideTask {
  private readonly logger = new Logger(DecideTask.name);

  constructor(
    private readonly db: DataSource,
    private readonly tasks: ReviewTaskRepository,
    private readonly decisions: ReviewDecisionRepository,
    private readonly catalog: PolicyCatalog,
    private readonly workflow: SubmissionWorkflow,
    private readonly escalator: TaskEscalator,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    private readonly audits: AuditVerdicts,
    private readonly queues: ReviewQueueRepository,
    private readonly pending: PendingDecisionRepository,
    private readonly producer: QueueProducer,
    private readonly tracing: Tracing,
  ) {}

  async execute(userId: string, taskId: string, input: DecisionInput): Promise<DecisionResult> {
    // Everything read outside the transaction is read first: a transaction that waited for a
    // second pool connection would deadlock the pool under concurrent decisions.
    const found = await this.tasks.findWithSubmission(taskId);
    if (!found) throw reviewErrors.taskNotFound(taskId);
    const { task: seen, submission } = found;
    const policy =
      submission && (await this.catalog.versionById(submission.policyVersionId))?.policy;
    if (!submission || !policy) throw reviewErrors.taskNotFound(taskId);
    // A span of the submission's trace when it was traced (a child of its intake span, beside
    // score and the deliver span the decision leads to); nothing while tracing is off.
    return this.tracing.inSpan(
      'review-decision',
      this.tracing.extract({ traceparent: submission.traceparent ?? undefined }),
      {
        'arbiter.submission.id': submission.id,
        'arbiter.review.task.id': taskId,
        'arbiter.review.task.kind': seen.kind,
        'arbiter.review.action': input.action,
      },
      () => this.decide(userId, taskId, input, seen, submission, policy),
    );
  }

  private async decide(
    userId: string,
    taskId: string,
    input: DecisionInput,
    seen: ReviewTaskRow,
    submission: SubmissionRow,
    policy: Policy,
  ): Promise<DecisionResult> {
    const found = { task: seen, submission };
    // A lease not held now is never held again (tokens are single-use): refused without a
    // transaction. One held now is checked again, under the row lock, by the write itself.
    if (!holds(seen, userId, input.leaseToken))
      throw await refusalFor(this.queues, found, userId, taskId, input.leaseToken);
    const problems = checkDecision(input, {
      allowedReasonCodes: policy.review.reasonCodes,
      escalateTo: seen.kind === 'qa' ? undefined : policy.review.escalateTo,
      isEscalationTask: seen.kind === 'escalation',
      isAuditTask: seen.kind === 'qa',
    });
    if (problems.length) throw reviewErrors.invalid(problems);
    if (seen.kind === 'qa') return this.decideAudit(seen, submission, userId, input);
    const cast = castOf(userId, input);
    // With one reviewer needed, a decision other than escalate settles the task on its own: the
    // outcome is known before anything is written (consensus and kind never change on a task).
    const alone =
      seen.consensus <= 1 && input.action !== 'escalate' ? evaluateConsensus([cast], 1) : null;
    const windowMs = undoWindowMs(policy.review);
    if (alone?.state === 'agreed' && windowMs > 0)
      return this.holdAlone(seen, submission, userId, input, alone.outcome, windowMs);

    const outcome = await this.db.transaction((tx) =>
      alone?.state === 'agreed'
        ? this.settleAlone(tx, taskId, submission, userId, input, alone)
        : this.settleShared(tx, taskId, submission, policy, userId, input, cast),
    );
    if (!outcome) throw await this.refusal(userId, taskId, input.leaseToken);
    return this.followUp(outcome.task, outcome.after);
  }

  /**
   * One reviewer needed: the lease check, the task's close and the decision's record are one
   * fenced statement, then the state machine writes the submission's final state. If the
   * submission moved meanwhile (it expired), finalize throws and all of it rolls back.
   */
  private async settleAlone(
    tx: EntityManager,
    taskId: string,
    submission: SubmissionRow,
    userId: string,
    input: DecisionInput,
    agreed: Agreed,
  ): Promise<{ task: ReviewTaskRow; after: AfterCommit } | null> {
    const task = await this.tasks.closeWithDecision(
      { taskId, userId, token: input.leaseToken },
      decisionRecord(submission, input),
      tx,
    );
    if (!task) return null;
    const reasons = agreed.reasons.map((code) => ({ code, message: code }));
    return {
      task,
      after: await this.finalize(
        tx,
        task,
        submission,
        `user:${userId}`,
        agreed.outcome,
        reasons,
        agreed.finalOutput,
        [userId],
      ),
    };
  }

  /**
   * One reviewer needed and an undo window: the decision waits, undoable, until the window ends
   * (FinalizePendingDecisions then writes it as settleAlone would). The submission stays in
   * human_review meanwhile, so nothing is delivered or counted that an undo would take back.
   */
  private async holdAlone(
    seen: ReviewTaskRow,
    submission: SubmissionRow,
    userId: string,
    input: DecisionInput,
    outcome: 'approved' | 'rejected',
    windowMs: number,
  ): Promise<DecisionResult> {
    const record = decisionRecord(submission, input);
    const held = await this.pending.hold(
      { taskId: seen.id, userId, token: input.leaseToken },
      record,
      windowMs,
    );
    if (!held) throw await this.refusal(userId, seen.id, input.leaseToken);
    await this.removeJob(held.task);
    this.notifier.countsChanged(held.task.queue);
    // A lost enqueue only delays the outcome to the next maintenance sweep, which finds it due.
    await this.producer
      .enqueuePendingDecision(record.id, held.finalAt.getTime() - Date.now())
      .catch(() => undefined);
    return {
      result: 'decided',
      outcome,
      decisionId: record.id,
      undoableUntil: held.finalAt.toISOString(),
    };
  }

  /** Consensus of several reviewers, or an escalation: the task row is locked, then the rules decide. */
  private async settleShared(
    tx: EntityManager,
    taskId: string,
    submission: SubmissionRow,
    policy: Policy,
    userId: string,
    input: DecisionInput,
    cast: CastDecision,
  ): Promise<{ task: ReviewTaskRow; after: AfterCommit } | null> {
    const task = await this.tasks.findById(taskId, tx, true);
    if (!task || !holds(task, userId, input.leaseToken)) return null;
    await this.decisions.insert(
      {
        ...decisionRecord(submission, input),
        taskId: task.id,
        submissionId: task.submissionId,
        reviewerId: userId,
        handlingMs: task.claimedAt ? Date.now() - task.claimedAt.getTime() : null,
      },
      tx,
    );
    return { task, after: await this.settle(tx, task, submission, policy, userId, cast) };
  }

  private async settle(
    tx: EntityManager,
    task: ReviewTaskRow,
    submission: SubmissionRow,
    policy: Policy,
    userId: string,
    cast: CastDecision,
  ): Promise<AfterCommit> {
    const actor = `user:${userId}`;
    // With one reviewer needed, the first decision always settles the task (agreed, escalated
    // or rejected), so a task still held has no earlier decision: no read-back is needed.
    const all: CastDecision[] =
      task.consensus > 1 ? await this.decisions.forTask(task.id, tx) : [cast];
    const last = all[all.length - 1];
    const state =
      last.action === 'escalate'
        ? ({ state: 'disagreed' } as const)
        : evaluateConsensus(all, task.consensus);
    if (state.state === 'waiting') {
      await this.tasks.returnToPending(task.id, task.leaseToken as string, userId, tx);
      return { kind: 'waiting', have: state.have, need: state.need };
    }
    if (state.state === 'disagreed') {
      const reason = last.action === 'escalate' ? 'reviewer.escalated' : 'consensus.disagreement';
      const escalation = await this.escalator.escalateWithin(tx, task, policy, reason, actor);
      if (escalation) return { kind: 'escalated', escalation };
      // Nowhere to escalate to: reviewers disagreed, so nothing goes out (fail safe).
      await this.tasks.close(task.id, 'decided', tx);
      return this.finalize(
        tx,
        task,
        submission,
        actor,
        'rejected',
        [
          {
            code: 'consensus.disagreement',
            message: 'Reviewers disagreed and the policy has no escalation queue',
          },
        ],
        undefined,
        all.map((d) => d.reviewerId),
      );
    }
    const reasons = state.reasons.map((code) => ({ code, message: code }));
    await this.tasks.close(task.id, 'decided', tx);
    return this.finalize(
      tx,
      task,
      submission,
      actor,
      state.outcome,
      reasons,
      state.finalOutput,
      all.map((d) => d.reviewerId),
    );
  }

  private async finalize(
    tx: EntityManager,
    task: ReviewTaskRow,
    submission: SubmissionRow,
    actor: string,
    outcome: 'approved' | 'rejected',
    reasons: { code: string; message: string }[],
    editedOutput: { text?: string; json?: unknown } | undefined,
    reviewers: string[],
  ): Promise<AfterCommit> {
    const event = await this.workflow.transitionWithin(
      tx,
      humanOutcomeRequest(submission, {
        taskId: task.id,
        actor,
        outcome,
        reasons,
        editedOutput,
        reviewers,
      }),
    );
    // The submission left human_review meanwhile, with the task still open: SLA expiry and
    // erasure close the task first, under its lock, so this is a final submission reached some
    // other way; to the reviewer it has expired. The decision cannot stand.
    if (!event) throw reviewErrors.taskClosed(task.id, 'expired');
    return { kind: 'decided', event, outcome };
  }

  /**
   * An audit of an automatic approval: the submission is already out and stays decided. The
   * verdict is recorded with the task's close in one fenced transaction; the loop acts after.
   */
  private async decideAudit(
    seen: ReviewTaskRow,
    submission: SubmissionRow,
    userId: string,
    input: DecisionInput,
  ): Promise<DecisionResult> {
    const handler = this.audits.get();
    const verdict: AuditVerdict = {
      taskId: seen.id,
      submission,
      reviewerId: userId,
      overturned: input.action !== 'approve',
      reasonCodes: input.reasonCodes,
      comment: input.comment ?? null,
      correctedOutput: input.action === 'edit' ? (input.editedOutput ?? null) : null,
    };
    const task = await this.db.transaction(async (tx) => {
      const closed = await this.tasks.closeWithDecision(
        { taskId: seen.id, userId, token: input.leaseToken },
        decisionRecord(submission, input),
        tx,
      );
      if (closed) await handler.withinDecision(tx, verdict);
      return closed;
    });
    if (!task) throw await this.refusal(userId, seen.id, input.leaseToken);
    await this.removeJob(task);
    this.notifier.countsChanged(task.queue);
    await handler.afterCommit(verdict);
    return { result: 'audited', verdict: verdict.overturned ? 'overturned' : 'agreed' };
  }

  /** Why a fenced write found no live lease: the task is read again, as it is after the write. */
  private async refusal(userId: string, taskId: string, leaseToken: string): Promise<Error> {
    return refusalFor(
      this.queues,
      await this.tasks.findWithSubmission(taskId),
      userId,
      taskId,
      leaseToken,
    );
  }

  /**
   * The settled task's job leaves Redis, best effort: the decision is committed in Postgres, so a
   * Redis failure here must neither turn it into an error for the reviewer (whose retry would be
   * refused as decided) nor skip what follows it (the outcome's event and webhook, an audit's
   * breaker check). A job left behind is dropped by the claim that next takes it (dropStale).
   */
  private async removeJob(task: ReviewTaskRow): Promise<void> {
    await this.dispatch.finish(task.queue, task.id).catch((error: Error) =>
      this.logger.warn({
        taskId: task.id,
        msg: `job of a settled task not removed, the next claim drops it: ${error.message}`,
      }),
    );
  }

  private async followUp(task: ReviewTaskRow, after: AfterCommit): Promise<DecisionResult> {
    switch (after.kind) {
      case 'decided':
        await this.removeJob(task);
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

/** The caller holds a live lease on the task with this token. */
function holds(task: ReviewTaskRow, userId: string, leaseToken: string): boolean {
  return (
    task.status === 'claimed' &&
    task.claimedBy === userId &&
    task.leaseToken === leaseToken &&
    (task.leaseExpiresAt?.getTime() ?? 0) > Date.now()
  );
}
