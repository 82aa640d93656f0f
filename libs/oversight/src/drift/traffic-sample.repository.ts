import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { outputFormality } from '@arbiter/scoring';
import { DataSource } from 'typeorm';

/** What drift detection reads of one scored submission. */
export interface TrafficItem {
  /** The model's own confidence (before the policy's `scoring.calibration`). */
  confidence: number | null;
  route: string | null;
  /** Characters of the input (prompt and context, as stored). */
  inputLength: number;
  outputLength: number;
  language: string;
  /** Each signal's score, by name; absent or null when no signal scored. */
  signals?: Record<string, number> | null;
  /** `name:version` of the model that wrote the output. */
  model: string;
  /** The prompt version the caller named, or null. */
  promptVersion: string | null;
  /**
   * The output's formality, 0 casual … 1 formal (the tone gate's measure); only for the newest
   * FORMALITY_SAMPLE text outputs of a window, absent for the rest and for JSON outputs.
   */
  outputFormality?: number | null;
  /** A person's final word: true rejected, false approved, null when no person decided. */
  humanRejected: boolean | null;
}

/** The most recent items of a window, at most this many (drift needs a sample, not every row). */
const SAMPLE = 20_000;
/** Outputs whose formality is measured per window: their text is read, so fewer (≈ 0.1 ms each). */
export const FORMALITY_SAMPLE = 1000;
/** Characters of an output read for its formality: the register shows in its first paragraphs. */
const FORMALITY_CHARS = 4000;

type TrafficRow = TrafficItem & { outputText: string | null };

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

  async window(pipelineId: string, from: Date, to: Date): Promise<TrafficItem[]> {
    const rows = await queryRows<TrafficRow>(
      this.db,
      // The model's own confidence: a calibration the pipeline's lead applies is not drift.
      `SELECT coalesce((scoring->>'modelConfidence')::float8, confidence) AS confidence,
              decision->>'route' AS route,
              length(input::text) AS "inputLength",
              coalesce(length(output->>'text'), length(output->>'json'), 0) AS "outputLength",
              (SELECT jsonb_object_agg(sig->>'name', (sig->>'score')::float8)
                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(scoring->'signals') = 'array' THEN scoring->'signals' END) sig
                WHERE jsonb_typeof(sig->'score') = 'number') AS signals,
              coalesce(nullif(lower(input->>'language'), ''), 'unknown') AS language,
              (model->>'name') || ':' || coalesce(model->>'version', '') AS model,
              prompt_version AS "promptVersion",
              CASE WHEN decision->>'decidedBy' = 'human' THEN decision->>'outcome' = 'rejected' END AS "humanRejected",
              CASE WHEN row_number() OVER (ORDER BY created_at DESC) <= ${FORMALITY_SAMPLE}
                   THEN left(output->>'text', ${FORMALITY_CHARS}) END AS "outputText"
         FROM submissions
        WHERE pipeline_id = $1 AND created_at >= $2 AND created_at < $3 AND confidence IS NOT NULL
          -- Erased rows hold the marker instead of their text: their lengths and language would read as drift.
          AND erased_at IS NULL
        ORDER BY created_at DESC LIMIT ${SAMPLE}`,
      [pipelineId, from, to],
    );
    return rows.map(({ outputText, ...item }) =>
      outputText === null || outputText === undefined
        ? item
        : {
            ...item,
            outputFormality: outputFormality(
              outputText,
              item.language === 'unknown' ? null : item.language,
            ),
          },
    );
  }
}
