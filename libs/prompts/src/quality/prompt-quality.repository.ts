import { Injectable } from '@nestjs/common';
import { ColumnMap, queryRows, selectList } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

/** Counts of the submissions that named one version id as their promptVersion. */
export interface VersionCounts {
  versionId: string;
  submissions: number;
  decided: number;
  automated: number;
  humanDecided: number;
  humanRejected: number;
  meanConfidence: number | null;
  /** Confidence quantiles p10, p50, p90 (null without scored submissions). */
  quantiles: number[] | null;
}

export interface AuditRow {
  versionId: string;
  overturned: boolean;
  sampleRate: number;
}

/** Where each field of AuditRow lives in `qa_audits`. */
const AUDIT_COLUMN_MAP: ColumnMap<AuditRow> = {
  versionId: 'prompt_version',
  overturned: 'overturned',
  sampleRate: 'sample_rate',
};
const AUDIT = selectList(AUDIT_COLUMN_MAP);

/** Reads of submissions and QA audits per prompt version id (the resolved id clients send back as promptVersion). */
@Injectable()
export class PromptQualityRepository {
  constructor(private readonly db: DataSource) {}

  counts(versionIds: string[]): Promise<VersionCounts[]> {
    return queryRows<VersionCounts>(
      this.db,
      `SELECT prompt_version AS "versionId", count(*)::int AS submissions,
              count(*) FILTER (WHERE decision->>'outcome' IS NOT NULL)::int AS decided,
              count(*) FILTER (WHERE decision->>'outcome' IS NOT NULL AND decision->>'decidedBy' IN ('auto', 'ai'))::int AS automated,
              count(*) FILTER (WHERE decision->>'decidedBy' = 'human')::int AS "humanDecided",
              count(*) FILTER (WHERE decision->>'decidedBy' = 'human' AND decision->>'outcome' = 'rejected')::int AS "humanRejected",
              avg(confidence) AS "meanConfidence",
              CASE WHEN count(confidence) > 0 THEN percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY confidence) END AS quantiles
         FROM submissions WHERE prompt_version = ANY($1::text[]) GROUP BY prompt_version`,
      [versionIds],
    );
  }

  /** Confidence histogram in ten buckets of 0.1 per version. */
  histograms(versionIds: string[]): Promise<{ versionId: string; bucket: number; n: number }[]> {
    return queryRows(
      this.db,
      `SELECT prompt_version AS "versionId", least(width_bucket(confidence, 0, 1, 10), 10) - 1 AS bucket, count(*)::int AS n
         FROM submissions WHERE prompt_version = ANY($1::text[]) AND confidence IS NOT NULL GROUP BY 1, 2`,
      [versionIds],
    );
  }

  audits(versionIds: string[]): Promise<AuditRow[]> {
    return queryRows<AuditRow>(
      this.db,
      `SELECT ${AUDIT} FROM qa_audits WHERE prompt_version = ANY($1::text[])`,
      [versionIds],
    );
  }
}
