import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewTaskKind, ReviewTaskStatus } from '../entities/review-task.entity';
import { jsonOrNull, queryRows } from '../query-rows';
import { NewReviewDecision } from './review-decision.repository';
import { SUBMISSION_COLUMNS, SubmissionRow } from './submission.repository';

export interface ReviewTaskRow {
  id: string;
  submissionId: string;
  queue: string;
  kind: ReviewTaskKind;
  status: ReviewTaskStatus;
  priority: number;
  consensus: number;
  dueAt: Date;
  expiresAt: Date | null;
  slaState: string;
  claimedBy: string | null;
  claimedAt: Date | null;
  leaseToken: string | null;
  leaseExpiresAt: Date | null;
  escalatedFrom: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface NewReviewTask {
  id: string;
  submissionId: string;
  queue: string;
  kind: ReviewTaskKind;
  priority: number;
  consensus: number;
  dueAt: Date;
  expiresAt: Date | null;
  escalatedFrom: string | null;
}

/** A task touched by a maintenance pass, with what dispatch needs to follow in Redis. */
export interface TaskRef {
  id: string;
  queue: string;
  priority: number;
  claimedBy: string | null;
  leaseToken: string | null;
}

export const TASK_COLUMNS = `id, submission_id AS "submissionId", queue, kind, status, priority, consensus,
  due_at AS "dueAt", expires_at AS "expiresAt", sla_state AS "slaState", claimed_by AS "claimedBy",
  claimed_at AS "claimedAt", lease_token AS "leaseToken", lease_expires_at AS "leaseExpiresAt", escalated_from AS "escalatedFrom",
  created_at AS "createdAt", decided_at AS "decidedAt"`;

/** A task with the submission it asks about, read in one round trip. */
export interface TaskWithSubmission {
  task: ReviewTaskRow;
  /** Null only if the submission row is missing (the task is then an orphan). */
  submission: SubmissionRow | null;
}

/** A lease holder's decision, as the fenced close records it (task, reviewer and timing come from the lease). */
export type HeldDecision = Omit<NewReviewDecision, 'taskId' | 'submissionId' | 'reviewerId' | 'handlingMs'>;

// The submission's columns renamed "s.<field>", so that they can sit beside the task's in one row.
const SUBMISSION_AS_S = SUBMISSION_COLUMNS.split(',')
  .map((item) => {
    const [column, alias] = item.trim().split(/\s+AS\s+/);
    return `${column} AS "s.${(alias ?? column).replace(/"/g, '')}"`;
  })
  .join(', ');
// Joined to a CTE `t` that returns TASK_COLUMNS; LEFT so that a claim made is never hidden.
const WITH_SUBMISSION = `SELECT t.*, s.* FROM t LEFT JOIN LATERAL (SELECT ${SUBMISSION_AS_S} FROM submissions WHERE id = t."submissionId") s ON true`;

function splitRow(row: Record<string, unknown>): TaskWithSubmission {
  const task: Record<string, unknown> = {};
  const submission: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('s.')) submission[key.slice(2)] = value;
    else task[key] = value;
  }
  return { task: task as unknown as ReviewTaskRow, submission: submission.id ? (submission as unknown as SubmissionRow) : null };
}

const REF = `id, queue, priority, claimed_by AS "claimedBy", lease_token AS "leaseToken"`;
const OPEN = `status IN ('pending', 'claimed')`;

/** Review tasks: every lease change is a conditional UPDATE, so a stale holder changes nothing. */
@Injectable()
export class ReviewTaskRepository {
  constructor(private readonly db: DataSource) {}

  /** Creates an open task (and its queue); false when the submission already has one of this kind. */
  async createOpen(t: NewReviewTask, tx: EntityManager | DataSource = this.db): Promise<boolean> {
    await tx.query(`INSERT INTO review_queues (name) VALUES ($1) ON CONFLICT DO NOTHING`, [t.queue]);
    const rows: unknown[] = await tx.query(
      `INSERT INTO review_tasks (id, submission_id, queue, kind, status, priority, consensus, due_at, expires_at, escalated_from)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9)
       ON CONFLICT (submission_id, kind) WHERE ${OPEN} DO NOTHING RETURNING id`,
      [t.id, t.submissionId, t.queue, t.kind, t.priority, t.consensus, t.dueAt, t.expiresAt, t.escalatedFrom],
    );
    return rows.length === 1;
  }

  async findById(id: string, tx: EntityManager | DataSource = this.db, lock = false): Promise<ReviewTaskRow | null> {
    const rows: ReviewTaskRow[] = await tx.query(
      `SELECT ${TASK_COLUMNS} FROM review_tasks WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The task and its submission in one statement (the reviewer's evidence, the decision's inputs). */
  async findWithSubmission(id: string): Promise<TaskWithSubmission | null> {
    const rows = await queryRows<Record<string, unknown>>(this.db,
      `WITH t AS (SELECT ${TASK_COLUMNS} FROM review_tasks WHERE id = $1) ${WITH_SUBMISSION}`,
      [id],
    );
    return rows[0] ? splitRow(rows[0]) : null;
  }

  /**
   * pending → claimed with a lease, returned with the submission to show (one statement, not a
   * claim then a read); null when the task is not pending any more.
   */
  async claim(id: string, userId: string, token: string, leaseMs: number): Promise<TaskWithSubmission | null> {
    const rows = await queryRows<Record<string, unknown>>(this.db,
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
    const rows = await queryRows<ReviewTaskRow>(tx,
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
      [lease.taskId, lease.userId, lease.token, d.id, d.action, d.reasonCodes, d.comment,
        jsonOrNull(d.editedOutput), jsonOrNull(d.diff)],
    );
    return rows[0] ?? null;
  }

  /** Extends a live lease held by this user with this token (and says the task's queue); null when the lease is lost. */
  async heartbeat(id: string, userId: string, token: string, leaseMs: number): Promise<{ leaseExpiresAt: Date; queue: string } | null> {
    const rows = await queryRows<{ leaseExpiresAt: Date; queue: string }>(this.db,
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
  async returnToPending(id: string, token: string, userId: string | null, tx: EntityManager | DataSource = this.db): Promise<ReviewTaskRow | null> {
    const rows = await queryRows<ReviewTaskRow>(tx,
      `UPDATE review_tasks SET status = 'pending', claimed_by = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'claimed' AND lease_token = $2
         AND ($3::uuid IS NULL AND lease_expires_at <= now() OR claimed_by = $3::uuid)
       RETURNING ${TASK_COLUMNS}`,
      [id, token, userId],
    );
    return rows[0] ?? null;
  }

  /** Ends a task (decided, escalated or expired) and clears its lease. */
  async close(id: string, status: 'decided' | 'escalated' | 'expired', tx: EntityManager | DataSource = this.db): Promise<boolean> {
    const rows = await queryRows(tx,
      `UPDATE review_tasks SET status = $2, lease_token = NULL, lease_expires_at = NULL, updated_at = now(),
         decided_at = now() WHERE id = $1 AND ${OPEN} RETURNING id`,
      [id, status],
    );
    return rows.length === 1;
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
  leasesExpiringWithin(withinMs: number, limit: number): Promise<(TaskRef & { leaseExpiresAt: Date })[]> {
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
  async ageSla(marginMs: number, limit: number): Promise<{ atRisk: TaskRef[]; breached: TaskRef[] }> {
    const breached = await queryRows<TaskRef>(this.db,
      `UPDATE review_tasks SET sla_state = 'breached', priority = 1, updated_at = now()
       WHERE id IN (SELECT id FROM review_tasks WHERE ${OPEN} AND sla_state <> 'breached' AND due_at <= now() LIMIT $1)
       RETURNING ${REF}`,
      [limit],
    );
    const atRisk = await queryRows<TaskRef>(this.db,
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
   * Submissions handed to people in the last day without an open task: the process died
   * between the transition and the task insert (older ones were repaired by earlier passes).
   */
  orphanedSubmissions(limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT s.id FROM submissions s
        WHERE s.status = 'human_review'
          AND s.updated_at BETWEEN now() - interval '1 day' AND now() - interval '5 seconds'
          AND NOT EXISTS (SELECT 1 FROM review_tasks t WHERE t.submission_id = s.id AND t.status IN ('pending', 'claimed'))
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
