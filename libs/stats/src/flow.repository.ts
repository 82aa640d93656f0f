import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ColumnMap, selectList } from '@arbiter/persistence';
import { ResolvedRange } from './stats-rules';

/** What a stats read is narrowed to. */
export interface StatsFilter {
  pipelineId?: string;
  queue?: string;
  range: ResolvedRange;
  /** Only the figures of this workspace's pipelines (null or absent: every workspace). */
  workspaceId?: string | null;
}

export interface FlowTotal {
  metric: string;
  label: string;
  count: number;
  total: number;
}

export interface QueueTotal extends FlowTotal {
  queue: string;
}

export interface FlowPoint extends FlowTotal {
  bucket: Date;
}

export interface VersionTotal extends FlowTotal {
  pipeline: string;
  policyVersion: number;
  promptVersion: string;
  model: string;
}

export interface ReviewerTotal extends FlowTotal {
  reviewerId: string;
  email: string | null;
}

/** Where each key of VersionTotal lives: the sums `x`, their pipeline `p` and policy version `pv` (count and total are sums). */
const VERSION_KEY_COLUMN_MAP: ColumnMap<Omit<VersionTotal, 'count' | 'total'>> = {
  pipeline: 'p.key',
  policyVersion: 'pv.version',
  promptVersion: 'x.prompt_version',
  model: 'x.model',
  metric: 'x.metric',
  label: 'x.label',
};
const VERSION_KEYS = selectList(VERSION_KEY_COLUMN_MAP);

/** Where each key of ReviewerTotal lives: the sums `x` and the reviewer `u` (count and total are sums). */
const REVIEWER_KEY_COLUMN_MAP: ColumnMap<Omit<ReviewerTotal, 'count' | 'total'>> = {
  reviewerId: 'x.reviewer_id',
  email: 'u.email',
  metric: 'x.metric',
  label: 'x.label',
};
const REVIEWER_KEYS = selectList(REVIEWER_KEY_COLUMN_MAP);

const FILTER = `grain = $1 AND metric = ANY($2) AND bucket >= $3 AND bucket < $4
  AND ($5::uuid IS NULL OR pipeline_id = $5) AND ($6::text IS NULL OR queue = $6)
  AND ($7::uuid IS NULL OR pipeline_id IN (SELECT id FROM pipelines WHERE workspace_id = $7))`;

/**
 * Reads of the rollups: sums over a range of minute or hour buckets, never the source rows, so
 * a read costs the same whatever the history behind it.
 */
@Injectable()
export class FlowRepository {
  constructor(private readonly db: DataSource) {}

  /** Sums per metric, label and queue over the range. */
  async totals(metrics: string[], f: StatsFilter): Promise<QueueTotal[]> {
    const rows: QueueTotal[] = await this.db.query(
      `SELECT metric, label, queue, sum(count)::float8 AS count, sum(total)::float8 AS total
         FROM stats_flow WHERE ${FILTER} GROUP BY metric, label, queue`,
      this.params(metrics, f),
    );
    return rows;
  }

  /** Per bucket, metric and label: the series behind per-minute/per-hour charts. */
  async series(metrics: string[], f: StatsFilter): Promise<FlowPoint[]> {
    return this.db.query(
      `SELECT bucket, metric, label, sum(count)::float8 AS count, sum(total)::float8 AS total
         FROM stats_flow WHERE ${FILTER} GROUP BY bucket, metric, label ORDER BY bucket`,
      this.params(metrics, f),
    );
  }

  /** Sums per pipeline × policy version × prompt version × model, for side-by-side comparison. */
  async byVersion(metrics: string[], f: StatsFilter): Promise<VersionTotal[]> {
    return this.db.query(
      `SELECT ${VERSION_KEYS}, x.count, x.total
         FROM (SELECT pipeline_id, policy_version_id, prompt_version, model, metric, label,
                      sum(count)::float8 AS count, sum(total)::float8 AS total
                 FROM stats_flow WHERE ${FILTER}
                GROUP BY pipeline_id, policy_version_id, prompt_version, model, metric, label) x
         JOIN pipelines p ON p.id = x.pipeline_id JOIN policy_versions pv ON pv.id = x.policy_version_id
        ORDER BY p.key, pv.version, x.prompt_version, x.model`,
      this.params(metrics, f),
    );
  }

  /** Per reviewer, metric and label over the range. */
  async reviewers(metrics: string[], f: StatsFilter): Promise<ReviewerTotal[]> {
    return this.db.query(
      `SELECT ${REVIEWER_KEYS}, x.count, x.total
         FROM (SELECT reviewer_id, metric, label, sum(count)::float8 AS count, sum(total)::float8 AS total
                 FROM stats_reviewer WHERE ${FILTER} GROUP BY reviewer_id, metric, label) x
         LEFT JOIN users u ON u.id = x.reviewer_id ORDER BY u.email NULLS LAST, x.reviewer_id`,
      this.params(metrics, f),
    );
  }

  /** All-time sums per metric, label and queue (the all-time grain: a handful of rows). */
  async allTime(metrics: string[]): Promise<QueueTotal[]> {
    return this.db.query(
      `SELECT metric, label, queue, sum(count)::float8 AS count, sum(total)::float8 AS total
         FROM stats_flow WHERE grain = 't' AND metric = ANY($1) GROUP BY metric, label, queue`,
      [metrics],
    );
  }

  private params(metrics: string[], f: StatsFilter): unknown[] {
    return [
      f.range.grain,
      metrics,
      f.range.from,
      f.range.to,
      f.pipelineId ?? null,
      f.queue ?? null,
      f.workspaceId ?? null,
    ];
  }
}
