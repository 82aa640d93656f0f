import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';
import type { CalibrationVerdict } from '../rules/calibration-refit.rules';

/**
 * People's verdicts on scored outputs of a pipeline, weighted by how each was seen: a routed item
 * decided by a reviewer was seen for sure (weight 1); an automatic approval only through an audit
 * sampled at rate q (weight 1/q). The newest `limit` of each kind, each with the confidence it was
 * scored with and the model's own confidence before the policy's calibration (the same number
 * when the policy had none).
 */
const MODEL_CONFIDENCE = (row: string) =>
  `coalesce((${row}.scoring->>'modelConfidence')::float8, ${row}.confidence) AS "modelConfidence"`;

@Injectable()
export class VerdictRepository {
  constructor(private readonly db: DataSource) {}

  async recent(
    pipelineId: string,
    limit: number,
  ): Promise<{ reviewed: CalibrationVerdict[]; audited: CalibrationVerdict[] }> {
    const reviewed = await queryRows<CalibrationVerdict>(
      this.db,
      `SELECT confidence, ${MODEL_CONFIDENCE('submissions')},
              (decision->>'outcome' = 'approved' AND coalesce(decision->>'edited', 'false') <> 'true') AS acceptable,
              1::float8 AS weight
         FROM submissions
        WHERE pipeline_id = $1 AND decision->>'decidedBy' = 'human' AND confidence IS NOT NULL
        ORDER BY decided_at DESC LIMIT $2`,
      [pipelineId, limit],
    );
    const audited = await queryRows<CalibrationVerdict>(
      this.db,
      `SELECT s.confidence, ${MODEL_CONFIDENCE('s')}, NOT a.overturned AS acceptable, 1 / a.sample_rate AS weight
         FROM qa_audits a JOIN submissions s ON s.id = a.submission_id
        WHERE a.pipeline_id = $1 AND s.confidence IS NOT NULL
        ORDER BY a.created_at DESC LIMIT $2`,
      [pipelineId, limit],
    );
    return { reviewed, audited };
  }
}
