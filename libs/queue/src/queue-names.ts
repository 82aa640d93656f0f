/**
 * Every BullMQ queue Arbiter uses. Renaming one strands the jobs already in Redis under the old
 * name: it needs a migration plan (drain, or re-enqueue from Postgres through the reconciler).
 */
export enum QueueName {
  Score = 'score',
  AiReview = 'ai-review',
  Deliver = 'deliver',
  Maintenance = 'maintenance',
}

/** Human review queues are one BullMQ queue per policy `review.queue`. */
export function reviewQueueName(queue: string): string {
  return `review.${queue}`;
}

/** Payloads carry ids only: handlers load and re-check state, which keeps retries idempotent. */
export interface JobPayloads {
  [QueueName.Score]: { submissionId: string };
  [QueueName.AiReview]: { submissionId: string };
  [QueueName.Deliver]: { eventId: string };
  [QueueName.Maintenance]: Record<string, never>;
}

/** Deterministic job ids per stage (BullMQ forbids ':' in custom ids). */
export const jobIds = {
  score: (submissionId: string) => `score-${submissionId}`,
  aiReview: (submissionId: string) => `ai-review-${submissionId}`,
  /** One job per delivery round of an event; a replay starts a new round (generation). */
  deliver: (eventId: string, generation: number) => `deliver-${eventId}-${generation}`,
};

/** Names of the repeatable maintenance jobs. */
export enum MaintenanceJob {
  RecoverUnsettled = 'recover-unsettled',
  RecoverAiReview = 'recover-ai-review',
  ReconcileDeliveries = 'reconcile-deliveries',
  ReviewLeases = 'review-leases',
  ReviewSla = 'review-sla',
  ReviewReconcile = 'review-reconcile',
  StatsRollup = 'stats-rollup',
  StatsReconcile = 'stats-reconcile',
  BreakerCoolDown = 'breaker-cool-down',
  DriftWatch = 'drift-watch',
}

/** Redis pub/sub channel on which workers announce routed submissions (for ?wait and live views). */
export function routedChannel(prefix: string): string {
  return `${prefix}:submission-routed`;
}

/** Redis hash of routed-submission counts by route, incremented by workers, read by /metrics. */
export function routedCountsKey(prefix: string): string {
  return `${prefix}:metrics:routed`;
}
