import { Injectable } from '@nestjs/common';
import { ColumnMap, pickColumns, queryRows, selectList } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

export interface ShadowRow {
  pipelineId: string;
  policyVersionId: string;
  version: number;
  since: Date;
}

/** Where each field of ShadowRow lives: the shadow policy `s` and its policy version `v`. */
const SHADOW_COLUMN_MAP: ColumnMap<ShadowRow> = {
  pipelineId: 's.pipeline_id',
  policyVersionId: 's.policy_version_id',
  version: 'v.version',
  since: 's.since',
};
const SHADOW = selectList(SHADOW_COLUMN_MAP);
const SHADOW_PIPELINE_ID = selectList(pickColumns(SHADOW_COLUMN_MAP, ['pipelineId'] as const));

/** What the active and the shadow version did to the same submissions, with what people said. */
export interface ShadowCounts {
  items: number;
  agreed: number;
  activeApproved: number;
  shadowApproved: number;
  humanDecided: number;
  humanRejected: number;
  /** Approved by the shadow version, rejected by a person. */
  shadowApprovedHumanRejected: number;
  audited: number;
  /** Audited approvals (of the active version) a person overturned. */
  activeOverturned: number;
  /** Audited items the shadow version would have approved, and of those, overturned. */
  shadowApprovedAudited: number;
  shadowApprovedOverturned: number;
}

/** shadow_policies (one candidate per pipeline) and shadow_scores (what it would have done). */
@Injectable()
export class ShadowRepository {
  constructor(private readonly db: DataSource) {}

  async set(pipelineId: string, policyVersionId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO shadow_policies (pipeline_id, policy_version_id) VALUES ($1, $2)
       ON CONFLICT (pipeline_id) DO UPDATE SET policy_version_id = EXCLUDED.policy_version_id, since = now()`,
      [pipelineId, policyVersionId],
    );
  }

  async clear(pipelineId: string): Promise<boolean> {
    const rows = await queryRows<Pick<ShadowRow, 'pipelineId'>>(
      this.db,
      `DELETE FROM shadow_policies s WHERE s.pipeline_id = $1 RETURNING ${SHADOW_PIPELINE_ID}`,
      [pipelineId],
    );
    return rows.length === 1;
  }

  async find(pipelineId: string): Promise<ShadowRow | null> {
    const [row] = await queryRows<ShadowRow>(
      this.db,
      `SELECT ${SHADOW}
         FROM shadow_policies s JOIN policy_versions v ON v.id = s.policy_version_id WHERE s.pipeline_id = $1`,
      [pipelineId],
    );
    return row ?? null;
  }

  /** Records the shadow's route for a submission (once per submission and version). */
  async record(r: {
    submissionId: string;
    policyVersionId: string;
    pipelineId: string;
    activeRoute: string;
    shadowRoute: string;
    shadowConfidence: number | null;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO shadow_scores (submission_id, policy_version_id, pipeline_id, active_route, shadow_route, shadow_confidence)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        r.submissionId,
        r.policyVersionId,
        r.pipelineId,
        r.activeRoute,
        r.shadowRoute,
        r.shadowConfidence,
      ],
    );
  }

  async counts(policyVersionId: string, since: Date): Promise<ShadowCounts> {
    const [row] = await queryRows<ShadowCounts>(
      this.db,
      `SELECT count(*)::int AS items,
              count(*) FILTER (WHERE x.active_route = x.shadow_route)::int AS agreed,
              count(*) FILTER (WHERE x.active_route = 'approved')::int AS "activeApproved",
              count(*) FILTER (WHERE x.shadow_route = 'approved')::int AS "shadowApproved",
              count(*) FILTER (WHERE s.decision->>'decidedBy' = 'human')::int AS "humanDecided",
              count(*) FILTER (WHERE s.decision->>'decidedBy' = 'human' AND s.decision->>'outcome' = 'rejected')::int AS "humanRejected",
              count(*) FILTER (WHERE x.shadow_route = 'approved' AND s.decision->>'decidedBy' = 'human' AND s.decision->>'outcome' = 'rejected')::int AS "shadowApprovedHumanRejected",
              count(a.submission_id)::int AS audited,
              count(*) FILTER (WHERE a.overturned)::int AS "activeOverturned",
              count(*) FILTER (WHERE a.submission_id IS NOT NULL AND x.shadow_route = 'approved')::int AS "shadowApprovedAudited",
              count(*) FILTER (WHERE a.overturned AND x.shadow_route = 'approved')::int AS "shadowApprovedOverturned"
         FROM shadow_scores x JOIN submissions s ON s.id = x.submission_id
         LEFT JOIN qa_audits a ON a.submission_id = x.submission_id
        WHERE x.policy_version_id = $1 AND x.created_at >= $2`,
      [policyVersionId, since],
    );
    return row;
  }
}
