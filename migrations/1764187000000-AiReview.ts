import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every AI reviewer call (provider, region, latency, tokens, cost, verdict) and daily spend per budget scope. */
export class AiReview1764187000000 implements MigrationInterface {
  name = 'AiReview1764187000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ai_review_calls (
        id bigserial PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        pipeline_id uuid NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
        provider text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_ai_review_calls_kind CHECK (kind IN ('openai-compatible', 'embedded')),
        model text NOT NULL,
        region text NOT NULL,
        attempt int NOT NULL CONSTRAINT ck_ai_review_calls_attempt CHECK (attempt > 0),
        latency_ms double precision NOT NULL,
        input_tokens int NOT NULL DEFAULT 0,
        output_tokens int NOT NULL DEFAULT 0,
        usage_reported boolean NOT NULL DEFAULT false,
        cost_usd numeric(18, 8) NOT NULL DEFAULT 0,
        outcome text NOT NULL CONSTRAINT ck_ai_review_calls_outcome CHECK (outcome IN
          ('ok', 'timeout', 'http_error', 'rate_limited', 'network', 'malformed', 'schema', 'internal')),
        verdict text CONSTRAINT ck_ai_review_calls_verdict CHECK (verdict IN ('approve', 'reject', 'unsure')),
        confidence double precision,
        error text,
        redacted boolean NOT NULL DEFAULT false,
        prompt_version text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_ai_review_calls_submission_id ON ai_review_calls (submission_id)`,
    );
    await q.query(
      `CREATE INDEX ix_ai_review_calls_provider_created_at ON ai_review_calls (provider, created_at)`,
    );
    await q.query(`
      CREATE TABLE ai_budget_spend (
        day date NOT NULL,
        scope text NOT NULL CONSTRAINT ck_ai_budget_spend_scope CHECK (scope = 'total' OR scope LIKE 'pipeline:%'),
        spent_usd numeric(18, 8) NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ai_budget_spend PRIMARY KEY (day, scope)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ai_budget_spend`);
    await q.query(`DROP TABLE ai_review_calls`);
  }
}
