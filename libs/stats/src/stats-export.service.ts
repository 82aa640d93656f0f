import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FlowStats } from './flow-stats.service';
import { StatsScope } from './stats-filter.resolver';

export const EXPORT_PAGE = 1000;

export interface DecisionExportRow {
  seq: number;
  decidedAt: string;
  submissionId: string;
  taskId: string;
  pipeline: string;
  queue: string;
  reviewerId: string;
  reviewerEmail: string | null;
  action: string;
  reasonCodes: string[];
  handlingMs: number | null;
  finalOutcome: string | null;
}

const DECISION_COLUMNS: (keyof DecisionExportRow)[] = [
  'seq', 'decidedAt', 'submissionId', 'taskId', 'pipeline', 'queue', 'reviewerId', 'reviewerEmail', 'action', 'reasonCodes', 'handlingMs', 'finalOutcome',
];

/** One CSV field: quoted when it holds a separator, quote or line break; arrays joined by `|`. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('|') : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Exports as a stream of text chunks: decisions page by page with a keyset on (created_at, seq),
 * each page read only when the consumer wants more, so a range of any size never sits in memory.
 */
@Injectable()
export class StatsExport {
  constructor(
    private readonly db: DataSource,
    private readonly flows: FlowStats,
  ) {}

  async *decisions(scope: StatsScope, format: 'csv' | 'json'): AsyncGenerator<string> {
    yield format === 'csv' ? csvLine(DECISION_COLUMNS) : '[';
    // The cursor keeps Postgres' microseconds (as text): a millisecond Date would repeat rows.
    let cursor: { at: string; seq: number } = { at: '-infinity', seq: 0 };
    let first = true;
    for (;;) {
      const page = await this.page(scope, cursor);
      if (page.length === 0) break;
      const rows = page.map(({ cursorAt: _c, ...row }) => row);
      yield format === 'csv'
        ? rows.map((r) => csvLine(DECISION_COLUMNS.map((c) => r[c]))).join('')
        : rows.map((r, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(r)}`).join('');
      first = false;
      const last = page[page.length - 1];
      cursor = { at: last.cursorAt, seq: last.seq };
      if (page.length < EXPORT_PAGE) break;
    }
    if (format === 'json') yield '\n]\n';
  }

  async *reviewers(scope: StatsScope, format: 'csv' | 'json'): AsyncGenerator<string> {
    const { reviewers } = await this.flows.reviewers(scope);
    if (format === 'json') return yield `${JSON.stringify(reviewers)}\n`;
    const columns = ['reviewerId', 'email', 'decisions', 'medianHandlingMs', 'judged', 'overturned', 'overturnRate'] as const;
    yield csvLine([...columns]);
    for (const r of reviewers) yield csvLine(columns.map((c) => r[c]));
  }

  private page(scope: StatsScope, cursor: { at: string; seq: number }): Promise<(DecisionExportRow & { cursorAt: string })[]> {
    const { range, pipelineId, queue } = scope.filter;
    return this.db.query(
      `SELECT d.seq::float8 AS seq, to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
              d.created_at::text AS "cursorAt", d.submission_id AS "submissionId", d.task_id AS "taskId", p.key AS pipeline,
              t.queue, d.reviewer_id AS "reviewerId", u.email AS "reviewerEmail", d.action, d.reason_codes AS "reasonCodes",
              d.handling_ms AS "handlingMs", s.decision->>'outcome' AS "finalOutcome"
         FROM review_decisions d
         JOIN review_tasks t ON t.id = d.task_id JOIN submissions s ON s.id = d.submission_id
         JOIN pipelines p ON p.id = s.pipeline_id LEFT JOIN users u ON u.id = d.reviewer_id
        WHERE d.created_at >= $1 AND d.created_at < $2 AND (d.created_at, d.seq) > ($3::timestamptz, $4)
          AND ($5::uuid IS NULL OR s.pipeline_id = $5) AND ($6::text IS NULL OR t.queue = $6)
        ORDER BY d.created_at, d.seq LIMIT ${EXPORT_PAGE}`,
      [range.from, range.to, cursor.at, cursor.seq, pipelineId ?? null, queue ?? null],
    );
  }
}
