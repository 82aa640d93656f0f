import { MigrationInterface, QueryRunner } from 'typeorm';

/** Review queues, memberships and skills, review tasks (the record of BullMQ dispatch) and decisions. */
export class HumanReview1764185000000 implements MigrationInterface {
  name = 'HumanReview1764185000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN skills text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE review_queues (
        name text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE queue_memberships (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        queue text NOT NULL REFERENCES review_queues(name) ON DELETE CASCADE,
        PRIMARY KEY (user_id, queue)
      )`);
    await q.query(`CREATE INDEX ix_queue_memberships_queue ON queue_memberships (queue)`);
    await q.query(`
      CREATE TABLE review_tasks (
        id uuid PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        queue text NOT NULL REFERENCES review_queues(name),
        kind text NOT NULL DEFAULT 'review' CONSTRAINT ck_review_tasks_kind CHECK (kind IN ('review', 'escalation', 'qa')),
        status text NOT NULL CONSTRAINT ck_review_tasks_status CHECK (status IN ('pending', 'claimed', 'decided', 'escalated', 'expired')),
        priority int NOT NULL,
        consensus int NOT NULL DEFAULT 1 CONSTRAINT ck_review_tasks_consensus CHECK (consensus BETWEEN 1 AND 5),
        due_at timestamptz NOT NULL,
        -- When the submission's policy ttl runs out; the policy's onExpire applies then (null: never).
        expires_at timestamptz,
        sla_state text NOT NULL DEFAULT 'ok' CONSTRAINT ck_review_tasks_sla_state CHECK (sla_state IN ('ok', 'at_risk', 'breached')),
        claimed_by uuid REFERENCES users(id),
        claimed_at timestamptz,
        lease_token text,
        lease_expires_at timestamptz,
        escalated_from uuid REFERENCES review_tasks(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    // One open task per submission and kind: a duplicate "create task" (retry, reconciler) is a no-op.
    await q.query(`CREATE UNIQUE INDEX ux_review_tasks_open_submission ON review_tasks (submission_id, kind)
      WHERE status IN ('pending', 'claimed')`);
    await q.query(`CREATE INDEX ix_review_tasks_open_queue ON review_tasks (queue, priority, due_at)
      WHERE status IN ('pending', 'claimed')`);
    await q.query(
      `CREATE INDEX ix_review_tasks_lease ON review_tasks (lease_expires_at) WHERE status = 'claimed'`,
    );
    await q.query(
      `CREATE INDEX ix_review_tasks_due ON review_tasks (due_at) WHERE status IN ('pending', 'claimed')`,
    );
    await q.query(`CREATE INDEX ix_review_tasks_submission ON review_tasks (submission_id)`);
    await q.query(
      `CREATE INDEX ix_submissions_human_review ON submissions (updated_at) WHERE status = 'human_review'`,
    );
    await q.query(
      `CREATE INDEX ix_review_tasks_expires ON review_tasks (expires_at) WHERE status IN ('pending', 'claimed')`,
    );
    await q.query(`
      CREATE TABLE review_decisions (
        id uuid PRIMARY KEY,
        -- Monotonic, so stats rollups can read "everything since" without scanning by time.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        task_id uuid NOT NULL REFERENCES review_tasks(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users(id),
        action text NOT NULL CONSTRAINT ck_review_decisions_action CHECK (action IN ('approve', 'reject', 'edit', 'escalate')),
        reason_codes text[] NOT NULL DEFAULT '{}',
        comment text,
        edited_output jsonb,
        diff jsonb,
        -- From claim to decision: reviewers' handling time for stats.
        handling_ms int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A reviewer decides a task once: consensus needs distinct people.
    await q.query(
      `CREATE UNIQUE INDEX ux_review_decisions_task_reviewer ON review_decisions (task_id, reviewer_id)`,
    );
    await q.query(
      `CREATE INDEX ix_review_decisions_reviewer ON review_decisions (reviewer_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_submissions_human_review`);
    await q.query(`DROP TABLE IF EXISTS review_decisions`);
    await q.query(`DROP TABLE IF EXISTS review_tasks`);
    await q.query(`DROP TABLE IF EXISTS queue_memberships`);
    await q.query(`DROP TABLE IF EXISTS review_queues`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS skills`);
  }
}
