import { Injectable } from '@nestjs/common';
import { ColumnMap, jsonOrNull, queryRows, selectList } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

export type RunTrigger =
  { kind: 'api'; by: string } | { kind: 'schedule' } | { kind: 'model_change'; model: string };

export interface RunRow {
  id: string;
  datasetId: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  trigger: RunTrigger;
  promptVersionId: string | null;
  promptVersion: number | null;
  model: string | null;
  candidates: Record<string, string> | null;
  previousRunId: string | null;
  items: number;
  passed: number;
  failed: number;
  errored: number;
  regressions: number;
  fixed: number;
  passRate: number | null;
  costUsd: number;
  verdict: 'passed' | 'regressed' | 'below_target' | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ResultRow {
  itemId: string;
  status: 'passed' | 'failed' | 'error';
  candidate: { text: string } | null;
  route: string | null;
  confidence: number | null;
  similarity: number | null;
  reason: string;
  provider: string | null;
  model: string | null;
  costUsd: number;
}

export interface RunSummary {
  items: number;
  passed: number;
  failed: number;
  errored: number;
  regressions: number;
  fixed: number;
  passRate: number | null;
  costUsd: number;
  previousRunId: string | null;
  verdict: 'passed' | 'regressed' | 'below_target';
}

/** An unfinished run the recovery looks at. */
export interface UnfinishedRunRow {
  id: string;
  status: 'queued' | 'running';
  resumes: number;
}

/** Where each field of RunRow lives: the run `r` and its prompt version `v` (see FROM). */
const RUN_COLUMN_MAP: ColumnMap<RunRow> = {
  id: 'r.id',
  datasetId: 'r.dataset_id',
  status: 'r.status',
  trigger: 'r.trigger',
  promptVersionId: 'r.prompt_version_id',
  promptVersion: 'v.version',
  model: 'r.model',
  candidates: 'r.candidates',
  previousRunId: 'r.previous_run_id',
  items: 'r.items',
  passed: 'r.passed',
  failed: 'r.failed',
  errored: 'r.errored',
  regressions: 'r.regressions',
  fixed: 'r.fixed',
  passRate: 'r.pass_rate',
  costUsd: 'r.cost_usd::float',
  verdict: 'r.verdict',
  error: 'r.error',
  createdAt: 'r.created_at',
  startedAt: 'r.started_at',
  finishedAt: 'r.finished_at',
};
const RUN = selectList(RUN_COLUMN_MAP);
const FROM = `regression_runs r LEFT JOIN prompt_versions v ON v.id = r.prompt_version_id`;

/** Where each field of ResultRow lives in `regression_results`. */
const RESULT_COLUMN_MAP: ColumnMap<ResultRow> = {
  itemId: 'item_id',
  status: 'status',
  candidate: 'candidate',
  route: 'route',
  confidence: 'confidence',
  similarity: 'similarity',
  reason: 'reason',
  provider: 'provider',
  model: 'model',
  costUsd: 'cost_usd::float',
};
const RESULT_OF_R = selectList(RESULT_COLUMN_MAP, { table: 'r' });

/** A result with the item's status in the run it is compared against (null: none there). */
export type ComparedResultRow = ResultRow & { previousStatus: ResultRow['status'] | null };

/** Regression runs and their per-item results. */
@Injectable()
export class RegressionRunRepository {
  constructor(private readonly db: DataSource) {}

  async create(r: {
    id: string;
    datasetId: string;
    trigger: RunTrigger;
    promptVersionId: string | null;
    model: string | null;
    candidates: Record<string, string> | null;
    items: number;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO regression_runs (id, dataset_id, status, trigger, prompt_version_id, model, candidates, items) VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7)`,
      [
        r.id,
        r.datasetId,
        JSON.stringify(r.trigger),
        r.promptVersionId,
        r.model,
        jsonOrNull(r.candidates),
        r.items,
      ],
    );
  }

  async find(id: string): Promise<RunRow | null> {
    const [row] = await queryRows<RunRow>(this.db, `SELECT ${RUN} FROM ${FROM} WHERE r.id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  list(datasetId: string, limit: number): Promise<RunRow[]> {
    return queryRows<RunRow>(
      this.db,
      `SELECT ${RUN} FROM ${FROM} WHERE r.dataset_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`,
      [datasetId, limit],
    );
  }

  /** Marks the run running (again, after a crash: finished items are kept); null when it is already over. */
  async start(id: string): Promise<RunRow | null> {
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `UPDATE regression_runs SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return row ? this.find(id) : null;
  }

  /** The dataset's last completed run before this one (what regressions are measured against). */
  async previousCompleted(
    datasetId: string,
    before: Date,
    excludeId: string,
  ): Promise<RunRow | null> {
    const [row] = await queryRows<RunRow>(
      this.db,
      `SELECT ${RUN} FROM ${FROM} WHERE r.dataset_id = $1 AND r.status = 'completed' AND r.created_at <= $2 AND r.id <> $3 ORDER BY r.created_at DESC, r.id DESC LIMIT 1`,
      [datasetId, before, excludeId],
    );
    return row ?? null;
  }

  /**
   * Records one item's result (once: a resumed run skips it), and adds its generation cost to
   * today's spend of the pipeline and the total, the record the AI budgets are re-read from.
   */
  async recordResult(runId: string, pipelineId: string, r: ResultRow): Promise<void> {
    await this.db.query(
      `WITH res AS (
         INSERT INTO regression_results (run_id, item_id, status, candidate, route, confidence, similarity, reason, provider, model, cost_usd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (run_id, item_id) DO NOTHING
         RETURNING cost_usd, (created_at AT TIME ZONE 'UTC')::date AS day
       )
       INSERT INTO ai_budget_spend (day, scope, spent_usd)
       SELECT res.day, s.scope, res.cost_usd FROM res, unnest(ARRAY['total', 'pipeline:' || $12::text]) AS s(scope) WHERE res.cost_usd > 0
       ON CONFLICT (day, scope) DO UPDATE SET spent_usd = ai_budget_spend.spent_usd + EXCLUDED.spent_usd, updated_at = now()`,
      [
        runId,
        r.itemId,
        r.status,
        jsonOrNull(r.candidate),
        r.route,
        r.confidence,
        r.similarity,
        r.reason.slice(0, 2000),
        r.provider,
        r.model,
        r.costUsd,
        pipelineId,
      ],
    );
  }

  /**
   * Up to `limit` results of the run after item `afterItemId` (from the first when null), by item
   * id (the primary key's order: each page is a range of its index), each with the item's status
   * in `previousRunId` (none when null).
   */
  resultsPage(
    runId: string,
    previousRunId: string | null,
    afterItemId: string | null,
    limit: number,
  ): Promise<ComparedResultRow[]> {
    const keyset = afterItemId ? `AND r.item_id > $4::uuid` : '';
    return queryRows<ComparedResultRow>(
      this.db,
      `SELECT ${RESULT_OF_R}, p.status AS "previousStatus" FROM regression_results r
         LEFT JOIN regression_results p ON p.run_id = $2 AND p.item_id = r.item_id
        WHERE r.run_id = $1 ${keyset}
        ORDER BY r.item_id LIMIT $3`,
      [runId, previousRunId, limit, ...(afterItemId ? [afterItemId] : [])],
    );
  }

  async finish(id: string, s: RunSummary): Promise<void> {
    await this.db.query(
      `UPDATE regression_runs SET status = 'completed', finished_at = now(), items = $2, passed = $3, failed = $4, errored = $5, regressions = $6,
              fixed = $7, pass_rate = $8, cost_usd = $9, previous_run_id = $10, verdict = $11 WHERE id = $1 AND status = 'running'`,
      [
        id,
        s.items,
        s.passed,
        s.failed,
        s.errored,
        s.regressions,
        s.fixed,
        s.passRate,
        s.costUsd,
        s.previousRunId,
        s.verdict,
      ],
    );
  }

  /**
   * Queued or running runs with no sign of life for `idleMs`: not created, started, or given an
   * item result since then (a live run records a result per item as it goes).
   */
  idleUnfinished(idleMs: number, limit: number): Promise<UnfinishedRunRow[]> {
    return queryRows<UnfinishedRunRow>(
      this.db,
      `SELECT r.id, r.status, r.resumes FROM regression_runs r
        WHERE r.status IN ('queued', 'running')
          AND greatest(r.created_at, r.started_at,
                (SELECT max(x.created_at) FROM regression_results x WHERE x.run_id = r.id))
              < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY r.created_at LIMIT $2`,
      [idleMs, limit],
    );
  }

  /** Counts one more resume of an unfinished run; false when it finished meanwhile. */
  async markResumed(id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `UPDATE regression_runs SET resumes = resumes + 1 WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE regression_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error.slice(0, 2000)],
    );
  }
}
