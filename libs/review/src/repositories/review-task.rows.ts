import {
  ColumnMap,
  jsonOrNull,
  ReviewTaskKind,
  ReviewTaskStatus,
  selectList,
} from '@arbiter/persistence';
import { SUBMISSION_COLUMN_MAP, SubmissionRow } from '@arbiter/workflow';
import { NewReviewDecision } from './review-decision.repository';

// The shape of a review task as the repository reads and writes it, and the SQL pieces that
// render it; the queries themselves are in review-task.repository.ts.

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
  /** Skills a reviewer needs to be offered the task (see skill-routing.ts). */
  requiredSkills: string[];
  /** From then on anyone of the queue may take it; null: only reviewers with the skills. */
  skillFallbackAt: Date | null;
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
  requiredSkills?: string[];
  skillFallbackAt?: Date | null;
}

/** A task touched by a maintenance pass, with what dispatch needs to follow in Redis. */
export interface TaskRef {
  id: string;
  queue: string;
  priority: number;
  claimedBy: string | null;
  leaseToken: string | null;
}

/** Where each field of ReviewTaskRow lives in `review_tasks`. */
const TASK_COLUMN_MAP: ColumnMap<ReviewTaskRow> = {
  id: 'id',
  submissionId: 'submission_id',
  queue: 'queue',
  kind: 'kind',
  status: 'status',
  priority: 'priority',
  consensus: 'consensus',
  dueAt: 'due_at',
  expiresAt: 'expires_at',
  slaState: 'sla_state',
  claimedBy: 'claimed_by',
  claimedAt: 'claimed_at',
  leaseToken: 'lease_token',
  leaseExpiresAt: 'lease_expires_at',
  escalatedFrom: 'escalated_from',
  createdAt: 'created_at',
  decidedAt: 'decided_at',
  requiredSkills: 'required_skills',
  skillFallbackAt: 'skill_fallback_at',
};
export const TASK_COLUMNS = selectList(TASK_COLUMN_MAP);

/** A task with the submission it asks about, read in one round trip. */
export interface TaskWithSubmission {
  task: ReviewTaskRow;
  /** Null only if the submission row is missing (the task is then an orphan). */
  submission: SubmissionRow | null;
}

/** A lease holder's decision, as the fenced close records it (task, reviewer and timing come from the lease). */
export type HeldDecision = Omit<
  NewReviewDecision,
  'taskId' | 'submissionId' | 'reviewerId' | 'handlingMs'
>;

/** A lease holder who decides: the task, the reviewer and the lease token fencing the write. */
export interface DecidingLease {
  taskId: string;
  userId: string;
  token: string;
}

/**
 * $1–$9 of a fenced close that records a decision (final, or held in an undo window): the lease
 * ($1 task, $2 reviewer, $3 token) and the decision ($4 id … $9 diff).
 */
export function heldDecisionParams(lease: DecidingLease, d: HeldDecision): unknown[] {
  return [
    lease.taskId,
    lease.userId,
    lease.token,
    d.id,
    d.action,
    d.reasonCodes,
    d.comment,
    jsonOrNull(d.editedOutput),
    jsonOrNull(d.diff),
  ];
}

// The submission's columns named "s.<field>", so that they can sit beside the task's in one row.
export const SUBMISSION_AS_S = selectList(SUBMISSION_COLUMN_MAP, { prefix: 's.' });
// Joined to a CTE `t` that returns TASK_COLUMNS; LEFT so that a claim made is never hidden.
export const WITH_SUBMISSION = `SELECT t.*, s.* FROM t LEFT JOIN LATERAL (SELECT ${SUBMISSION_AS_S} FROM submissions WHERE id = t."submissionId") s ON true`;

export function splitRow(row: Record<string, unknown>): TaskWithSubmission {
  const task: Record<string, unknown> = {};
  const submission: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('s.')) submission[key.slice(2)] = value;
    else task[key] = value;
  }
  return {
    task: task as unknown as ReviewTaskRow,
    submission: submission.id ? (submission as unknown as SubmissionRow) : null,
  };
}

export const REF = `id, queue, priority, claimed_by AS "claimedBy", lease_token AS "leaseToken"`;
export const OPEN = `status IN ('pending', 'claimed')`;
/** Open, or decided within an undo window (not final yet: still the submission's task). */
export const OPEN_OR_UNDOABLE = `status IN ('pending', 'claimed', 'undoable')`;
