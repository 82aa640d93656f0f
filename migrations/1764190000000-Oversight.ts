import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The self-checking loop: audits of automatic approvals, each pipeline's automation breaker and
 * rollout step, and the history of what the loop did, and `audit.failed` as an outbox event type.
 */
export class Oversight1764190000000 implements MigrationInterface {
  name = 'Oversight1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE qa_audits (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL CONSTRAINT fk_qa_audits_task REFERENCES review_tasks (id),
        submission_id uuid NOT NULL CONSTRAINT fk_qa_audits_submission REFERENCES submissions (id),
        pipeline_id uuid NOT NULL CONSTRAINT fk_qa_audits_pipeline REFERENCES pipelines (id),
        policy_version_id uuid NOT NULL,
        model_version text,
        prompt_version text,
        approved_by text NOT NULL CONSTRAINT ck_qa_audits_approved_by CHECK (approved_by IN ('auto', 'ai')),
        sample_rate double precision NOT NULL CONSTRAINT ck_qa_audits_sample_rate CHECK (sample_rate > 0 AND sample_rate <= 1),
        overturned boolean NOT NULL,
        reason_codes text[] NOT NULL DEFAULT '{}',
        corrected_output jsonb,
        reviewer_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_qa_audits_task ON qa_audits (task_id)`);
    await q.query(
      `CREATE INDEX ix_qa_audits_pipeline_recent ON qa_audits (pipeline_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE pipeline_breakers (
        pipeline_id uuid PRIMARY KEY CONSTRAINT fk_pipeline_breakers_pipeline REFERENCES pipelines (id),
        state text NOT NULL DEFAULT 'closed' CONSTRAINT ck_pipeline_breakers_state CHECK (state IN ('closed', 'open', 'half_open')),
        since timestamptz NOT NULL DEFAULT now(),
        forced jsonb,
        -- The policy version whose breaker settings governed the last evaluation (for the cool-down sweep).
        policy_version_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE pipeline_rollouts (
        pipeline_id uuid PRIMARY KEY CONSTRAINT fk_pipeline_rollouts_pipeline REFERENCES pipelines (id),
        step int NOT NULL DEFAULT 0 CONSTRAINT ck_pipeline_rollouts_step CHECK (step >= 0),
        since timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE oversight_events (
        id bigserial PRIMARY KEY,
        pipeline_id uuid NOT NULL CONSTRAINT fk_oversight_events_pipeline REFERENCES pipelines (id),
        kind text NOT NULL CONSTRAINT ck_oversight_events_kind CHECK (kind IN ('breaker', 'rollout', 'recalibration')),
        from_state text,
        to_state text,
        cause text NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        message text NOT NULL,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_oversight_events_pipeline ON oversight_events (pipeline_id, id DESC)`,
    );
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        -- De-duplication: at most one firing alert per key (e.g. breaker-open:<pipeline id>).
        key text NOT NULL,
        pipeline_id uuid CONSTRAINT fk_alerts_pipeline REFERENCES pipelines (id),
        kind text NOT NULL,
        severity text NOT NULL CONSTRAINT ck_alerts_severity CHECK (severity IN ('warning', 'critical')),
        status text NOT NULL CONSTRAINT ck_alerts_status CHECK (status IN ('firing', 'resolved')),
        message text NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        fired_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolve_message text,
        -- One entry per notification sent (target, firing|resolved, status code or error).
        notifications jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_alerts_firing_key ON alerts (key) WHERE status = 'firing'`,
    );
    await q.query(`CREATE INDEX ix_alerts_fired ON alerts (fired_at DESC)`);
    await q.query(`ALTER TABLE delivery_events DROP CONSTRAINT ck_delivery_events_type`);
    await q.query(`
      ALTER TABLE delivery_events ADD CONSTRAINT ck_delivery_events_type CHECK (type IN
        ('submission.approved', 'submission.rejected', 'submission.expired', 'submission.routed', 'audit.failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM delivery_events WHERE type = 'audit.failed'`);
    await q.query(`ALTER TABLE delivery_events DROP CONSTRAINT ck_delivery_events_type`);
    await q.query(`
      ALTER TABLE delivery_events ADD CONSTRAINT ck_delivery_events_type CHECK (type IN
        ('submission.approved', 'submission.rejected', 'submission.expired', 'submission.routed'))`);
    await q.query(`DROP TABLE IF EXISTS alerts`);
    await q.query(`DROP TABLE IF EXISTS oversight_events`);
    await q.query(`DROP TABLE IF EXISTS pipeline_rollouts`);
    await q.query(`DROP TABLE IF EXISTS pipeline_breakers`);
    await q.query(`DROP TABLE IF EXISTS qa_audits`);
  }
}
