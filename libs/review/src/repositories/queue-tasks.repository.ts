import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@arbiter/persistence';

export interface QueueTaskFilter {
  queue: string;
  statuses: ('pending' | 'claimed')[];
  pipeline: string | null;
  reason: string | null;
  maxPriority: number | null;
  dueBefore: Date | null;
  limit: number;
}

export interface QueueTaskRow {
  id: string;
  kind: string;
  status: 'pending' | 'claimed';
  priority: number;
  dueAt: Date;
  slaState: string;
  createdAt: Date;
  claimedBy: string | null;
  pipeline: string;
  policyVersion: number;
  externalId: string | null;
  confidence: number | null;
  reasons: string[];
}

/** The open tasks of a queue as a lead browses them: read-only, with what they came for. */
@Injectable()
export class QueueTasksRepository {
  constructor(private readonly db: DataSource) {}

  /** The most urgent first (priority, then due time); `limit + 1` rows tell the caller there are more. */
  list(filter: QueueTaskFilter): Promise<QueueTaskRow[]> {
    return queryRows<QueueTaskRow>(
      this.db,
      `SELECT t.id, t.kind, t.status, t.priority, t.due_at AS "dueAt", t.sla_state AS "slaState",
              t.created_at AS "createdAt", u.email AS "claimedBy", p.key AS pipeline,
              v.version AS "policyVersion", s.external_id AS "externalId", s.confidence,
              COALESCE(ARRAY(SELECT r->>'code'
                               FROM jsonb_array_elements(
                                 CASE WHEN jsonb_typeof(s.decision->'reasons') = 'array'
                                      THEN s.decision->'reasons' ELSE '[]'::jsonb END) r),
                       '{}') AS reasons
         FROM review_tasks t
         JOIN submissions s ON s.id = t.submission_id
         JOIN pipelines p ON p.id = s.pipeline_id
         JOIN policy_versions v ON v.id = s.policy_version_id
         LEFT JOIN users u ON u.id = t.claimed_by
        WHERE t.queue = $1
          AND t.status = ANY($2::text[])
          AND ($3::text IS NULL OR p.key = $3)
          AND ($4::text IS NULL OR s.decision->'reasons' @> jsonb_build_array(jsonb_build_object('code', $4::text)))
          AND ($5::int IS NULL OR t.priority <= $5)
          AND ($6::timestamptz IS NULL OR t.due_at <= $6)
        ORDER BY t.priority, t.due_at, t.id
        LIMIT $7`,
      [
        filter.queue,
        filter.statuses,
        filter.pipeline,
        filter.reason,
        filter.maxPriority,
        filter.dueBefore,
        filter.limit + 1,
      ],
    );
  }
}
