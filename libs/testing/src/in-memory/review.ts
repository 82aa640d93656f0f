import { randomUUID } from 'node:crypto';
import {
  HeldDecision,
  NewReviewDecision,
  NewReviewTask,
  ReviewDecisionRepository,
  ReviewDecisionRow,
  ReviewQueueRepository,
  ReviewTaskRepository,
  ReviewTaskRow,
  TaskWithSubmission,
} from '@arbiter/review';
import type { DataSource, EntityManager } from 'typeorm';
import { asJsonb, copyRow, InMemoryDatabase } from './in-memory-database';
import { InMemorySubmissions } from './workflow';

/** A pending review task with plausible defaults; override what the test is about. */
export function reviewTaskRow(overrides: Partial<ReviewTaskRow> = {}): ReviewTaskRow {
  const now = new Date();
  return {
    id: randomUUID(),
    submissionId: randomUUID(),
    queue: 'support',
    kind: 'review',
    status: 'pending',
    priority: 5,
    consensus: 1,
    dueAt: new Date(now.getTime() + 30 * 60_000),
    expiresAt: null,
    slaState: 'ok',
    claimedBy: null,
    claimedAt: null,
    leaseToken: null,
    leaseExpiresAt: null,
    escalatedFrom: null,
    createdAt: now,
    decidedAt: null,
    requiredSkills: [],
    skillFallbackAt: null,
    ...overrides,
  };
}

/** A stored decision, as the table keeps it. */
export type StoredDecision = NewReviewDecision & { createdAt: Date };

type DecisionPort = Pick<ReviewDecisionRepository, 'insert' | 'forTask'>;

/** Reviewers' decisions, append-only, one per reviewer and task (the unique index). */
export class InMemoryReviewDecisions implements DecisionPort {
  private readonly rows: StoredDecision[] = [];

  constructor(private readonly db: InMemoryDatabase) {}

  get repository(): ReviewDecisionRepository {
    return this as unknown as ReviewDecisionRepository;
  }

  /** A committed decision by its id. */
  byId(id: string): StoredDecision | undefined {
    const row = this.rows.find((d) => d.id === id);
    return row && copyRow(row);
  }

  /** Every committed decision of a task, oldest first. */
  of(taskId: string): StoredDecision[] {
    return copyRow(this.rows.filter((d) => d.taskId === taskId));
  }

  async insert(d: NewReviewDecision, tx?: EntityManager | DataSource): Promise<void> {
    if (this.rows.some((r) => r.taskId === d.taskId && r.reviewerId === d.reviewerId))
      throw new Error(
        'duplicate key value violates unique constraint "ux_review_decisions_task_reviewer"',
      );
    const row: StoredDecision = {
      ...d,
      editedOutput: asJsonb(d.editedOutput) ?? null,
      diff: asJsonb(d.diff) ?? null,
      createdAt: new Date(),
    };
    this.db.written(tx, () => this.rows.splice(this.rows.indexOf(row), 1));
    this.rows.push(row);
  }

  async forTask(taskId: string): Promise<ReviewDecisionRow[]> {
    return this.of(taskId).map((d) => ({
      reviewerId: d.reviewerId,
      action: d.action,
      reasonCodes: d.reasonCodes,
      comment: d.comment,
      editedOutput: d.editedOutput as Record<string, unknown> | null,
      createdAt: d.createdAt,
    }));
  }
}

type TaskPort = Pick<
  ReviewTaskRepository,
  | 'createOpen'
  | 'findById'
  | 'findWithSubmission'
  | 'claim'
  | 'closeWithDecision'
  | 'returnToPending'
  | 'close'
  | 'hasDecided'
>;

const OPEN = ['pending', 'claimed'];

/** Review tasks with the real repository's conditional updates (a stale holder changes nothing). */
export class InMemoryReviewTasks implements TaskPort {
  private readonly rows = new Map<string, ReviewTaskRow>();

  constructor(
    private readonly db: InMemoryDatabase,
    private readonly submissions: InMemorySubmissions,
    private readonly decisions: InMemoryReviewDecisions,
  ) {}

  get repository(): ReviewTaskRepository {
    return this as unknown as ReviewTaskRepository;
  }

  /** Seeds a task (committed). */
  add(row: ReviewTaskRow): ReviewTaskRow {
    this.rows.set(row.id, copyRow(row));
    return row;
  }

  /** The committed state of a task. */
  get(id: string): ReviewTaskRow | undefined {
    const row = this.rows.get(id);
    return row && copyRow(row);
  }

  /** Every task of a submission, in creation order. */
  ofSubmission(submissionId: string): ReviewTaskRow[] {
    return [...this.rows.values()]
      .filter((t) => t.submissionId === submissionId)
      .map((t) => copyRow(t));
  }

  async createOpen(t: NewReviewTask, tx?: EntityManager | DataSource): Promise<boolean> {
    const taken = [...this.rows.values()].some(
      (r) => r.submissionId === t.submissionId && r.kind === t.kind && OPEN.includes(r.status),
    );
    if (taken) return false;
    this.write(
      reviewTaskRow({
        ...t,
        requiredSkills: t.requiredSkills ?? [],
        skillFallbackAt: t.skillFallbackAt ?? null,
        status: 'pending',
        createdAt: new Date(),
      }),
      tx,
    );
    return true;
  }

  async findById(id: string): Promise<ReviewTaskRow | null> {
    return this.get(id) ?? null;
  }

  async findWithSubmission(id: string): Promise<TaskWithSubmission | null> {
    const task = this.get(id);
    if (!task) return null;
    return { task, submission: this.submissions.get(task.submissionId) ?? null };
  }

  async claim(
    id: string,
    userId: string,
    token: string,
    leaseMs: number,
  ): Promise<TaskWithSubmission | null> {
    const task = this.rows.get(id);
    if (!task || task.status !== 'pending') return null;
    const now = new Date();
    this.write({
      ...task,
      status: 'claimed',
      claimedBy: userId,
      leaseToken: token,
      claimedAt: now,
      leaseExpiresAt: new Date(now.getTime() + leaseMs),
    });
    return this.findWithSubmission(id);
  }

  async closeWithDecision(
    lease: { taskId: string; userId: string; token: string },
    d: HeldDecision,
    tx?: EntityManager | DataSource,
  ): Promise<ReviewTaskRow | null> {
    const task = this.rows.get(lease.taskId);
    if (!task || !holds(task, lease.userId, lease.token)) return null;
    const closed: ReviewTaskRow = {
      ...task,
      status: 'decided',
      leaseToken: null,
      leaseExpiresAt: null,
      decidedAt: new Date(),
    };
    this.write(closed, tx);
    await this.decisions.insert(
      {
        ...d,
        taskId: task.id,
        submissionId: task.submissionId,
        reviewerId: lease.userId,
        handlingMs: task.claimedAt ? Date.now() - task.claimedAt.getTime() : null,
      },
      tx,
    );
    return copyRow(closed);
  }

  async returnToPending(
    id: string,
    token: string,
    userId: string | null,
    tx?: EntityManager | DataSource,
  ): Promise<ReviewTaskRow | null> {
    const task = this.rows.get(id);
    if (!task || task.status !== 'claimed' || task.leaseToken !== token) return null;
    const lapsed = (task.leaseExpiresAt?.getTime() ?? 0) <= Date.now();
    if (userId === null ? !lapsed : task.claimedBy !== userId) return null;
    const pending: ReviewTaskRow = {
      ...task,
      status: 'pending',
      claimedBy: null,
      leaseToken: null,
      leaseExpiresAt: null,
    };
    this.write(pending, tx);
    return copyRow(pending);
  }

  async close(
    id: string,
    status: 'decided' | 'escalated' | 'expired',
    tx?: EntityManager | DataSource,
  ): Promise<boolean> {
    const task = this.rows.get(id);
    if (!task || !OPEN.includes(task.status)) return false;
    this.write(
      { ...task, status, leaseToken: null, leaseExpiresAt: null, decidedAt: new Date() },
      tx,
    );
    return true;
  }

  async hasDecided(taskId: string, userId: string): Promise<boolean> {
    return this.decisions.of(taskId).some((d) => d.reviewerId === userId);
  }

  /** Writes a task row as a repository statement would (undone if `tx` rolls back). */
  put(next: ReviewTaskRow, tx?: EntityManager | DataSource): void {
    this.write(next, tx);
  }

  private write(next: ReviewTaskRow, tx?: EntityManager | DataSource): void {
    const previous = this.rows.get(next.id);
    this.db.written(tx, () =>
      previous ? this.rows.set(next.id, previous) : this.rows.delete(next.id),
    );
    this.rows.set(next.id, next);
  }
}

export function holds(task: ReviewTaskRow, userId: string, token: string): boolean {
  return (
    task.status === 'claimed' &&
    task.claimedBy === userId &&
    task.leaseToken === token &&
    (task.leaseExpiresAt?.getTime() ?? 0) > Date.now()
  );
}

/** Who may work in which review queue. */
export class InMemoryReviewQueues implements Pick<
  ReviewQueueRepository,
  'queuesOf' | 'canWorkOn' | 'skillsOf'
> {
  private readonly memberships = new Map<string, string[]>();
  private readonly skills = new Map<string, string[]>();

  get repository(): ReviewQueueRepository {
    return this as unknown as ReviewQueueRepository;
  }

  join(userId: string, ...queues: string[]): void {
    this.memberships.set(userId, [...(this.memberships.get(userId) ?? []), ...queues].sort());
  }

  async queuesOf(userId: string): Promise<string[]> {
    return [...(this.memberships.get(userId) ?? [])];
  }

  /** Gives a reviewer skills (languages they read). */
  teach(userId: string, ...skills: string[]): void {
    this.skills.set(userId, [...(this.skills.get(userId) ?? []), ...skills]);
  }

  async skillsOf(userId: string): Promise<string[]> {
    return [...(this.skills.get(userId) ?? [])];
  }

  /** A member of the queue may work on it; so may anyone this fake has no memberships for (a spec not about queues). */
  async canWorkOn(userId: string, queue: string): Promise<boolean> {
    const mine = this.memberships.get(userId);
    return !mine || mine.includes(queue);
  }
}
