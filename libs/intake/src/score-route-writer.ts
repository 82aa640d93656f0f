import { ApprovalGate, GatedDecision } from '@arbiter/oversight';
import { Policy, RouteDecision } from '@arbiter/policy';
import {
  SubmissionRepository,
  SubmissionRow,
  SubmissionWorkflow,
  TransitionRequest,
} from '@arbiter/workflow';
import { DataSource } from 'typeorm';
import { GroupCommit, GroupCommitOptions, isStoreFailure } from '@arbiter/persistence';

/** One score job's route, ready to be applied. */
export interface RouteWrite {
  row: SubmissionRow;
  policy: Policy;
  decision: RouteDecision;
  /** The transition that applies the decision as the approval gate leaves it. */
  request: (gated: GatedDecision) => TransitionRequest;
}

interface Applied {
  /** The route applied, or null when the submission had already moved (stale). */
  route: string | null;
  /** A subscriber's failure after the commit: it fails this job only, as it would alone. */
  publishError?: unknown;
}

/**
 * The score stage's reads and writes, grouped across the jobs running at once: their
 * submissions are loaded by one read, and their routes applied in one transaction (one commit)
 * by one statement, each row still fenced by its own `from` state and each would-be automatic
 * approval still checked by the approval gate inside the transaction that applies it. Events are
 * published after the commit, row by row, in order. A group whose transaction fails for any
 * reason but the store's is applied again row by row, each as it would be alone, so a bad row
 * fails only its own job.
 */
export class ScoreRouteWriter {
  private readonly reads: GroupCommit<string, SubmissionRow | null>;
  private readonly writes: GroupCommit<RouteWrite, Applied>;

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly workflow: SubmissionWorkflow,
    private readonly gate: ApprovalGate,
    private readonly db: DataSource,
    options: GroupCommitOptions,
    /** Told the size of each group of routes applied together (metrics). */
    written?: (size: number) => void,
  ) {
    this.reads = new GroupCommit<string, SubmissionRow | null>(
      {
        many: async (ids) => {
          const found = new Map((await submissions.findByIds(ids)).map((r) => [r.id, r]));
          return ids.map((id) => found.get(id) ?? null);
        },
        one: (id) => submissions.findById(id),
        mayBeOneItem: () => false,
      },
      options,
    );
    this.writes = new GroupCommit<RouteWrite, Applied>(
      {
        many: (items) => this.applyTogether(items),
        one: (item) => this.applyAlone(item),
        mayBeOneItem: (error) => !isStoreFailure(error),
        written,
      },
      options,
    );
  }

  /** The submission as it is now (read with those of the other jobs starting now). */
  load(submissionId: string): Promise<SubmissionRow | null> {
    return this.reads.submit(submissionId);
  }

  /** Applies and publishes the route; the route applied, or null when the row had moved. */
  async apply(write: RouteWrite): Promise<string | null> {
    const { route, publishError } = await this.writes.submit(write);
    if (publishError !== undefined) throw publishError;
    return route;
  }

  /** Runs what is waiting now and waits for every group under way (shutdown). */
  async drain(): Promise<void> {
    await Promise.all([this.reads.drain(), this.writes.drain()]);
  }

  /**
   * One route on its own: a would-be automatic approval in one transaction with the breaker's
   * share lock, so none commits after the breaker trips; every other route needs no lock.
   */
  private async applyAlone(write: RouteWrite): Promise<Applied> {
    if (!needsGate(write.decision)) {
      const moved = await this.workflow.transition(write.request(write.decision));
      return { route: moved ? write.decision.route : null };
    }
    const applied = await this.db.transaction(async (tx) => {
      const gated = await this.gate.check(
        tx,
        write.row.id,
        write.row.pipelineId,
        write.policy,
        write.decision,
      );
      const event = await this.workflow.transitionWithin(tx, write.request(gated));
      return event && { event, route: gated.route };
    });
    if (!applied) return { route: null };
    await this.workflow.publish(applied.event);
    return { route: applied.route };
  }

  private async applyTogether(writes: readonly RouteWrite[]): Promise<Applied[]> {
    const moves = await this.db.transaction(async (tx) => {
      // The gate passes every route but an automatic approval through as it is, with no lock.
      const gated = await this.gate.checkMany(
        tx,
        writes.map(({ row, policy, decision }) => ({
          submissionId: row.id,
          pipelineId: row.pipelineId,
          policy,
          decision,
        })),
      );
      const events = await this.workflow.transitionManyWithin(
        tx,
        writes.map((write, i) => write.request(gated[i])),
      );
      return events.map((event, i) => event && { event, route: gated[i].route });
    });
    // Committed: from here nothing may throw, or the group would be applied again row by row.
    // Each row's events are published in order; rows side by side, as separate jobs would be
    // (so the subscribers' own writes, e.g. the outbox, can share a statement too).
    return Promise.all(
      moves.map(async (move): Promise<Applied> => {
        if (!move) return { route: null };
        try {
          await this.workflow.publish(move.event);
          return { route: move.route };
        } catch (publishError) {
          return { route: move.route, publishError };
        }
      }),
    );
  }
}

function needsGate(decision: RouteDecision): boolean {
  return decision.route === 'approved' && decision.decidedBy === 'auto';
}
