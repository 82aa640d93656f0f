import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

export interface ModelSighting {
  pipelineId: string;
  /** `name:version` as the submissions carry it. */
  model: string;
  name: string;
  /** True when the pipeline had seen another model before this one (a change, not the first model). */
  replacesAnother: boolean;
}

/** Which model versions each pipeline's traffic has carried (models_seen). */
@Injectable()
export class ModelSightingRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Records the models of submissions created since `since`; returns the ones never seen before
   * in their pipeline (once: a concurrent or repeated watch finds them already recorded).
   */
  record(since: Date): Promise<ModelSighting[]> {
    return queryRows<ModelSighting>(
      this.db,
      `WITH recent AS (
         SELECT pipeline_id, (model->>'name') || ':' || coalesce(model->>'version', '') AS model, model->>'name' AS name, min(created_at) AS first_seen_at
           FROM submissions WHERE created_at >= $1 GROUP BY 1, 2, 3
       ), inserted AS (
         INSERT INTO models_seen (pipeline_id, model, first_seen_at)
         SELECT pipeline_id, model, first_seen_at FROM recent ON CONFLICT (pipeline_id, model) DO NOTHING
         RETURNING pipeline_id, model, first_seen_at
       )
       SELECT i.pipeline_id AS "pipelineId", i.model, r.name,
              EXISTS (SELECT 1 FROM models_seen m WHERE m.pipeline_id = i.pipeline_id AND m.model <> i.model) AS "replacesAnother"
         FROM inserted i JOIN recent r ON r.pipeline_id = i.pipeline_id AND r.model = i.model`,
      [since],
    );
  }
}
