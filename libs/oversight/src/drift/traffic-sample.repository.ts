import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

/** What drift detection reads of one scored submission. */
export interface TrafficItem {
  confidence: number | null;
  route: string | null;
  outputLength: number;
  language: string;
  /** `name:version` of the model that wrote the output. */
  model: string;
  /** A person's final word: true rejected, false approved, null when no person decided. */
  humanRejected: boolean | null;
}

/** The most recent items of a window, at most this many (drift needs a sample, not every row). */
const SAMPLE = 20_000;

/** Windows of a pipeline's scored traffic, for drift and model-change detection. */
@Injectable()
export class TrafficSampleRepository {
  constructor(private readonly db: DataSource) {}

  /** Pipelines with scored traffic since `since`. */
  async activePipelines(since: Date): Promise<{ id: string; key: string }[]> {
    return queryRows(
      this.db,
      `SELECT p.id, p.key FROM pipelines p
        WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.pipeline_id = p.id AND s.created_at >= $1 AND s.confidence IS NOT NULL)`,
      [since],
    );
  }

  window(pipelineId: string, from: Date, to: Date): Promise<TrafficItem[]> {
    return queryRows<TrafficItem>(
      this.db,
      `SELECT confidence, decision->>'route' AS route,
              coalesce(length(output->>'text'), length(output->>'json'), 0) AS "outputLength",
              coalesce(nullif(lower(input->>'language'), ''), 'unknown') AS language,
              (model->>'name') || ':' || coalesce(model->>'version', '') AS model,
              CASE WHEN decision->>'decidedBy' = 'human' THEN decision->>'outcome' = 'rejected' END AS "humanRejected"
         FROM submissions
        WHERE pipeline_id = $1 AND created_at >= $2 AND created_at < $3 AND confidence IS NOT NULL
        ORDER BY created_at DESC LIMIT ${SAMPLE}`,
      [pipelineId, from, to],
    );
  }
}
