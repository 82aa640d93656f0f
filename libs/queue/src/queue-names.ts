import type { TraceCarrier } from '@arbiter/observability';

/**
 * Every BullMQ queue Arbiter uses. Renaming one (or changing queuePrefix) strands the jobs already
 * in Redis under the old keys: it needs a migration plan (drain, or re-enqueue from Postgres
 * through the reconcilers, as after the move to per-queue hash tags).
 */
export enum QueueName {
  Score = 'score',
  AiReview = 'ai-review',
  Deliver = 'deliver',
  Maintenance = 'maintenance',
  /** One job per regression run of a dataset (libs/datasets). */
  Regression = 'regression',
}

/** Human review queues are one BullMQ queue per policy `review.queue`. */
export function reviewQueueName(queue: string): string {
  return `review.${queue}`;
}

/** Payloads carry ids only: handlers load and re-check state, which keeps retries idempotent. */
export interface JobPayloads {
  /** `trace`: the W3C context of the intake span, when tracing is on. */
  [QueueName.Score]: { submissionId: string; trace?: TraceCarrier };
  [QueueName.AiReview]: { submissionId: string };
  [QueueName.Deliver]: { eventId: string };
  [QueueName.Maintenance]: Record<string, never>;
  [QueueName.Regression]: { runId: string };
}

/** Deterministic job ids per stage (BullMQ forbids ':' in custom ids). */
export const jobIds = {
  score: (submissionId: string) => `score-${submissionId}`,
  aiReview: (submissionId: string) => `ai-review-${submissionId}`,
  /** One job per delivery round of an event; a replay starts a new round (generation). */
  deliver: (eventId: string, generation: number) => `deliver-${eventId}-${generation}`,
  regression: (runId: string) => `regression-${runId}`,
  /** The sweep that makes a pending decision final, due when its undo window ends. */
  pendingDecision: (decisionId: string) => `pending-decision-${decisionId}`,
};

/** Names of the repeatable maintenance jobs. */
export enum MaintenanceJob {
  RecoverUnsettled = 'recover-unsettled',
  RecoverAiReview = 'recover-ai-review',
  ScheduledRecalibration = 'scheduled-recalibration',
  ReconcileDeliveries = 'reconcile-deliveries',
  ReviewLeases = 'review-leases',
  ReviewSla = 'review-sla',
  ReviewReconcile = 'review-reconcile',
  StatsRollup = 'stats-rollup',
  StatsReconcile = 'stats-reconcile',
  BreakerCoolDown = 'breaker-cool-down',
  DriftWatch = 'drift-watch',
  RetentionSweep = 'retention-sweep',
  /** Rolls back a prompt's production version that does worse than the one before it. */
  PromptRollbackWatch = 'prompt-rollback-watch',
  /** Datasets with rules take in newly decided items. */
  DatasetCollect = 'dataset-collect',
  /** A regression run per dataset with `schedule: daily`. */
  RegressionDaily = 'regression-daily',
  /** A regression run when a model version is first seen in a pipeline's traffic. */
  RegressionModelWatch = 'regression-model-watch',
  /** Resumes, or fails with the reason, regression runs whose worker died or whose job was lost. */
  RecoverRegressionRuns = 'recover-regression-runs',
  /** Makes final the reviewers' decisions whose undo window ended (also run once per decision, at its end). */
  FinalizePendingDecisions = 'finalize-pending-decisions',
}

/** Redis pub/sub channel on which workers announce routed submissions (for ?wait and live views). */
export function routedChannel(prefix: string): string {
  return `${prefix}:submission-routed`;
}

/** Redis hash of routed-submission counts by route, incremented by workers, read by /metrics. */
export function routedCountsKey(prefix: string): string {
  return `${prefix}:metrics:routed`;
}
