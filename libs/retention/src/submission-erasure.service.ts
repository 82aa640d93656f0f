import { Injectable, Logger } from '@nestjs/common';
import { DatasetItemRepository } from '@arbiter/datasets';
import { eraseOutcomeBody, DeliveryEventRepository } from '@arbiter/delivery';
import { QaAuditRepository } from '@arbiter/oversight';
import { ReviewDecisionRepository, TaskWithdrawal } from '@arbiter/review';
import {
  isFinal,
  SubmissionMoved,
  SubmissionRepository,
  SubmissionRow,
  SubmissionStatus,
  SubmissionWorkflow,
} from '@arbiter/workflow';
import { DataSource, EntityManager } from 'typeorm';
import {
  eraseDecision,
  erasedMarker,
  erasedUrl,
  ErasureReason,
  eraseEventData,
  eraseReasons,
  eraseScoring,
} from './erasure.rules';

/** PostgreSQL's deadlock_detected: the transaction was rolled back and may simply run again. */
const DEADLOCK_DETECTED = '40P01';
const DEADLOCK_ATTEMPTS = 3;

/**
 * Erases one submission's raw text and every copy of it, in one transaction: the submission's
 * input, output, metadata and callback URL, the final and original outputs of its decision, the
 * evidence of its scoring, the words its routing reasons quote (in the decision and its events),
 * its reviewers' comments and edits, its audits' corrections, its outbox bodies and its items in
 * datasets (with the candidates regression runs generated from them); then records
 * an `erased` event. Decisions, routes, scores, confidences, reason codes, timings and stats
 * stay. Its open tasks, then its row, are locked first (the order a decision takes), so a
 * transition cannot slip between the read and the erasure, and an erased row is never erased
 * twice.
 */
@Injectable()
export class SubmissionErasure {
  private readonly logger = new Logger(SubmissionErasure.name);

  constructor(
    private readonly db: DataSource,
    private readonly submissions: SubmissionRepository,
    private readonly workflow: SubmissionWorkflow,
    private readonly withdrawal: TaskWithdrawal,
    private readonly decisions: ReviewDecisionRepository,
    private readonly audits: QaAuditRepository,
    private readonly outbox: DeliveryEventRepository,
    private readonly datasetItems: DatasetItemRepository,
  ) {}

  /**
   * Erases the submission; true when this call erased it. Retention erases only final
   * submissions. On request, one still on its way is first expired through the state machine
   * (its review tasks withdrawn) so nobody reviews or decides on erased text.
   */
  async erase(submissionId: string, reason: ErasureReason, actor: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.eraseOnce(submissionId, reason, actor);
      } catch (error) {
        // Locks are taken in the order decisions take them, but other writers may differ: a
        // deadlock victim has changed nothing and simply tries again.
        if (attempt >= DEADLOCK_ATTEMPTS || (error as { code?: string }).code !== DEADLOCK_DETECTED)
          throw error;
        this.logger.warn({
          submissionId,
          attempt,
          msg: 'erasure chosen as a deadlock victim: trying again',
        });
      }
    }
  }

  private async eraseOnce(
    submissionId: string,
    reason: ErasureReason,
    actor: string,
  ): Promise<boolean> {
    const done = await this.db.transaction(async (tx) => {
      await this.withdrawal.lockWithin(tx, submissionId);
      const row = await this.submissions.lockForErasure(submissionId, tx);
      if (!row) return null;
      let moved: SubmissionMoved | null = null;
      if (!isFinal(row.status as SubmissionStatus)) {
        if (reason === 'retention') return null;
        moved = await this.expireWithin(tx, row, actor);
        if (!moved) return null;
      }
      const withdrawn = await this.withdrawal.withdrawWithin(tx, submissionId);
      const erased = await this.eraseWithin(tx, moved?.submission ?? row, reason, actor);
      // Under the lock the row is final and unerased: anything else must undo the expiry and withdrawal.
      if (!erased) throw new Error(`submission ${submissionId} could not be erased under its lock`);
      return { moved, withdrawn, erased };
    });
    if (!done) return false;
    await this.withdrawal.afterCommit(done.withdrawn, 'erased');
    // Subscribers (the outbox, ?wait) see the submission as it now is: without its text.
    if (done.moved) await this.workflow.publish({ ...done.moved, submission: done.erased });
    this.logger.log({ submissionId, reason, actor, msg: 'submission text erased' });
    return true;
  }

  private expireWithin(
    tx: EntityManager,
    row: SubmissionRow,
    actor: string,
  ): Promise<SubmissionMoved | null> {
    const previous = row.decision ?? {};
    return this.workflow.transitionWithin(tx, {
      submissionId: row.id,
      path: [row.status as SubmissionStatus, 'expired'],
      actor,
      patch: {
        decided: true,
        decision: {
          // Like an expiry by time to live: no one decided, so the client is told it was not approved.
          outcome: 'rejected',
          route: previous.route ?? row.status,
          decidedBy: 'policy',
          reasons: [
            {
              code: 'erasure.requested',
              message: "Withdrawn before a decision: the client asked for the submission's erasure",
            },
          ],
          flags: ['erased'],
        },
      },
    });
  }

  private async eraseWithin(
    tx: EntityManager,
    row: SubmissionRow,
    reason: ErasureReason,
    actor: string,
  ): Promise<SubmissionRow | null> {
    const marker = erasedMarker(reason);
    const scoring = eraseScoring(row.scoring, marker) as SubmissionRow['scoring'];
    const decision = eraseDecision(row.decision, marker) as SubmissionRow['decision'];
    if (!(await this.submissions.erase(row.id, { marker, scoring, decision }, tx))) return null;
    await this.submissions.eraseEventData(row.id, (data) => eraseEventData(data, marker), tx);
    const reviewDecisions = await this.decisions.eraseText(row.id, marker, tx);
    const audits = await this.audits.eraseText(row.id, marker, tx);
    const datasetItems = await this.datasetItems.eraseText(row.id, marker, tx);
    const outboxEvents = await this.outbox.eraseText(
      row.id,
      {
        rewrite: (body) =>
          eraseOutcomeBody(body, marker, (reasons) => eraseReasons(reasons, marker)),
        callbackUrl: row.callbackUrl,
        urlMarker: erasedUrl(reason),
        // On request nothing more leaves for this submission; retention only takes settled ones.
        stopPending: reason === 'request',
      },
      tx,
    );
    await this.submissions.appendEvent(
      row.id,
      {
        type: 'erased',
        fromStatus: row.status,
        toStatus: row.status,
        actor,
        data: { reason, reviewDecisions, audits, outboxEvents, datasetItems },
      },
      tx,
    );
    return {
      ...row,
      input: marker,
      output: marker,
      metadata: marker,
      callbackUrl: null,
      scoring,
      decision,
      erasedAt: new Date(),
    };
  }
}
