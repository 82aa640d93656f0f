import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The undo window (policy `review.undoWindow`, docs/policy.md): a reviewer's decision is held in
 * `review_holds` until the window ends, its task `held`, and only then recorded in
 * `review_decisions` with the submission's final state. Holds are never deleted: an undone one
 * stays, with when it was undone.
 */
export class ReviewHolds1796530970000 implements MigrationInterface {
  name = 'ReviewHolds1796530970000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_tasks DROP CONSTRAINT ck_review_tasks_status`);
    await q.query(
      `ALTER TABLE review_tasks ADD CONSTRAINT ck_review_tasks_status
         CHECK (status IN ('pending', 'claimed', 'held', 'decided', 'escalated', 'expired'))`,
    );
    await q.query(`
      CREATE TABLE review_holds (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT fk_review_holds_task REFERENCES review_tasks (id) ON DELETE CASCADE,
        submission_id uuid NOT NULL CONSTRAINT fk_review_holds_submission REFERENCES submissions (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL CONSTRAINT fk_review_holds_reviewer REFERENCES users (id),
        action text NOT NULL CONSTRAINT ck_review_holds_action CHECK (action IN ('approve', 'reject', 'edit')),
        reason_codes text[] NOT NULL DEFAULT '{}',
        comment text,
        edited_output jsonb,
        diff jsonb,
        handling_ms integer,
        status text NOT NULL DEFAULT 'held' CONSTRAINT ck_review_holds_status CHECK (status IN ('held', 'final', 'undone', 'lapsed')),
        final_at timestamptz NOT NULL,
        settled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_review_holds_reviewer ON review_holds (reviewer_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_review_holds_due ON review_holds (final_at) WHERE status = 'held'`,
    );
    await q.query(`CREATE INDEX ix_review_holds_submission ON review_holds (submission_id)`);
    await q.query(`CREATE INDEX ix_review_holds_task ON review_holds (task_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS review_holds`);
    await q.query(`UPDATE review_tasks SET status = 'claimed' WHERE status = 'held'`);
    await q.query(`ALTER TABLE review_tasks DROP CONSTRAINT ck_review_tasks_status`);
    await q.query(
      `ALTER TABLE review_tasks ADD CONSTRAINT ck_review_tasks_status
         CHECK (status IN ('pending', 'claimed', 'decided', 'escalated', 'expired'))`,
    );
  }
}
