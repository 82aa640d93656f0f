import type {
  HeldDecision,
  OpenPendingDecision,
  PendingDecisionRepository,
  PendingDecisionRow,
  PendingDecisionStatus,
  ReviewTaskRow,
} from '@arbiter/review';
import type { DataSource, EntityManager } from 'typeorm';
import { asJsonb, copyRow, InMemoryDatabase } from './in-memory-database';
import { holds, InMemoryReviewTasks } from './review';

type PendingPort = Pick<
  PendingDecisionRepository,
  'hold' | 'lock' | 'find' | 'settle' | 'reopen' | 'closeTask' | 'due' | 'isFinalOf'
>;

/**
 * Decisions in their undo window, with the real repository's fenced writes. The clock is the
 * test's: `elapse(ms)` moves every window's end closer instead of waiting.
 */
export class InMemoryPendingDecisions implements PendingPort {
  private readonly rows = new Map<string, PendingDecisionRow>();
  private offsetMs = 0;

  constructor(
    private readonly db: InMemoryDatabase,
    private readonly tasks: InMemoryReviewTasks,
    private readonly finalIds: (id: string, reviewerId: string) => boolean,
  ) {}

  get repository(): PendingDecisionRepository {
    return this as unknown as PendingDecisionRepository;
  }

  /** Lets `ms` pass on the clock the windows are read with. */
  elapse(ms: number): void {
    this.offsetMs += ms;
  }

  /** The committed state of a pending decision. */
  get(id: string): PendingDecisionRow | undefined {
    const row = this.rows.get(id);
    return row && copyRow(row);
  }

  async hold(
    lease: { taskId: string; userId: string; token: string },
    d: HeldDecision,
    windowMs: number,
    tx?: EntityManager | DataSource,
  ): Promise<{ task: ReviewTaskRow; finalAt: Date } | null> {
    const task = this.tasks.get(lease.taskId);
    if (!task || !holds(task, lease.userId, lease.token)) return null;
    const held: ReviewTaskRow = {
      ...task,
      status: 'undoable',
      leaseToken: null,
      leaseExpiresAt: null,
    };
    this.tasks.put(held, tx);
    const finalAt = new Date(this.now() + windowMs);
    this.write(
      {
        id: d.id,
        taskId: task.id,
        submissionId: task.submissionId,
        reviewerId: lease.userId,
        action: d.action as PendingDecisionRow['action'],
        reasonCodes: d.reasonCodes,
        comment: d.comment,
        editedOutput: asJsonb(d.editedOutput) as PendingDecisionRow['editedOutput'],
        diff: asJsonb(d.diff) ?? null,
        handlingMs: task.claimedAt ? Date.now() - task.claimedAt.getTime() : null,
        status: 'pending',
        finalAt,
        createdAt: new Date(),
      },
      tx,
    );
    return { task: copyRow(held), finalAt };
  }

  async lock(id: string, tx: EntityManager): Promise<OpenPendingDecision | null> {
    this.db.requireOpen(tx);
    return this.find(id);
  }

  async find(id: string): Promise<OpenPendingDecision | null> {
    const row = this.get(id);
    return row ? { ...row, windowOpen: row.finalAt.getTime() > this.now() } : null;
  }

  async settle(
    id: string,
    status: Exclude<PendingDecisionStatus, 'pending'>,
    tx: EntityManager,
  ): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'pending') return false;
    this.write({ ...row, status }, tx);
    return true;
  }

  async reopen(
    taskId: string,
    userId: string,
    token: string,
    leaseMs: number,
    tx: EntityManager,
  ): Promise<ReviewTaskRow | null> {
    const task = this.tasks.get(taskId);
    if (!task || task.status !== 'undoable') return null;
    const now = new Date();
    const claimed: ReviewTaskRow = {
      ...task,
      status: 'claimed',
      claimedBy: userId,
      leaseToken: token,
      claimedAt: now,
      leaseExpiresAt: new Date(now.getTime() + leaseMs),
    };
    this.tasks.put(claimed, tx);
    return copyRow(claimed);
  }

  async closeTask(
    taskId: string,
    status: 'decided' | 'expired',
    tx: EntityManager,
  ): Promise<ReviewTaskRow | null> {
    const task = this.tasks.get(taskId);
    if (!task || task.status !== 'undoable') return null;
    const closed: ReviewTaskRow = { ...task, status, decidedAt: new Date() };
    this.tasks.put(closed, tx);
    return copyRow(closed);
  }

  async due(limit: number): Promise<string[]> {
    return [...this.rows.values()]
      .filter((r) => r.status === 'pending' && r.finalAt.getTime() <= this.now())
      .sort((a, b) => a.finalAt.getTime() - b.finalAt.getTime())
      .slice(0, limit)
      .map((r) => r.id);
  }

  async isFinalOf(id: string, reviewerId: string): Promise<boolean> {
    return this.finalIds(id, reviewerId);
  }

  private now(): number {
    return Date.now() + this.offsetMs;
  }

  private write(next: PendingDecisionRow, tx?: EntityManager | DataSource): void {
    const previous = this.rows.get(next.id);
    this.db.written(tx, () =>
      previous ? this.rows.set(next.id, previous) : this.rows.delete(next.id),
    );
    this.rows.set(next.id, copyRow(next));
  }
}
