import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewAction, jsonOrNull, queryRows, selectList } from '@arbiter/persistence';

export interface NewReviewDecision {
  id: string;
  taskId: string;
  submissionId: string;
  reviewerId: string;
  action: ReviewAction;
  reasonCodes: string[];
  comment: string | null;
  editedOutput: unknown;
  diff: unknown;
  handlingMs: number | null;
}

export interface ReviewDecisionRow {
  reviewerId: string;
  action: ReviewAction;
  reasonCodes: string[];
  comment: string | null;
  editedOutput: Record<string, unknown> | null;
  createdAt: Date;
}

const DECISION_COLUMNS = selectList<ReviewDecisionRow>({
  reviewerId: 'reviewer_id',
  action: 'action',
  reasonCodes: 'reason_codes',
  comment: 'comment',
  editedOutput: 'edited_output',
  createdAt: 'created_at',
});

/** Reviewers' decisions, append-only; one per reviewer and task. */
@Injectable()
export class ReviewDecisionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(d: NewReviewDecision, tx: EntityManager | DataSource = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO review_decisions (id, task_id, submission_id, reviewer_id, action, reason_codes, comment, edited_output, diff, handling_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        d.id,
        d.taskId,
        d.submissionId,
        d.reviewerId,
        d.action,
        d.reasonCodes,
        d.comment,
        jsonOrNull(d.editedOutput),
        jsonOrNull(d.diff),
        d.handlingMs,
      ],
    );
  }

  forTask(taskId: string, tx: EntityManager | DataSource = this.db): Promise<ReviewDecisionRow[]> {
    return tx.query(
      `SELECT ${DECISION_COLUMNS}
         FROM review_decisions WHERE task_id = $1 ORDER BY created_at`,
      [taskId],
    );
  }

  /**
   * Erases the text reviewers wrote about a submission: the comment goes, the edited output and
   * its word diff become the marker. Actions, reason codes and handling times stay. Returns how
   * many decisions held text.
   */
  async eraseText(
    submissionId: string,
    marker: Record<string, unknown>,
    tx: EntityManager,
  ): Promise<number> {
    const rows = await queryRows(tx, eraseTextIn('review_decisions', 'id'), [
      submissionId,
      JSON.stringify(marker),
    ]);
    // Decisions of an undo window hold the same kinds of text; a final one is counted above.
    const pending = await queryRows<{ status: string }>(
      tx,
      eraseTextIn('review_pending_decisions', 'status'),
      [submissionId, JSON.stringify(marker)],
    );
    return rows.length + pending.filter((p) => p.status !== 'final').length;
  }
}

/** The statement erasing a submission's reviewer text in `table` ($1 submission, $2 marker). */
function eraseTextIn(table: 'review_decisions' | 'review_pending_decisions', returning: string) {
  return `UPDATE ${table} SET comment = NULL,
          edited_output = CASE WHEN edited_output IS NULL THEN NULL ELSE $2::jsonb END,
          diff = CASE WHEN diff IS NULL THEN NULL ELSE $2::jsonb END
    WHERE submission_id = $1 AND (comment IS NOT NULL OR edited_output IS NOT NULL OR diff IS NOT NULL)
    RETURNING ${returning}`;
}
