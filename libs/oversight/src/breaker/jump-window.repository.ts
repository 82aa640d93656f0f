import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';
import type { RateWindow } from '../rules/circuit-breaker.rules';

/** Two adjacent windows of one rate: the current one and the one just before it. */
export interface WindowPair {
  current: RateWindow;
  baseline: RateWindow;
}

interface CountRow {
  currentEvents: number;
  currentTotal: number;
  baselineEvents: number;
  baselineTotal: number;
}

const pairOf = (row: CountRow | undefined): WindowPair => ({
  current: { events: row?.currentEvents ?? 0, total: row?.currentTotal ?? 0 },
  baseline: { events: row?.baselineEvents ?? 0, total: row?.baselineTotal ?? 0 },
});

// Both windows in one pass: [from − window, from) is the baseline, [from, to) the current one.
const COUNTS = `count(*) FILTER (WHERE created_at >= $2)::int AS "currentTotal",
  count(*) FILTER (WHERE created_at >= $2 AND failed)::int AS "currentEvents",
  count(*) FILTER (WHERE created_at < $2)::int AS "baselineTotal",
  count(*) FILTER (WHERE created_at < $2 AND failed)::int AS "baselineEvents"`;

/**
 * What the breaker's jump trips are judged on: per pipeline and window, the share of scored
 * outputs that failed a hard gate (a validator with onFail reject or human; flags do not count)
 * and the share of AI-reviewer calls that faulted (timeouts, HTTP errors, rate limits, network
 * errors, unreadable answers). Counted from what intake and AI review already store.
 */
@Injectable()
export class JumpWindowRepository {
  constructor(private readonly db: DataSource) {}

  async gateFailures(
    pipelineId: string,
    from: Date,
    to: Date,
    windowMs: number,
  ): Promise<WindowPair> {
    const [row] = await queryRows<CountRow>(
      this.db,
      `SELECT ${COUNTS} FROM (
         SELECT created_at, EXISTS (
                  SELECT 1 FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(scoring->'gates') = 'array' THEN scoring->'gates' ELSE '[]'::jsonb END) g
                   WHERE g->>'passed' = 'false' AND g->>'onFail' IN ('reject', 'human')) AS failed
           FROM submissions
          WHERE pipeline_id = $1 AND created_at >= $3 AND created_at < $4 AND scoring IS NOT NULL
       ) s`,
      [pipelineId, from, new Date(from.getTime() - windowMs), to],
    );
    return pairOf(row);
  }

  async aiFaults(pipelineId: string, from: Date, to: Date, windowMs: number): Promise<WindowPair> {
    const [row] = await queryRows<CountRow>(
      this.db,
      `SELECT ${COUNTS} FROM (
         SELECT created_at, outcome <> 'ok' AS failed FROM ai_review_calls
          WHERE pipeline_id = $1 AND created_at >= $3 AND created_at < $4
       ) c`,
      [pipelineId, from, new Date(from.getTime() - windowMs), to],
    );
    return pairOf(row);
  }
}
