import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead stats: exact backlog counters kept by a trigger on review_tasks, per-minute/hour rollups
 * of submission events and review decisions (read from a watermark), and the indexes that keep
 * every stats read an index probe whatever the history size.
 */
export class Stats1764188000000 implements MigrationInterface {
  name = 'Stats1764188000000';

  async up(q: QueryRunner): Promise<void> {
    // Open tasks only (pending, claimed): closed tasks never change again, so counting them
    // would only grow rows. Insert-only: the trigger appends +1/-1 rows and never updates one,
    // so concurrent claims, releases and SLA passes never wait on (or deadlock over) a counter
    // row; compaction folds the rows into one per combination every few seconds.
    await q.query(`
      CREATE TABLE backlog_counters (
        queue text NOT NULL,
        priority int NOT NULL,
        status text NOT NULL CONSTRAINT ck_backlog_counters_status CHECK (status IN ('pending', 'claimed')),
        sla_state text NOT NULL CONSTRAINT ck_backlog_counters_sla_state CHECK (sla_state IN ('ok', 'at_risk', 'breached')),
        count bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_backlog_counters_queue ON backlog_counters (queue)`);
    // Writers hold a shared advisory lock per queue until commit; the reconciler takes it
    // exclusively, so its recount and the trigger's increments never interleave.
    await q.query(`
      CREATE FUNCTION stats_backlog_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('pending', 'claimed') THEN
          PERFORM pg_advisory_xact_lock_shared(hashtext('arbiter.backlog'), hashtext(OLD.queue));
          INSERT INTO backlog_counters (queue, priority, status, sla_state, count)
            VALUES (OLD.queue, OLD.priority, OLD.status, OLD.sla_state, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('pending', 'claimed') THEN
          PERFORM pg_advisory_xact_lock_shared(hashtext('arbiter.backlog'), hashtext(NEW.queue));
          INSERT INTO backlog_counters (queue, priority, status, sla_state, count)
            VALUES (NEW.queue, NEW.priority, NEW.status, NEW.sla_state, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_review_tasks_backlog_insert_delete AFTER INSERT OR DELETE ON review_tasks
      FOR EACH ROW EXECUTE FUNCTION stats_backlog_track()`);
    // Heartbeats and lease renewals touch other columns only: they don't fire this trigger.
    await q.query(`CREATE TRIGGER trg_review_tasks_backlog_update AFTER UPDATE OF status, priority, sla_state, queue ON review_tasks
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
        OR OLD.sla_state IS DISTINCT FROM NEW.sla_state OR OLD.queue IS DISTINCT FROM NEW.queue)
      EXECUTE FUNCTION stats_backlog_track()`);
    await q.query(`INSERT INTO backlog_counters (queue, priority, status, sla_state, count)
      SELECT queue, priority, status, sla_state, count(*) FROM review_tasks
       WHERE status IN ('pending', 'claimed') GROUP BY queue, priority, status, sla_state`);
    // Oldest pending and next deadline per queue: one index probe each.
    await q.query(
      `CREATE INDEX ix_review_tasks_pending_created ON review_tasks (queue, created_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_review_tasks_open_due_by_queue ON review_tasks (queue, due_at) WHERE status IN ('pending', 'claimed')`,
    );
    // Overturns: a submission's decisions, read when its final state is rolled up.
    await q.query(
      `CREATE INDEX ix_review_decisions_submission ON review_decisions (submission_id)`,
    );
    // Export pages through decisions by time with a keyset (created_at, seq).
    await q.query(`CREATE INDEX ix_review_decisions_created ON review_decisions (created_at, seq)`);
    // Reconciliation re-derives recent minutes by time; BRIN costs almost nothing on an append-only table.
    await q.query(
      `CREATE INDEX ix_submission_events_created_brin ON submission_events USING brin (created_at)`,
    );
    // Rollup progress per source: every id up to last_id is counted; ids up to safe_id are final
    // (no transaction can still commit one). horizon_id becomes safe once every writing
    // transaction of this database that began before horizon_at has ended: ids commit out of order.
    await q.query(`
      CREATE TABLE stats_watermarks (
        source text PRIMARY KEY CONSTRAINT ck_stats_watermarks_source CHECK (source IN ('events', 'decisions')),
        last_id bigint NOT NULL DEFAULT 0,
        safe_id bigint NOT NULL DEFAULT 0,
        horizon_id bigint NOT NULL DEFAULT 0,
        horizon_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Additive facts per bucket × dimensions; grain m = minute, h = hour, t = all time (bucket epoch).
    await q.query(`
      CREATE TABLE stats_flow (
        grain char(1) NOT NULL CONSTRAINT ck_stats_flow_grain CHECK (grain IN ('m', 'h', 't')),
        bucket timestamptz NOT NULL,
        metric text NOT NULL,
        label text NOT NULL,
        pipeline_id uuid NOT NULL,
        policy_version_id uuid NOT NULL,
        prompt_version text NOT NULL,
        model text NOT NULL,
        queue text NOT NULL,
        count bigint NOT NULL,
        total double precision NOT NULL DEFAULT 0,
        CONSTRAINT pk_stats_flow PRIMARY KEY (grain, metric, bucket, label, pipeline_id, policy_version_id, prompt_version, model, queue)
      )`);
    await q.query(`
      CREATE TABLE stats_reviewer (
        grain char(1) NOT NULL CONSTRAINT ck_stats_reviewer_grain CHECK (grain IN ('m', 'h', 't')),
        bucket timestamptz NOT NULL,
        reviewer_id uuid NOT NULL,
        metric text NOT NULL,
        label text NOT NULL,
        queue text NOT NULL,
        pipeline_id uuid NOT NULL,
        count bigint NOT NULL,
        total double precision NOT NULL DEFAULT 0,
        CONSTRAINT pk_stats_reviewer PRIMARY KEY (grain, bucket, reviewer_id, metric, label, queue, pipeline_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stats_reviewer', 'stats_flow', 'stats_watermarks'])
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    for (const index of [
      'ix_submission_events_created_brin',
      'ix_review_decisions_created',
      'ix_review_decisions_submission',
      'ix_review_tasks_open_due_by_queue',
      'ix_review_tasks_pending_created',
    ])
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    await q.query(`DROP TRIGGER IF EXISTS trg_review_tasks_backlog_update ON review_tasks`);
    await q.query(`DROP TRIGGER IF EXISTS trg_review_tasks_backlog_insert_delete ON review_tasks`);
    await q.query(`DROP FUNCTION IF EXISTS stats_backlog_track()`);
    await q.query(`DROP TABLE IF EXISTS backlog_counters`);
  }
}
