import { Injectable } from '@nestjs/common';
import { ColumnMap, queryRows, selectList } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

export type DatasetRuleKind = 'approvals' | 'rejections' | 'edits';

export interface DatasetRule {
  kind: DatasetRuleKind;
  queue?: string;
}

export interface DatasetRow {
  id: string;
  pipelineId: string;
  pipeline: string;
  clientId: string;
  name: string;
  promptId: string | null;
  prompt: string | null;
  rules: DatasetRule[];
  schedule: 'none' | 'daily';
  minPassRate: number;
  minSimilarity: number;
  items: number;
  createdAt: Date;
}

export interface NewDataset {
  id: string;
  pipelineId: string;
  clientId: string;
  name: string;
  promptId: string | null;
  rules: DatasetRule[];
  schedule: 'none' | 'daily';
  minPassRate: number;
  minSimilarity: number;
}

/** Where each field of DatasetRow lives: the dataset `d`, its pipeline `p` and its prompt `pr` (see FROM). */
const DATASET_COLUMN_MAP: ColumnMap<Omit<DatasetRow, 'items'>> = {
  id: 'd.id',
  pipelineId: 'd.pipeline_id',
  pipeline: 'p.key',
  clientId: 'd.client_id',
  name: 'd.name',
  promptId: 'd.prompt_id',
  prompt: 'pr.key',
  rules: 'd.rules',
  schedule: 'd.schedule',
  minPassRate: 'd.min_pass_rate',
  minSimilarity: 'd.min_similarity',
  createdAt: 'd.created_at',
};
// The item count is computed: the dataset's items not removed.
const DATASET = `${selectList(DATASET_COLUMN_MAP)},
  (SELECT count(*)::int FROM dataset_items i WHERE i.dataset_id = d.id AND i.removed_at IS NULL) AS items`;
const FROM = `datasets d JOIN pipelines p ON p.id = d.pipeline_id LEFT JOIN prompts pr ON pr.id = d.prompt_id`;

/** The datasets table. */
@Injectable()
export class DatasetRepository {
  constructor(private readonly db: DataSource) {}

  /** Inserts a dataset; false when the pipeline already has one of that name. */
  async create(d: NewDataset): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `INSERT INTO datasets (id, pipeline_id, client_id, name, prompt_id, rules, schedule, min_pass_rate, min_similarity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (pipeline_id, name) DO NOTHING RETURNING id`,
      [
        d.id,
        d.pipelineId,
        d.clientId,
        d.name,
        d.promptId,
        JSON.stringify(d.rules),
        d.schedule,
        d.minPassRate,
        d.minSimilarity,
      ],
    );
    return rows.length === 1;
  }

  async findById(id: string): Promise<DatasetRow | null> {
    const [row] = await queryRows<DatasetRow>(
      this.db,
      `SELECT ${DATASET} FROM ${FROM} WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Datasets, of one pipeline when given its key, of one workspace's pipelines when given one. */
  list(pipelineKey?: string, workspaceId: string | null = null): Promise<DatasetRow[]> {
    return queryRows<DatasetRow>(
      this.db,
      `SELECT ${DATASET} FROM ${FROM} WHERE ($1::text IS NULL OR p.key = $1)
         AND ($2::uuid IS NULL OR p.workspace_id = $2) ORDER BY p.key, d.name`,
      [pipelineKey ?? null, workspaceId],
    );
  }

  /** Datasets a scheduled or model-triggered run applies to: with a prompt to generate with. */
  withPrompt(filter: { schedule?: 'daily'; pipelineId?: string }): Promise<DatasetRow[]> {
    return queryRows<DatasetRow>(
      this.db,
      `SELECT ${DATASET} FROM ${FROM} WHERE d.prompt_id IS NOT NULL AND ($1::text IS NULL OR d.schedule = $1) AND ($2::uuid IS NULL OR d.pipeline_id = $2)`,
      [filter.schedule ?? null, filter.pipelineId ?? null],
    );
  }

  withRules(): Promise<DatasetRow[]> {
    return queryRows<DatasetRow>(
      this.db,
      `SELECT ${DATASET} FROM ${FROM} WHERE jsonb_array_length(d.rules) > 0`,
    );
  }

  /**
   * References named by a new dataset, by key or id; null for each that does not exist. All of
   * one workspace: the pipeline of the caller's (null: any), the client and prompt of the
   * pipeline's; another workspace's is one that does not exist.
   */
  async references(
    pipeline: string,
    clientId: string,
    prompt: string | undefined,
    workspaceId: string | null = null,
  ): Promise<{ pipelineId: string | null; clientExists: boolean; promptId: string | null }> {
    const [row] = await queryRows<{
      pipelineId: string | null;
      clientExists: boolean;
      promptId: string | null;
    }>(
      this.db,
      `WITH p AS (SELECT id, workspace_id FROM pipelines WHERE key = $1 AND ($4::uuid IS NULL OR workspace_id = $4))
       SELECT (SELECT id FROM p) AS "pipelineId",
              EXISTS (SELECT 1 FROM clients c WHERE c.id = $2
                        AND c.workspace_id = coalesce((SELECT workspace_id FROM p), $4::uuid, c.workspace_id)) AS "clientExists",
              (SELECT pr.id FROM prompts pr WHERE pr.key = $3
                  AND pr.workspace_id = coalesce((SELECT workspace_id FROM p), $4::uuid, pr.workspace_id)) AS "promptId"`,
      [pipeline, clientId, prompt ?? null, workspaceId],
    );
    return row;
  }
}
