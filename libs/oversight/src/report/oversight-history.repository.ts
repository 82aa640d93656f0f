import { Injectable } from '@nestjs/common';
import { queryRows, selectList } from '@arbiter/persistence';
import { DataSource, EntityManager } from 'typeorm';

export interface OversightEventRow {
  id: string;
  kind: OversightNote['kind'];
  fromState: string | null;
  toState: string | null;
  cause: string;
  figures: Record<string, number>;
  message: string;
  actor: string;
  createdAt: Date;
}

/** Where each field of OversightEventRow lives in oversight_events (the id as text: a bigint). */
const EVENT_COLUMNS = selectList<OversightEventRow>({
  id: 'id::text',
  kind: 'kind',
  fromState: 'from_state',
  toState: 'to_state',
  cause: 'cause',
  figures: 'figures',
  message: 'message',
  actor: 'actor',
  createdAt: 'created_at',
});

export interface OversightNote {
  pipelineId: string;
  kind: 'breaker' | 'rollout' | 'recalibration';
  fromState: string | null;
  toState: string | null;
  cause: string;
  figures: Record<string, number>;
  message: string;
  actor: string;
}

/**
 * The pipeline's history of the loop's actions (oversight_events): breaker and rollout moves,
 * written in their own transaction, and recalibrations. `created_at` is the clock at the insert,
 * after the caller's row locks were taken, so a trip is dated after every approval it waited for.
 */
@Injectable()
export class OversightHistory {
  constructor(private readonly db: DataSource) {}

  async record(n: OversightNote, db: DataSource | EntityManager = this.db): Promise<void> {
    await db.query(
      `INSERT INTO oversight_events (pipeline_id, kind, from_state, to_state, cause, figures, message, actor, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
      [
        n.pipelineId,
        n.kind,
        n.fromState,
        n.toState,
        n.cause,
        JSON.stringify(n.figures),
        n.message,
        n.actor,
      ],
    );
  }

  /** When the pipeline's history last recorded an entry of this kind, or null. */
  async lastAt(pipelineId: string, kind: OversightNote['kind']): Promise<Date | null> {
    const rows = await queryRows<{ at: Date }>(
      this.db,
      `SELECT max(created_at) AS at FROM oversight_events WHERE pipeline_id = $1 AND kind = $2`,
      [pipelineId, kind],
    );
    return rows[0]?.at ?? null;
  }

  /** The newest `limit` entries of the pipeline's history. */
  list(pipelineId: string, limit: number): Promise<OversightEventRow[]> {
    return queryRows<OversightEventRow>(
      this.db,
      `SELECT ${EVENT_COLUMNS}
         FROM oversight_events WHERE pipeline_id = $1 ORDER BY id DESC LIMIT $2`,
      [pipelineId, limit],
    );
  }
}
