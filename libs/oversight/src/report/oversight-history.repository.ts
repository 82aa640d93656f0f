import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OversightNote {
  pipelineId: string;
  kind: 'recalibration';
  fromState: string | null;
  toState: string | null;
  cause: string;
  figures: Record<string, number>;
  message: string;
  actor: string;
}

/** Writes an action of the loop that has no state row of its own into the pipeline's history. */
@Injectable()
export class OversightHistory {
  constructor(private readonly db: DataSource) {}

  async record(n: OversightNote): Promise<void> {
    await this.db.query(
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
}
