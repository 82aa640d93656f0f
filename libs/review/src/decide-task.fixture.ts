import { Tracing } from '@arbiter/observability';
/** The in-memory world the DecideTask specs decide in (shared by the three spec files). */
import { randomUUID } from 'node:crypto';
import {
  InMemoryDatabase,
  InMemoryPendingDecisions,
  InMemoryPolicies,
  InMemoryReviewDecisions,
  InMemoryReviewDispatch,
  InMemoryReviewQueues,
  InMemoryReviewTasks,
  InMemorySubmissions,
  RecordingDomainEvents,
  RecordingReviewNotifier,
  reviewTaskRow,
  submissionRow,
} from '@arbiter/testing';
import { SubmissionWorkflow } from '@arbiter/workflow';
import type { EntityManager } from 'typeorm';
import { AuditVerdict, AuditVerdictHandler, AuditVerdicts } from './audit-verdicts.service';
import { DecideTask } from './decide-task.use-case';
import { DecisionInput } from './decision-input';
import { taskJobOf } from './review-dispatch.service';
import { ReviewTaskCreator } from './review-task-creator.service';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { TaskEscalator } from './task-escalator.service';
import { TaskViewBuilder } from './task-view.service';
import { FinalizePendingDecisions } from './undo/finalize-pending-decisions.use-case';
import { UndoDecision } from './undo/undo-decision.use-case';
import type { AppConfig } from '@arbiter/config';
import type { QueueProducer } from '@arbiter/queue';

export const ORIGINAL = { text: 'The capital of France is Paris.' };

/** The review part of a policy that sends everything to people. */
export function reviewPolicy(review: Record<string, unknown> = {}): Record<string, unknown> {
  // Through JSON: a field set to undefined is left out, as a policy document would.
  return JSON.parse(
    JSON.stringify({
      pipeline: 'support',
      signals: { grounding: { weight: 1 } },
      validators: [],
      thresholds: { autoApprove: 1, aiReview: 1 },
      review: {
        queue: 'support',
        priority: 5,
        sla: '30m',
        reasonCodes: ['wrong-facts', 'tone'],
        escalateTo: 'leads',
        ...review,
      },
    }),
  );
}

/** Records audit verdicts: inside the decision's transaction (undone with it), then after commit. */
class RecordingAuditHandler implements AuditVerdictHandler {
  readonly recorded: AuditVerdict[] = [];
  readonly afterCommitted: { verdict: AuditVerdict; duringTransaction: boolean }[] = [];
  failWith: Error | null = null;

  constructor(private readonly db: InMemoryDatabase) {}

  async withinDecision(tx: EntityManager, verdict: AuditVerdict): Promise<void> {
    this.db.requireOpen(tx);
    if (this.failWith) throw this.failWith;
    this.db.written(tx, () => this.recorded.pop());
    this.recorded.push(verdict);
  }

  async afterCommit(verdict: AuditVerdict): Promise<void> {
    this.afterCommitted.push({ verdict, duringTransaction: this.db.inTransaction });
  }
}

/** The in-memory ports review's use cases share, wired as the module wires them. */
export function reviewWorld() {
  const db = new InMemoryDatabase();
  const submissions = new InMemorySubmissions(db);
  const policies = new InMemoryPolicies();
  const events = new RecordingDomainEvents(db);
  const decisions = new InMemoryReviewDecisions(db);
  const tasks = new InMemoryReviewTasks(db, submissions, decisions);
  const dispatch = new InMemoryReviewDispatch();
  const notifier = new RecordingReviewNotifier();
  const workflow = new SubmissionWorkflow(submissions.repository, events);
  const creator = new ReviewTaskCreator(
    events,
    submissions.repository,
    tasks.repository,
    policies.catalog,
    dispatch.dispatch,
    notifier.notifier,
  );
  const escalator = new TaskEscalator(
    tasks.repository,
    submissions.repository,
    creator,
    dispatch.dispatch,
    notifier.notifier,
  );
  return {
    db,
    submissions,
    policies,
    events,
    decisions,
    tasks,
    dispatch,
    notifier,
    workflow,
    escalator,
  };
}

export function setUp(review: Record<string, unknown> = {}) {
  const world = reviewWorld();
  const { db, submissions, policies, events, decisions, tasks, dispatch, notifier } = world;
  const { workflow, escalator } = world;
  const pending = new InMemoryPendingDecisions(
    db,
    tasks,
    (id, reviewerId) => decisions.byId(id)?.reviewerId === reviewerId,
  );
  /** The delayed sweeps DecideTask asked for (decision id, delay). */
  const finalizeRuns: { decisionId: string; delayMs: number }[] = [];
  const producer = {
    enqueuePendingDecision: async (decisionId: string, delayMs: number) =>
      void finalizeRuns.push({ decisionId, delayMs }),
  } as unknown as QueueProducer;
  const audits = new AuditVerdicts();
  const auditHandler = new RecordingAuditHandler(db);
  audits.register(auditHandler);
  const useCase = new DecideTask(
    db.dataSource,
    tasks.repository,
    decisions.repository,
    policies.catalog,
    workflow,
    escalator,
    dispatch.dispatch,
    notifier.notifier,
    audits,
    new InMemoryReviewQueues().repository,
    pending.repository,
    producer,
    new Tracing('arbiter-test', null),
  );
  const finalize = new FinalizePendingDecisions(
    db.dataSource,
    pending.repository,
    decisions.repository,
    submissions.repository,
    workflow,
  );
  const undo = new UndoDecision(
    db.dataSource,
    pending.repository,
    submissions.repository,
    new TaskViewBuilder(submissions.repository, policies.catalog),
    notifier.notifier,
    { review: { leaseMs: 60_000 } } as AppConfig,
  );
  const version = policies.add(reviewPolicy(review));

  /** A submission in human review with one open task of `kind`, not yet claimed. */
  async function openTask(task: Partial<ReviewTaskRow> = {}, status = 'human_review') {
    const submission = submissions.add(
      submissionRow({
        status,
        pipelineId: version.pipelineId,
        policyVersionId: version.id,
        output: ORIGINAL,
      }),
    );
    const row = tasks.add(reviewTaskRow({ submissionId: submission.id, ...task }));
    await dispatch.add(row.queue, taskJobOf(row));
    return { submission, task: row };
  }

  /** `userId` takes the task's lease as claim-next would: the Postgres row, then the job lock. */
  async function claimAs(userId: string, taskId: string): Promise<string> {
    const token = `${userId}.${randomUUID()}`;
    const claimed = await tasks.claim(taskId, userId, token, 60_000);
    if (!claimed) throw new Error('task not pending');
    await dispatch.fetch(claimed.task.queue, token);
    return token;
  }

  return {
    db,
    submissions,
    tasks,
    decisions,
    dispatch,
    events,
    notifier,
    auditHandler,
    pending,
    finalizeRuns,
    finalize,
    undo,
    /** The submission's time to live ran out (its tasks are left as they are). */
    expire: (submissionId: string) =>
      workflow.transition({ submissionId, path: ['human_review', 'expired'], actor: 'system' }),
    openTask,
    claimAs,
    decide: (
      userId: string,
      taskId: string,
      input: Partial<DecisionInput> & { leaseToken: string },
    ) => useCase.execute(userId, taskId, { action: 'approve', reasonCodes: [], ...input }),
  };
}

export const alice = randomUUID();
export const bob = randomUUID();
