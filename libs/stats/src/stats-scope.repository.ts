import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Resolves the names a lead filters by into what the rollups are keyed on. */
@Injectable()
export class StatsScopeRepository {
  constructor(private readonly db: DataSource) {}

  /** The pipeline's id, or null when no pipeline of the workspace (null: of any) has this key. */
  async pipelineId(key: string, workspaceId: string | null = null): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM pipelines WHERE key = $1 AND ($2::uuid IS NULL OR workspace_id = $2)`,
      [key, workspaceId],
    );
    return rows[0]?.id ?? null;
  }

  /** Every review queue of a workspace. */
  async queuesOfWorkspace(workspaceId: string): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM review_queues WHERE workspace_id = $1 ORDER BY name`,
      [workspaceId],
    );
    return rows.map((r) => r.name);
  }

  /** The review queues a pipeline's policy versions send work to (review queue and escalation queue). */
  async queuesOfPipeline(pipelineId: string): Promise<string[]> {
    const rows: { queue: string }[] = await this.db.query(
      `SELECT DISTINCT q AS queue FROM policy_versions pv,
              LATERAL (VALUES (pv.document #>> '{review,queue}'), (pv.document #>> '{review,escalateTo}')) v(q)
        WHERE pv.pipeline_id = $1 AND q IS NOT NULL ORDER BY 1`,
      [pipelineId],
    );
    return rows.map((r) => r.queue);
  }
}
