import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcome delivery: each client's webhook endpoint and signing secrets, the outbox of outcome
 * events (also the client's events feed, ordered by a per-client cursor) and every attempt.
 */
export class OutcomeDelivery1764186000000 implements MigrationInterface {
  name = 'OutcomeDelivery1764186000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        client_id uuid PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
        url text,
        subscribe_routed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Secrets are kept in clear: signing needs them. A rotated-out secret keeps signing until expires_at.
    await q.query(`
      CREATE TABLE webhook_secrets (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        secret text NOT NULL CONSTRAINT ck_webhook_secrets_format CHECK (secret LIKE 'whsec\\_%'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_secrets_client ON webhook_secrets (client_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE delivery_events (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        -- The feed cursor, given by the feed reader (under a per-client lock) to committed rows
        -- that have none yet: a late commit always gets a cursor above every one handed out,
        -- and writers never wait on a shared counter row.
        feed_seq bigint,
        type text NOT NULL CONSTRAINT ck_delivery_events_type CHECK (type IN
          ('submission.approved', 'submission.rejected', 'submission.expired', 'submission.routed')),
        state text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT ck_delivery_events_status CHECK (status IN
          ('pending', 'delivered', 'stopped', 'dead', 'no_endpoint')),
        attempts int NOT NULL DEFAULT 0,
        generation int NOT NULL DEFAULT 0,
        retry_from timestamptz NOT NULL DEFAULT now(),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        dead_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_delivery_events_feed ON delivery_events (client_id, feed_seq)`,
    );
    await q.query(`CREATE SEQUENCE delivery_feed_seq`);
    await q.query(
      `CREATE INDEX ix_delivery_events_unsequenced ON delivery_events (client_id) WHERE feed_seq IS NULL`,
    );
    // A submission reaches each state at most once: this makes recording an event idempotent.
    await q.query(
      `CREATE UNIQUE INDEX ux_delivery_events_submission_state ON delivery_events (submission_id, state)`,
    );
    await q.query(
      `CREATE INDEX ix_delivery_events_pending ON delivery_events (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_delivery_events_dead ON delivery_events (client_id, dead_at) WHERE status = 'dead'`,
    );
    await q.query(`
      CREATE TABLE delivery_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES delivery_events(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        url text NOT NULL,
        status_code int,
        latency_ms int NOT NULL,
        outcome text NOT NULL CONSTRAINT ck_delivery_attempts_outcome CHECK (outcome IN
          ('delivered', 'stopped', 'retry', 'dead')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_delivery_attempts_event ON delivery_attempts (event_id, id)`);
    // The outbox reconciler looks for recently final submissions without their event.
    await q.query(`CREATE INDEX ix_submissions_final_updated ON submissions (updated_at)
      WHERE status IN ('approved', 'rejected', 'expired')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_submissions_final_updated`);
    for (const table of [
      'delivery_attempts',
      'delivery_events',
      'webhook_secrets',
      'webhook_endpoints',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS delivery_feed_seq`);
  }
}
