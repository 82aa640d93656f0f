import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients, API keys, users, pipelines with versioned policies, submissions and their events. */
export class InitialSchema1764180000000 implements MigrationInterface {
  name = 'InitialSchema1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        allowed_pipelines text[],
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_api_keys_key_hash ON api_keys (key_hash)`);
    await q.query(`CREATE INDEX ix_api_keys_client_id ON api_keys (client_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('reviewer', 'lead', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_users_email ON users (email)`);
    await q.query(`
      CREATE TABLE pipelines (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        active_version int,
        previous_versions int[] NOT NULL DEFAULT '{}',
        split_version int,
        split_percent int CONSTRAINT ck_pipelines_split_percent CHECK (split_percent BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_pipelines_key ON pipelines (key)`);
    await q.query(`
      CREATE TABLE policy_versions (
        id uuid PRIMARY KEY,
        pipeline_id uuid NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        version int NOT NULL CONSTRAINT ck_policy_versions_version CHECK (version > 0),
        document jsonb NOT NULL,
        checksum text NOT NULL,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_policy_versions_pipeline_version ON policy_versions (pipeline_id, version)`,
    );
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES clients(id),
        pipeline_id uuid NOT NULL REFERENCES pipelines(id),
        policy_version_id uuid NOT NULL REFERENCES policy_versions(id),
        status text NOT NULL CONSTRAINT ck_submissions_status CHECK (status IN
          ('received', 'scoring', 'approved', 'rejected', 'ai_review', 'human_review', 'expired')),
        external_id text,
        idempotency_key text,
        request_hash text NOT NULL,
        input jsonb NOT NULL,
        output jsonb NOT NULL,
        model jsonb NOT NULL,
        prompt_version text,
        metadata jsonb,
        callback_url text,
        confidence double precision,
        scoring jsonb,
        decision jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_submissions_client_idempotency_key
      ON submissions (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    // Recovery scans only unsettled rows: a partial index keeps that scan small at any table size.
    await q.query(`CREATE INDEX ix_submissions_unsettled ON submissions (updated_at)
      WHERE status IN ('received', 'scoring')`);
    await q.query(
      `CREATE INDEX ix_submissions_client_created ON submissions (client_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE submission_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        type text NOT NULL,
        from_status text,
        to_status text,
        actor text NOT NULL,
        data jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_submission_events_submission ON submission_events (submission_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'submission_events',
      'submissions',
      'policy_versions',
      'pipelines',
      'users',
      'api_keys',
      'clients',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
