import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { ApprovedBy } from '../oversight.settings';

export interface NewAudit {
  id: string;
  taskId: string;
  submissionId: string;
  pipelineId: string;
  policyVersionId: string;
  modelVersion: string | null;
  promptVersion: string | null;
  approvedBy: ApprovedBy;
  sampleRate: number;
  overturned: boolean;
  reasonCodes: string[];
  correctedOutput: unknown;
  reviewerId: string;
}

/** One group of audits for the escaped-error estimate: each audit's verdict and sampling rate. */
export interface AuditSample {
  policyVersionId: string;
  modelVersion: string | null;
  promptVersion: string | null;
  overturned: boolean;
  sampleRate: number;
}

/** Reviewers' verdicts on sampled automatic approvals (qa_audits). */
@Injectable()
export class QaAuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(tx: EntityManager, a: NewAudit): Promise<void> {
    await tx.query(
      `INSERT INTO qa_audits (id, task_id, submission_id, pipeline_id, policy_version_id, model_version, prompt_version,
                              approved_by, sample_rate, overturned, reason_codes, corrected_output, reviewer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        a.id,
        a.taskId,
        a.submissionId,
        a.pipelineId,
        a.policyVersionId,
        a.modelVersion,
        a.promptVersion,
        a.approvedBy,
        a.sampleRate,
        a.overturned,
        a.reasonCodes,
        a.correctedOutput === undefined || a.correctedOutput === null
          ? null
          : JSON.stringify(a.correctedOutput),
        a.reviewerId,
      ],
    );
  }

  /** The pipeline's most recent audits, oldest first, for the breaker's window. */
  async recent(
    tx: EntityManager,
    pipelineId: string,
    limit: number,
  ): Promise<{ overturned: boolean; at: number }[]> {
    const rows = await queryRows<{ overturned: boolean; at: Date }>(
      tx,
      `SELECT overturned, created_at AS at FROM qa_audits WHERE pipeline_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [pipelineId, limit],
    );
    return rows.reverse().map((r) => ({ overturned: r.overturned, at: r.at.getTime() }));
  }

  /** Every audit of the pipeline, as samples for the estimate (bounded: audits are a small share). */
  samples(pipelineId: string, since: Date | null): Promise<AuditSample[]> {
    return queryRows<AuditSample>(
      this.db,
      `SELECT policy_version_id AS "policyVersionId", model_version AS "modelVersion", prompt_version AS "promptVersion",
              overturned, sample_rate AS "sampleRate"
         FROM qa_audits WHERE pipeline_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2)`,
      [pipelineId, since],
    );
  }

  /** Replaces the reviewer's corrected output of a submission's audits by the marker; verdicts and reason codes stay. */
  async eraseText(
    submissionId: string,
    marker: Record<string, unknown>,
    tx: EntityManager,
  ): Promise<number> {
    const rows = await queryRows(
      tx,
      `UPDATE qa_audits SET corrected_output = $2 WHERE submission_id = $1 AND corrected_output IS NOT NULL RETURNING id`,
      [submissionId, JSON.stringify(marker)],
    );
    return rows.length;
  }
}
