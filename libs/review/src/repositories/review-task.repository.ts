import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@arbiter/persistence';
import {
  heldDecisionParams,
  OPEN,
  OPEN_OR_UNDOABLE,
  REF,
  splitRow,
  TASK_COLUMNS,
  WITH_SUBMISSION,
  type HeldDecision,
  type NewReviewTask,
  type ReviewTaskRow,
  type TaskRef,
  type TaskWithSubmission,
} from './review-task.rows';
export type {
  HeldDecision,
  NewReviewTask,
  ReviewTaskRow,
  TaskRef,
  TaskWithSubmission,
} from './review-task.rows';
export { TASK_COLUMNS } from './review-task.rows';

/** Review tasks: every lease change is a conditional UPDATE, so a stale holder changes nothing. */
@Injectable()
export class ReviewTaskRepository {
  constructor(private readonly db: DataSource) {}

  /** Creates an open task (and its queue); false when the submission already has one of this kind. */
  async createOpen(t: NewReviewTask, tx: EntityManager | DataSource = this.db): Promise<boolean> {
    // A queue first named here belongs to the workspace of the submission's pipeline.
    await tx.query(
      `INSERT INTO review_queues (name, workspace_id)
       SELECT $1, p.workspace_id FROM submissions s JOIN pipelines p ON p.id = s.pipeline_id WHERE s.id = $2
       ON CONFLICT DO NOTHING`,
      [t.queue, t.submissionId],
    );
    const rows: unknown[] = await tx.query(
      `INSERT INTO review_tasks (id, submission_id, queue, kind, status, priority, consensus, due_at, expires_at, escalated_from,
         required_skills, skill_fallback_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (submission_id, kind) WHERE ${OPEN} DO NOTHING RETURNING id`,
      [
        t.id,
        t.submissionId,
        t.queue,
        t.kind,
        t.priority,
        t.consensus,
        t.dueAt,
        t.expiresAt,
        t.escalatedFrom,
        t.requiredSkills ?? [],
        t.skillFallbackAt ?? null,
      ],
    );
    return rows.length === 1;
  }

  async findById(
    id: string,
    tx: EntityManager | DataSource = this.db,
    lock = false,
  ): Promise<ReviewTaskRow | null> {
    const rows: ReviewTaskRow[] = await tx.query(
      `SELECT ${TASK_COLUMNS} FROM review_tasks WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The task and its submission in one statement (the reviewer's evidence, the decision's inputs). */
  async findWithSubmission(id: string): Promise<TaskWithSubmission | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      `WITH t AS (SELECT ${TASK_COLUMNS} FROM review_tasks WHERE id = $1) ${WITH_SUBMISSION}`,
      [id],
    );
    return rows[0] ? splitRow(rows[0]) : null;
  }

  /**
   * pending → claimed with a lease, returned with the submission to show (one statement, not a
   * claim then a read); null when the task is not pending any more.
   */
  async claim(
    id: string,
    userId: string,
    token: string,
    leaseMs: number,
  ): Promise<TaskWithSubmission | null> {
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      `WITH t AS (
         UPDATE review_tasks SET status = 'claimed', claimed_by = $2, lease_token = $3, claimed_at = now(),
           lease_expires_at = now() + $4 * interval '1 millisecond', updated_at = now()
         WHERE id = $1 AND status = 'pending' RETURNING ${TASK_COLUMNS}
       ) ${WITH_SUBMISSION}`,
      [id, userId, token, leaseMs],
    );
    return rows[0] ? splitRow(rows[0]) : null;
  }

  /**
   * claimed → decided for the holder of a live lease, with the holder's decision recorded, in one
   * statement: the conditional UPDATE is the fence (it waits for a concurrent writer of the row
   * and re-checks the lease on the row it leaves). Null, and nothing written, when the lease is
   * not held. Only for a decision that settles the task by itself (one reviewer needed).
   */
  async closeWithDecision(
    lease: { taskId: string; userId: string; token: string },
    d: HeldDecision,
    tx: EntityManager | DataSource = this.db,
  ): Promise<ReviewTaskRow | null> {
    const rows = await queryRows<ReviewTaskRow>(
      tx,
      `WITH t AS (
         UPDATE review_tasks SET status = 'decided', lease_token = NULL, lease_expires_at = NULL, updated_at = now(),
           decided_at = now()
         WHERE id = $1 AND status = 'claimed' AND claimed_by = $2 AND lease_token = $3 AND lease_expires_at > now()
         RETURNING ${TASK_COLUMNS}
       ), d AS (
         INSERT INTO review_decisions (id, task_id, submission_id, reviewer_id, action, reason_codes, comment, edited_output, diff, handling_ms)
         SELECT $4::uuid, t.id, t."submissionId", $2::uuid, $5::text, $6::text[], $7::text, $8::jsonb, $9::jsonb,
                round(extract(epoch FROM now() - t."claimedAt") * 1000)::int
           FROM t
       )
       SELECT * FROM t`,
      heldDecisionParams(lease, d),
    );
    return rows[0] ?? null;
  }

  /** Extends a live lease held by this user with this token (and says the task's queue); null when the lease is lost. */
  async heartbeat(
    id: string,
    userId: string,
    token: string,
    leaseMs: number,
  ): Promise<{ leaseExpiresAt: Date; queue: string } | null> {
    const rows = await queryRows<{ leaseExpiresAt: Date; queue: string }>(
      this.db,
      `UPDATE review_tasks SET lease_expires_at = now() + $4 * interval '1 millisecond', updated_at = now()
       WHERE id = $1 AND status = 'claimed' AND claimed_by = $2 AND lease_token = $3 AND lease_expires_at > now()
       RETURNING lease_expires_at AS "leaseExpiresAt", queue`,
      [id, userId, token, leaseMs],
    );
    return rows[0] ?? null;
  }

  /**
   * claimed → pending for the lease holder (release), or for anyone once the lease lapsed (userId
   * null); the task as it now is (dispatch requeues it from that), or null when nothing changed.
   */
  async returnToPending(
    id: string,
    token: string,
    userId: string | null,
    tx: EntityManager | DataSource = this.db,
  ): Promise<ReviewTaskRow | null> {
    const rows = await queryRows<ReviewTaskRow>(
      tx,
      `UPDATE review_tasks SET status = 'pending', claimed_by = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'claimed' AND lease_token = $2
         AND ($3::uuid IS NULL AND lease_expires_at <= now() OR claimed_by = $3::uuid)
       RETURNING ${TASK_COLUMNS}`,
      [id, token, userId],
    );
    return rows[0] ?? null;
  }

  /** Ends a task (decided, escalated or expired) and clears its lease. */
  async close(
    id: string,
    status: 'decided' | 'escalated' | 'expired',
    tx: EntityManager | DataSource = this.db,
  ): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `UPDATE review_tasks SET status = $2, lease_token = NULL, lease_expires_at = NULL, updated_at = now(),
         decided_at = now() WHERE id = $1 AND ${OPEN} RETURNING id`,
      [id, status],
    );
    return rows.length === 1;
  }

  /**
   * Locks a submission's open tasks, and one whose decision is in its undo window, until the
   * caller's transaction ends (before its submission row, as decisions do).
   */
  async lockOpenOf(submissionId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `SELECT id FROM review_tasks WHERE submission_id = $1 AND ${OPEN_OR_UNDOABLE} ORDER BY id FOR NO KEY UPDATE`,
      [submissionId],
    );
  }

  /**
   * Ends every open task of a submission as expired and clears their leases; returns them as they
   * were. An undoable one ends too: its pending decision then lapses instead of becoming final.
   */
  async closeOpenOf(submissionId: string, tx: EntityManager): Promise<ReviewTaskRow[]> {
    return queryRows(
      tx,
      `WITH o AS (SELECT ${TASK_COLUMNS} FROM review_tasks WHERE submission_id = $1 AND ${OPEN_OR_UNDOABLE} FOR NO KEY UPDATE),
            c AS (UPDATE review_tasks t SET status = 'expired', lease_token = NULL, lease_expires_at = NULL,
                    updated_at = now(), decided_at = now()
                    FROM o WHERE t.id = o.id RETURNING t.id)
       SELECT o.* FROM o JOIN c ON c.id = o.id`,
      [submissionId],
    );
  }

  /** The tasks a reviewer holds on a live lease, with their submissions, oldest claim first (one statement). */
  async heldBy(
    userId: string,
    limit: number,
    workspaceId: string | null = null,
  ): Promise<TaskWithSubmission[]> {
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      `WITH t AS (
         SELECT ${TASK_COLUMNS} FROM review_tasks
         WHERE claimed_by = $1 AND status = 'claimed' AND lease_expires_at > now()
           AND ($3::uuid IS NULL OR queue IN (SELECT name FROM review_queues WHERE workspace_id = $3))
         ORDER BY claimed_at LIMIT $2
       ) ${WITH_SUBMISSION} ORDER BY t."claimedAt"`,
      [userId, limit, workspaceId],
    );
    return rows.map(splitRow);
  }

  async hasDecided(taskId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM review_decisions WHERE task_id = $1 AND reviewer_id = $2`,
      [taskId, userId],
    );
    return rows.length > 0;
  }

  /** Claimed tasks whose lease has lapsed, oldest first. */
  lapsedLeases(limit: number): Promise<TaskRef[]> {
    return this.db.query(
      `SELECT ${REF} FROM review_tasks WHERE status = 'claimed' AND lease_expires_at <= now()
       ORDER BY lease_expires_at LIMIT $1`,
      [limit],
    );
  }

  /** Leases that lapse within `withinMs` (to warn their holders). */
  leasesExpiringWithin(
    withinMs: number,
    limit: number,
  ): Promise<(TaskRef & { leaseExpiresAt: Date })[]> {
    return this.db.query(
      `SELECT ${REF}, lease_expires_at AS "leaseExpiresAt" FROM review_tasks
       WHERE status = 'claimed' AND lease_expires_at > now() AND lease_expires_at <= now() + $1 * interval '1 millisecond'
       LIMIT $2`,
      [withinMs, limit],
    );
  }

  /**
   * SLA aging: open tasks due within `marginMs` become at_risk one priority level more urgent;
   * overdue ones become breached at the top priority. Each task moves once per state.
   */
  async ageSla(
    marginMs: number,
    limit: number,
  ): Promise<{ atRisk: TaskRef[]; breached: TaskRef[] }> {
    const breached = await queryRows<TaskRef>(
      this.db,
      `UPDATE review_tasks SET sla_state = 'breached', priority = 1, updated_at = now()
       WHERE id IN (SELECT id FROM review_tasks WHERE ${OPEN} AND sla_state <> 'breached' AND due_at <= now() LIMIT $1)
       RETURNING ${REF}`,
      [limit],
    );
    const atRisk = await queryRows<TaskRef>(
      this.db,
      `UPDATE review_tasks SET sla_state = 'at_risk', priority = GREATEST(1, priority - 1), updated_at = now()
       WHERE id IN (SELECT id FROM review_tasks WHERE ${OPEN} AND sla_state = 'ok'
                    AND due_at <= now() + $1 * interval '1 millisecond' LIMIT $2)
       RETURNING ${REF}`,
      [marginMs, limit],
    );
    return { atRisk, breached };
  }

  /** Open tasks whose submission's time to live has run out. */
  expired(limit: number): Promise<ReviewTaskRow[]> {
    return this.db.query(
      `SELECT ${TASK_COLUMNS} FROM review_tasks WHERE ${OPEN} AND expires_at <= now() ORDER BY expires_at LIMIT $1`,
      [limit],
    );
  }

  /** Pending tasks after `afterId` in id order, of the given queues or all (reconciliation walks them in pages). */
  pendingPage(afterId: string, limit: number, queues?: string[]): Promise<TaskRef[]> {
    return this.db.query(
      `SELECT ${REF} FROM review_tasks
        WHERE status = 'pending' AND id > $1 AND ($3::text[] IS NULL OR queue = ANY($3)) ORDER BY id LIMIT $2`,
      [afterId, limit, queues ?? null],
    );
  }

  /** Pending tasks per queue (from the partial index on pending tasks). */
  async pendingCountsByQueue(): Promise<Map<string, number>> {
    const rows: { queue: string; n: number }[] = await this.db.query(
      `SELECT queue, count(*)::int AS n FROM review_tasks WHERE status = 'pending' GROUP BY queue`,
    );
    return new Map(rows.map((r) => [r.queue, r.n]));
  }

  /**
   * Submissions handed to people in the last day without an open task (nor an undoable one,
   * whose decision waits for its undo window): the process died between the transition and the
   * task insert (older ones were repaired by earlier passes).
   */
  orphanedSubmissions(limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT s.id FROM submissions s
        WHERE s.status = 'human_review'
          AND s.updated_at BETWEEN now() - interval '1 day' AND now() - interval '5 seconds'
          AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.submission_id = s.id AND t.status IN ('pending', 'claimed', 'undoable'))
        LIMIT $1`,
      [limit],
    );
  }

  /**
   * Automatic approvals sampled for audit in the last day that have no audit task: the process
   * died between the approval and the task insert.
   */
  unauditedApprovals(limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT s.id FROM submissions s
        WHERE s.status = 'approved'
          AND s.updated_at BETWEEN now() - interval '1 day' AND now() - interval '5 seconds'
          AND s.decision->>'qaSample' = 'true'
          AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.submission_id = s.id AND t.kind = 'qa')
        LIMIT $1`,
      [limit],
    );
  }
}
