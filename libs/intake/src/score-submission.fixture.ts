import type { RuleServicePort, RuleServiceRequest } from '@arbiter/delivery';
import { ProcessMetrics } from '@arbiter/observability';
import {
  ApprovalGate,
  AutomationBreaker,
  AutomationRollout,
  BreakerState,
  BreakerStatus,
  RolloutStatus,
} from '@arbiter/oversight';
import type { ExternalOutcome } from '@arbiter/scoring';
import {
  InMemoryDatabase,
  InMemoryPolicies,
  InMemorySubmissions,
  RecordingDomainEvents,
  submissionRow,
} from '@arbiter/testing';
import type { AppConfig } from '@arbiter/config';
import { SubmissionRow, SubmissionWorkflow } from '@arbiter/workflow';
import type { EntityManager } from 'typeorm';
import { ScoreStageMetrics } from './score-stage-metrics.service';
import { ScoreSubmission } from './score-submission.use-case';

// The in-memory ports ScoreSubmission's specs run on, shared by the spec files by topic.

/** Thresholds every score reaches: whatever passes the gates would be approved automatically. */
export const AUTO = { thresholds: { autoApprove: 0, aiReview: 0 } };
/** Thresholds no score reaches. */
export const HUMAN = { thresholds: { autoApprove: 1, aiReview: 1 } };
export const RULES_URL = 'https://rules.example.com/check';

/** The pipeline's breaker, as the gate reads it inside the approving transaction. */
class FixedBreaker implements Pick<AutomationBreaker, 'readShared' | 'admits'> {
  state: BreakerState = 'closed';
  /** How many times the approving transactions read it (once per pipeline per transaction). */
  reads = 0;

  constructor(private readonly db: InMemoryDatabase) {}

  async readShared(tx: EntityManager): Promise<BreakerStatus> {
    // The share lock is taken by the approving transaction itself, or it guards nothing.
    this.db.requireOpen(tx);
    this.reads++;
    return { state: this.state, since: 0 };
  }

  admits(status: BreakerStatus): { state: BreakerState; allowed: boolean } {
    return { state: status.state, allowed: status.state === 'closed' };
  }
}

/** A pipeline without rollout steps. */
class NoRollout implements Pick<AutomationRollout, 'readWithin' | 'shareAt'> {
  async readWithin(): Promise<RolloutStatus> {
    throw new Error('a policy without rollout steps reads no step');
  }

  shareAt(): number | null {
    return null;
  }
}

/** The client's rule service, answering what the test says; the questions are kept. */
class ScriptedRuleService implements RuleServicePort {
  readonly asked: RuleServiceRequest[] = [];
  answer: ExternalOutcome | Error = { findings: [] };

  async evaluate(request: RuleServiceRequest): Promise<ExternalOutcome> {
    this.asked.push(request);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

/**
 * `batch`: jobs running at once share their read and their transaction (a window in ms and a
 * size); by default each job reads and writes alone.
 */
export function setUp(
  policy: Record<string, unknown> = AUTO,
  batch: { windowMs: number; max: number } = { windowMs: 0, max: 0 },
) {
  const db = new InMemoryDatabase();
  const submissions = new InMemorySubmissions(db);
  const policies = new InMemoryPolicies();
  const events = new RecordingDomainEvents(db);
  const breaker = new FixedBreaker(db);
  const ruleService = new ScriptedRuleService();
  const useCase = new ScoreSubmission(
    submissions.repository,
    policies.catalog,
    new SubmissionWorkflow(submissions.repository, events),
    new ScoreStageMetrics(new ProcessMetrics()),
    new ApprovalGate(
      breaker as unknown as AutomationBreaker,
      new NoRollout() as unknown as AutomationRollout,
    ),
    db.dataSource,
    ruleService,
    { worker: { scoreBatchWindowMs: batch.windowMs, scoreBatchMax: batch.max } } as AppConfig,
  );
  const version = policies.add({
    pipeline: 'support',
    signals: { grounding: { weight: 1 } },
    validators: [],
    review: { queue: 'support', priority: 5 },
    ...policy,
  });

  /** A submission as intake leaves it, judged by `policyVersionId` (the pipeline's version by default). */
  const received = (overrides: Partial<SubmissionRow> = {}): SubmissionRow =>
    submissions.add(
      submissionRow({
        status: 'received',
        pipelineId: version.pipelineId,
        policyVersionId: version.id,
        ...overrides,
      }),
    );

  return { db, submissions, policies, events, breaker, ruleService, useCase, version, received };
}
