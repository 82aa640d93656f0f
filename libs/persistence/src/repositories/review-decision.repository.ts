import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewAction } from '../entities/review-decision.entity';
import { jsonOrNull } from '../query-rows';

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

/** Reviewers' decisions, append-only; one per reviewer and task. */
@Injectable()
export class ReviewDecisionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(d: NewReviewDecision, tx: EntityManager | DataSource = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO review_decisions (id, task_id, submission_id, reviewer_id, action, reason_codes, comment, edited_output, diff, handling_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [d.id, d.taskId, d.submissionId, d.reviewerId, d.action, d.reasonCodes, d.comment,
        jsonOrNull(d.editedOutput), jsonOrNull(d.diff), d.handlingMs],
    );
  }

  forTask(taskId: string, tx: EntityManager | DataSource = this.db): Promise<ReviewDecisionRow[]> {
    return tx.query(
      `SELECT reviewer_id AS "reviewerId", action, reason_codes AS "reasonCodes", comment,
              edited_output AS "editedOutput", created_at AS "createdAt"
         FROM review_decisions WHERE task_id = $1 ORDER BY created_at`,
      [taskId],
    );
  }
}
