import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ColumnMap, queryRows, ReviewAction, selectList } from '@arbiter/persistence';
import {
  heldDecisionParams,
  TASK_COLUMNS,
  type HeldDecision,
  type ReviewTaskRow,
} from './review-task.rows';

/** Where a decision in its undo window stands: waiting, made final, taken back, or overtaken (the submission expired). */
export type PendingDecisionStatus = 'pending' | 'final' | 'undone' | 'lapsed';

export interface PendingDecisionRow {
  id: string;
  taskId: string;
  submissionId: string;
  reviewerId: string;
  action: Exclude<ReviewAction, 'escalate'>;
  reasonCodes: string[];
  comment: string | null;
  editedOutput: { text?: string; json?: unknown } | null;
  diff: unknown;
  handlingMs: number | null;
  status: PendingDecisionStatus;
  finalAt: Date;
  createdAt: Date;
}

/** A pending decision and whether its undo window is open now (the database's clock). */
export type OpenPendingDecision = PendingDecisionRow & { windowOpen: boolean };

/** One line of a reviewer's recent decisions: pending ones from here, final ones from review_decisions. */
export interface RecentDecisionRow {
  id: string;
  taskId: string;
  submissionId: string;
  queue: string;
  action: ReviewAction;
  reasonCodes: string[];
  state: PendingDecisionStatus;
  decidedAt: Date;
  /** When the undo window ends; null for decisions that never had one. */
  finalAt: Date | null;
  /** Whether the window is still open now (the database's clock). */
  undoable: boolean;
}

const PENDING_COLUMN_MAP: ColumnMap<PendingDecisionRow> = {
  id: 'id',
  taskId: 'task_id',
  submissionId: 'submission_id',
  reviewerId: 'reviewer_id',
  action: 'action',
  reasonCodes: 'reason_codes',
  comment: 'comment',
  editedOutput: 'edited_output',
  diff: 'diff',
  handlingMs: 'handling_ms',
  status: 'status',
  finalAt: 'final_at',
  createdAt: 'created_at',
};
const PENDING_COLUMNS = selectList(PENDING_COLUMN_MAP);

/**
 * Decisions in their undo window (policy `review.undoWindow`). Each one is settled exactly once,
 * under its row lock: made final when the window has ended, or undone while it is open; the
 * window is read on the database's clock in both, so the two can never both win.
 */
@Injectable()
export class PendingDecisionRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * claimed → undoable for the holder of a live lease, with the decision recorded as pending
   * until `windowMs` from now, in one fenced statement (as closeWithDecision). Null, and nothing
   * written, when the lease is not held.
   */
  async hold(
    lease: { taskId: string; userId: string; token: string },
    d: HeldDecision,
    windowMs: number,
    tx: EntityManager | DataSource = this.db,
  ): Promise<{ task: ReviewTaskRow; finalAt: Date } | null> {
    const rows = await queryRows<ReviewTaskRow & { pendingFinalAt: Date }>(
      tx,
      `WITH t AS (
         UPDATE review_tasks SET status = 'undoable', lease_token = NULL, lease_expires_at = NULL, updated_at = now()
         WHERE id = $1 AND status = 'claimed' AND claimed_by = $2 AND lease_token = $3 AND lease_expires_at > now()
         RETURNING ${TASK_COLUMNS}
       ), d AS (
         INSERT INTO review_pending_decisions (id, task_id, submission_id, reviewer_id, action, reason_codes, comment,
           edited_output, diff, handling_ms, final_at)
         SELECT $4::uuid, t.id, t."submissionId", $2::uuid, $5::text, $6::text[], $7::text, $8::jsonb, $9::jsonb,
                round(extract(epoch FROM now() - t."claimedAt") * 1000)::int, now() + $10 * interval '1 millisecond'
           FROM t
         RETURNING final_at
       )
       SELECT t.*, d.final_at AS "pendingFinalAt" FROM t, d`,
      [...heldDecisionParams(lease, d), windowMs],
    );
    if (!rows[0]) return null;
    const { pendingFinalAt, ...task } = rows[0];
    return { task, finalAt: pendingFinalAt };
  }

  /** The pending decision, locked until the transaction ends, and whether its window is still open. */
  lock(id: string, tx: EntityManager): Promise<OpenPendingDecision | null> {
    return this.read(id, tx, ' FOR UPDATE');
  }

  /** The pending decision as it is now (not locked). */
  find(id: string): Promise<OpenPendingDecision | null> {
    return this.read(id, this.db, '');
  }

  private async read(
    id: string,
    db: EntityManager | DataSource,
    lock: string,
  ): Promise<OpenPendingDecision | null> {
    const rows = await queryRows<OpenPendingDecision>(
      db,
      `SELECT ${PENDING_COLUMNS}, final_at > clock_timestamp() AS "windowOpen"
         FROM review_pending_decisions WHERE id = $1${lock}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** pending → final, undone or lapsed; false when it was settled already. */
  async settle(
    id: string,
    status: Exclude<PendingDecisionStatus, 'pending'>,
    tx: EntityManager,
  ): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `UPDATE review_pending_decisions SET status = $2, settled_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, status],
    );
    return rows.length === 1;
  }

  /** undoable → claimed by `userId` with a fresh lease (an undo); null when the task is not undoable. */
  async reopen(
    taskId: string,
    userId: string,
    token: string,
    leaseMs: number,
    tx: EntityManager,
  ): Promise<ReviewTaskRow | null> {
    const rows = await queryRows<ReviewTaskRow>(
      tx,
      `UPDATE review_tasks SET status = 'claimed', claimed_by = $2, lease_token = $3, claimed_at = now(),
         lease_expires_at = now() + $4 * interval '1 millisecond', updated_at = now()
       WHERE id = $1 AND status = 'undoable' RETURNING ${TASK_COLUMNS}`,
      [taskId, userId, token, leaseMs],
    );
    return rows[0] ?? null;
  }

  /**
   * undoable → decided or expired (the window ended), with decided_at now(): the same instant as
   * the transition event of the same transaction, which is how the stats find the closed task.
   */
  async closeTask(
    taskId: string,
    status: 'decided' | 'expired',
    tx: EntityManager,
  ): Promise<ReviewTaskRow | null> {
    const rows = await queryRows<ReviewTaskRow>(
      tx,
      `UPDATE review_tasks SET status = $2, updated_at = now(), decided_at = now()
        WHERE id = $1 AND status = 'undoable' RETURNING ${TASK_COLUMNS}`,
      [taskId, status],
    );
    return rows[0] ?? null;
  }

  /** Pending decisions whose window has ended, oldest first. */
  async due(limit: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM review_pending_decisions WHERE status = 'pending' AND final_at <= now()
        ORDER BY final_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A reviewer's latest decisions, newest first: those still pending, undone or lapsed (from
   * here) and those final (from review_decisions, where a final pending decision keeps its id).
   */
  recentOf(reviewerId: string, limit: number): Promise<RecentDecisionRow[]> {
    return queryRows<RecentDecisionRow>(
      this.db,
      `SELECT x.*, t.queue FROM (
         (SELECT p.id, p.task_id AS "taskId", p.submission_id AS "submissionId", p.action,
                 p.reason_codes AS "reasonCodes", p.status AS state, p.created_at AS "decidedAt",
                 p.final_at AS "finalAt", p.status = 'pending' AND p.final_at > clock_timestamp() AS undoable
            FROM review_pending_decisions p
           WHERE p.reviewer_id = $1 AND p.status <> 'final'
           ORDER BY p.created_at DESC LIMIT $2)
         UNION ALL
         (SELECT d.id, d.task_id, d.submission_id, d.action, d.reason_codes, 'final',
                 coalesce(p.created_at, d.created_at), p.final_at, false
            FROM review_decisions d LEFT JOIN review_pending_decisions p ON p.id = d.id
           WHERE d.reviewer_id = $1
           ORDER BY d.created_at DESC LIMIT $2)
       ) x JOIN review_tasks t ON t.id = x."taskId"
       ORDER BY x."decidedAt" DESC, x.id LIMIT $2`,
      [reviewerId, limit],
    );
  }

  /** Whether `reviewerId` made the final decision `id` (it can no longer be undone). */
  async isFinalOf(id: string, reviewerId: string): Promise<boolean> {
    const rows = await queryRows(
      this.db,
      `SELECT 1 FROM review_decisions WHERE id = $1 AND reviewer_id = $2`,
      [id, reviewerId],
    );
    return rows.length === 1;
  }
}
