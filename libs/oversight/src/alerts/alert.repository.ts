import { Injectable } from '@nestjs/common';
import { ColumnMap, queryRows, selectList } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

export type AlertSeverity = 'warning' | 'critical';

export interface AlertRow {
  id: string;
  key: string;
  pipelineId: string | null;
  kind: string;
  severity: AlertSeverity;
  status: 'firing' | 'resolved';
  message: string;
  figures: Record<string, number>;
  firedAt: Date;
  resolvedAt: Date | null;
  resolveMessage: string | null;
  notifications: unknown[];
}

export interface NewAlert {
  id: string;
  key: string;
  pipelineId: string | null;
  kind: string;
  severity: AlertSeverity;
  message: string;
  figures: Record<string, number>;
}

const ALERT_COLUMN_MAP: ColumnMap<AlertRow> = {
  id: 'id',
  key: 'key',
  pipelineId: 'pipeline_id',
  kind: 'kind',
  severity: 'severity',
  status: 'status',
  message: 'message',
  figures: 'figures',
  firedAt: 'fired_at',
  resolvedAt: 'resolved_at',
  resolveMessage: 'resolve_message',
  notifications: 'notifications',
};
const COLUMNS = selectList(ALERT_COLUMN_MAP);

/** Alerts of the self-checking loop: at most one firing per key, kept with their notifications. */
@Injectable()
export class AlertRepository {
  constructor(private readonly db: DataSource) {}

  /** Opens the alert unless one with its key is already firing; the new row, or null (a repeat). */
  async fire(a: NewAlert): Promise<AlertRow | null> {
    const [row] = await queryRows<AlertRow>(
      this.db,
      `INSERT INTO alerts (id, key, pipeline_id, kind, severity, status, message, figures)
       VALUES ($1, $2, $3, $4, $5, 'firing', $6, $7)
       ON CONFLICT (key) WHERE status = 'firing' DO NOTHING
       RETURNING ${COLUMNS}`,
      [a.id, a.key, a.pipelineId, a.kind, a.severity, a.message, JSON.stringify(a.figures)],
    );
    return row ?? null;
  }

  /** Resolves the firing alert of `key`; the resolved row, or null when none was firing. */
  async resolve(key: string, message: string): Promise<AlertRow | null> {
    const [row] = await queryRows<AlertRow>(
      this.db,
      `UPDATE alerts SET status = 'resolved', resolved_at = now(), resolve_message = $2
        WHERE key = $1 AND status = 'firing' RETURNING ${COLUMNS}`,
      [key, message],
    );
    return row ?? null;
  }

  async noteNotification(id: string, entry: Record<string, unknown>): Promise<void> {
    await this.db.query(
      `UPDATE alerts SET notifications = notifications || $2::jsonb WHERE id = $1`,
      [id, JSON.stringify([entry])],
    );
  }

  list(filter: {
    status?: 'firing' | 'resolved';
    pipelineId?: string;
    /** Only the alerts of this workspace's pipelines (and its prompts' rollbacks). */
    workspaceId?: string | null;
    limit: number;
  }): Promise<AlertRow[]> {
    return queryRows<AlertRow>(
      this.db,
      `SELECT ${COLUMNS} FROM alerts
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR pipeline_id = $2)
          AND ($4::uuid IS NULL OR pipeline_id IN (SELECT id FROM pipelines WHERE workspace_id = $4)
               -- A prompt's automatic rollback has no pipeline: its key names the prompt.
               OR (pipeline_id IS NULL AND kind = 'prompt_rollback'
                   AND split_part(key, ':', 2) IN (SELECT id::text FROM prompts WHERE workspace_id = $4)))
        ORDER BY fired_at DESC, id LIMIT $3`,
      [filter.status ?? null, filter.pipelineId ?? null, filter.limit, filter.workspaceId ?? null],
    );
  }
}
