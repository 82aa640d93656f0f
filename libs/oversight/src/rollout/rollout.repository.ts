import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { OversightHistory } from '../report/oversight-history.repository';
import type { AuditOutcome } from '../rules/escaped-error.estimator';
import type { RolloutStatus, RolloutTransition } from '../rules/rollout.rules';

const FIRST_STEP: RolloutStatus = { step: 0, since: 0 };

/** Each pipeline's rollout step (pipeline_rollouts) and its transitions in the pipeline's history. */
@Injectable()
export class RolloutRepository {
  constructor(
    private readonly db: DataSource,
    private readonly history: OversightHistory,
  ) {}

  /** The current step; a pipeline that never moved is at its first step since the epoch. */
  async read(pipelineId: string, db: DataSource | EntityManager = this.db): Promise<RolloutStatus> {
    const [row] = await queryRows<{ step: number; since: Date }>(
      db,
      `SELECT step, since FROM pipeline_rollouts WHERE pipeline_id = $1`,
      [pipelineId],
    );
    return row ? { step: row.step, since: row.since.getTime() } : FIRST_STEP;
  }

  /** The step locked for update (created at the first step if missing). */
  async lock(tx: EntityManager, pipelineId: string): Promise<RolloutStatus> {
    await tx.query(
      `INSERT INTO pipeline_rollouts (pipeline_id, since) VALUES ($1, to_timestamp(0)) ON CONFLICT DO NOTHING`,
      [pipelineId],
    );
    const [row] = await queryRows<{ step: number; since: Date }>(
      tx,
      `SELECT step, since FROM pipeline_rollouts WHERE pipeline_id = $1 FOR UPDATE`,
      [pipelineId],
    );
    return { step: row.step, since: row.since.getTime() };
  }

  /**
   * The audits of the score stage's automatic approvals decided since `since` (when the current
   * step began). Only those: the rollout gates them alone, and audits of the AI reviewer's
   * approvals (sampled at their own rate) say nothing about whether its next step is safe.
   */
  auditsSince(tx: EntityManager, pipelineId: string, since: number): Promise<AuditOutcome[]> {
    return queryRows<AuditOutcome>(
      tx,
      `SELECT overturned, sample_rate AS "sampleRate" FROM qa_audits
        WHERE pipeline_id = $1 AND approved_by = 'auto' AND created_at >= to_timestamp($2 / 1000.0)`,
      [pipelineId, since],
    );
  }

  async save(
    tx: EntityManager,
    pipelineId: string,
    status: RolloutStatus,
    t: RolloutTransition,
    actor: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE pipeline_rollouts SET step = $2, since = to_timestamp($3 / 1000.0), updated_at = now()
        WHERE pipeline_id = $1`,
      [pipelineId, status.step, status.since],
    );
    await this.history.record(
      {
        pipelineId,
        kind: 'rollout',
        fromState: String(t.fromShare),
        toState: String(t.toShare),
        cause: t.cause,
        figures: t.figures,
        message: t.message,
        actor,
      },
      tx,
    );
  }
}
