import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One AI reviewer call as recorded (see the AiReview migration). */
export interface AiReviewCallRow {
  submissionId: string;
  pipelineId: string;
  provider: string;
  kind: string;
  model: string;
  region: string;
  attempt: number;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  usageReported: boolean;
  costUsd: number;
  outcome: string;
  verdict?: string;
  confidence?: number;
  error?: string;
  redacted: boolean;
  promptVersion: string;
}

/** AI review calls and daily spend per budget scope ('total' or 'pipeline:<id>'). */
@Injectable()
export class AiReviewRepository {
  constructor(private readonly db: DataSource) {}

  /** Records a call and adds its cost to today's spend (UTC) of the total and its pipeline, in one statement. */
  async recordCall(c: AiReviewCallRow): Promise<void> {
    await this.db.query(
      `WITH c AS (
         INSERT INTO ai_review_calls (submission_id, pipeline_id, provider, kind, model, region, attempt, latency_ms,
           input_tokens, output_tokens, usage_reported, cost_usd, outcome, verdict, confidence, error, redacted, prompt_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING cost_usd, (created_at AT TIME ZONE 'UTC')::date AS day
       )
       INSERT INTO ai_budget_spend (day, scope, spent_usd)
       SELECT c.day, s.scope, c.cost_usd FROM c, unnest(ARRAY['total', 'pipeline:' || $2::text]) AS s(scope)
        WHERE c.cost_usd > 0
       ON CONFLICT (day, scope) DO UPDATE SET spent_usd = ai_budget_spend.spent_usd + EXCLUDED.spent_usd, updated_at = now()`,
      [
        c.submissionId,
        c.pipelineId,
        c.provider,
        c.kind,
        c.model,
        c.region,
        c.attempt,
        c.latencyMs,
        c.inputTokens,
        c.outputTokens,
        c.usageReported,
        c.costUsd,
        c.outcome,
        c.verdict ?? null,
        c.confidence ?? null,
        c.error?.slice(0, 1000) ?? null,
        c.redacted,
        c.promptVersion,
      ],
    );
  }

  /** USD spent on `day` (YYYY-MM-DD, UTC) in a scope. */
  async spentOn(day: string, scope: string): Promise<number> {
    const rows: { spent: string }[] = await this.db.query(
      `SELECT spent_usd::text AS spent FROM ai_budget_spend WHERE day = $1::date AND scope = $2`,
      [day, scope],
    );
    return rows.length ? Number(rows[0].spent) : 0;
  }

  /** Submissions in ai_review since before `olderThanMs` ago, oldest first (for the reconciler). */
  async findWaitingAiReview(olderThanMs: number, limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM submissions
        WHERE status = 'ai_review' AND updated_at < now() - $1 * interval '1 millisecond'
        ORDER BY updated_at LIMIT $2`,
      [olderThanMs, limit],
    );
  }
}
