import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SubmissionMoved, SubmissionRepository, SubmissionWorkflow } from '@arbiter/workflow';
import { humanOutcomeRequest } from '../human-outcome';
import { PendingDecisionRepository } from '../repositories/pending-decision.repository';
import { ReviewDecisionRepository } from '../repositories/review-decision.repository';
import { evaluateConsensus } from '../review-rules';

/** What became of one pending decision. */
export type Finalized = 'final' | 'lapsed' | 'not_due';

/** The submission left human_review while the decision waited: roll the final writes back. */
class SubmissionMovedOn extends Error {}

/** Pending decisions looked at per sweep; more wait for the next one. */
const SWEEP_LIMIT = 200;

/**
 * The end of an undo window: the pending decision is recorded in review_decisions, its task
 * closed and the submission's final state written, in one transaction under the pending row's
 * lock (an undo takes the same lock, so exactly one of them wins). The outcome event is
 * published after the commit, so a webhook receiver only ever sees a decision nobody can undo.
 */
@Injectable()
export class FinalizePendingDecisions {
  private readonly logger = new Logger(FinalizePendingDecisions.name);

  constructor(
    private readonly db: DataSource,
    private readonly pending: PendingDecisionRepository,
    private readonly decisions: ReviewDecisionRepository,
    private readonly submissions: SubmissionRepository,
    private readonly workflow: SubmissionWorkflow,
  ) {}

  /** Every pending decision whose window has ended; how many became final. */
  async execute(): Promise<number> {
    let final = 0;
    for (const id of await this.pending.due(SWEEP_LIMIT))
      if ((await this.finalize(id)) === 'final') final++;
    return final;
  }

  async finalize(id: string): Promise<Finalized> {
    // Read before the transaction (one pool connection at a time); the output never changes
    // while the submission is in human_review, and the transition re-checks that state.
    const seen = await this.pending.find(id);
    if (!seen || seen.status !== 'pending' || seen.windowOpen) return 'not_due';
    const submission = await this.submissions.findById(seen.submissionId);
    if (!submission) return 'not_due';
    let event: SubmissionMoved | null = null;
    try {
      event = await this.db.transaction(async (tx) => {
        const p = await this.pending.lock(id, tx);
        if (!p || p.status !== 'pending' || p.windowOpen) return null;
        const task = await this.pending.closeTask(p.taskId, 'decided', tx);
        if (!task) throw new SubmissionMovedOn();
        await this.decisions.insert(
          {
            id: p.id,
            taskId: p.taskId,
            submissionId: p.submissionId,
            reviewerId: p.reviewerId,
            action: p.action,
            reasonCodes: p.reasonCodes,
            comment: p.comment,
            editedOutput: p.editedOutput,
            diff: p.diff,
            handlingMs: p.handlingMs,
          },
          tx,
        );
        const agreed = evaluateConsensus(
          [
            {
              reviewerId: p.reviewerId,
              action: p.action,
              reasonCodes: p.reasonCodes,
              editedOutput: p.action === 'edit' ? p.editedOutput : null,
            },
          ],
          1,
        );
        if (agreed.state !== 'agreed') throw new Error(`pending decision ${id} settles nothing`);
        const moved = await this.workflow.transitionWithin(
          tx,
          humanOutcomeRequest(submission, {
            taskId: p.taskId,
            actor: `user:${p.reviewerId}`,
            outcome: agreed.outcome,
            reasons: agreed.reasons.map((code) => ({ code, message: code })),
            editedOutput: agreed.finalOutput,
            reviewers: [p.reviewerId],
          }),
        );
        if (!moved) throw new SubmissionMovedOn();
        await this.pending.settle(p.id, 'final', tx);
        return moved;
      });
    } catch (error) {
      if (!(error instanceof SubmissionMovedOn)) throw error;
      return this.lapse(id);
    }
    if (!event) return 'not_due';
    await this.workflow.publish(event);
    return 'final';
  }

  /** The submission expired (or was erased) while the decision waited: it cannot stand. */
  private async lapse(id: string): Promise<Finalized> {
    await this.db.transaction(async (tx) => {
      const p = await this.pending.lock(id, tx);
      if (!p || p.status !== 'pending') return;
      await this.pending.closeTask(p.taskId, 'expired', tx);
      await this.pending.settle(p.id, 'lapsed', tx);
    });
    this.logger.log({ decisionId: id, msg: 'pending decision lapsed: the submission moved on' });
    return 'lapsed';
  }
}
