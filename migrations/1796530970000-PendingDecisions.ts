import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The undo window (policy `review.undoWindow`, docs/policy.md): a reviewer's decision waits in
 * `review_pending_decisions` until the window ends, its task `undoable`, and only then is it
 * recorded in `review_decisions` with the submission's final state. Pending decisions are never
 * deleted: an undone one stays, with when it was undone.
 */
export class PendingDecisions1796530970000 implements MigrationInterface {
  name = 'PendingDecisions1796530970000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_tasks DROP CONSTRAINT ck_review_tasks_status`);
    await q.query(
      `ALTER TABLE review_tasks ADD CONSTRAINT ck_review_tasks_status
         CHECK (status IN ('pending', 'claimed', 'undoable', 'decided', 'escalated', 'expired'))`,
    );
    await q.query(`
      CREATE TABLE review_pending_decisions (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT fk_review_pending_decisions_task REFERENCES review_tasks (id) ON DELETE CASCADE,
        submission_id uuid NOT NULL CONSTRAINT fk_review_pending_decisions_submission REFERENCES submissions (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL CONSTRAINT fk_review_pending_decisions_reviewer REFERENCES users (id),
        action text NOT NULL CONSTRAINT ck_review_pending_decisions_action CHECK (action IN ('approve', 'reject', 'edit')),
        reason_codes text[] NOT NULL DEFAULT '{}',
        comment text,
        edited_output jsonb,
        diff jsonb,
        handling_ms integer,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT ck_review_pending_decisions_status CHECK (status IN ('pending', 'final', 'undone', 'lapsed')),
        final_at timestamptz NOT NULL,
        settled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_review_pending_decisions_reviewer ON review_pending_decisions (reviewer_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_review_pending_decisions_due ON review_pending_decisions (final_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_review_pending_decisions_submission ON review_pending_decisions (submission_id)`,
    );
    await q.query(
      `CREATE INDEX ix_review_pending_decisions_task ON review_pending_decisions (task_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS review_pending_decisions`);
    await q.query(
      `UPDATE review_tasks SET status = 'pending', claimed_by = NULL WHERE status = 'undoable'`,
    );
    await q.query(`ALTER TABLE review_tasks DROP CONSTRAINT ck_review_tasks_status`);
    await q.query(
      `ALTER TABLE review_tasks ADD CONSTRAINT ck_review_tasks_status
         CHECK (status IN ('pending', 'claimed', 'decided', 'escalated', 'expired'))`,
    );
  }
}
