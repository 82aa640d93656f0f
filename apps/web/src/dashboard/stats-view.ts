/**
 * The stats views the lead's floor reads: the wire types from contracts (the same types the server
 * builds them with), a queue's oldest age stamped against this browser's clock, and the parts of the
 * other /v1/stats and oversight answers the floor shows.
 */
import type {
  DashboardDelta as WireDelta,
  DashboardQueue as WireQueue,
  DashboardSnapshot as WireSnapshot,
} from '@arbiter/contracts';
export type { AutomationView, DashboardTotals, ThroughputView } from '@arbiter/contracts';

export type DashboardQueue = WireQueue & {
  /** Browser clock (ms) when the oldest pending task arrived: set on receipt, so ages tick without skew. */
  oldestSince?: number | null;
};
export type DashboardSnapshot = Omit<WireSnapshot, 'queues'> & { queues: DashboardQueue[] };
export type DashboardDelta = Omit<WireDelta, 'queues'> & { queues: DashboardQueue[] };

export interface SlaView {
  queues: {
    queue: string;
    atRisk: number;
    breached: number;
    closed: number;
    closedAfterDue: number;
    breachRate: number | null;
  }[];
}

export interface ForecastView {
  queues: {
    queue: string;
    backlog: number;
    inflowPerMin: number;
    clearedPerMin: number;
    emptiesAt: string | null;
    breachAt: string | null;
    trend: string;
  }[];
  nextBreach: { queue: string; at: string } | null;
}

export interface ReviewerStatsView {
  reviewerId: string;
  email: string | null;
  decisions: number;
  medianHandlingMs: number | null;
  overturnRate: number | null;
}

export interface VersionStatsView {
  pipeline: string;
  policyVersion: number;
  model: string;
  routed: number;
  decided: number;
  humanRejectRate: number | null;
}

/** GET /v1/pipelines/:key/oversight, the parts the floor shows. */
export interface OversightSummary {
  breaker: {
    state: 'closed' | 'open' | 'half_open';
    since: string | null;
    forced: { state: string; reason: string } | null;
  };
  escapedErrors: {
    overall: { audits: number; overturned: number; errorRate: number | null; upperBound: number };
  };
  rollout: { share: number; targetError: number } | null;
}

/** Applies a delta (changed queues, removed queues, new totals) to the last snapshot. */
export function applyDelta(snapshot: DashboardSnapshot, delta: DashboardDelta): DashboardSnapshot {
  const changed = new Map(delta.queues.map((q) => [q.queue, q]));
  const kept = snapshot.queues
    .filter((q) => !delta.removed.includes(q.queue))
    .map((q) => changed.get(q.queue) ?? q);
  const added = delta.queues.filter((q) => !snapshot.queues.some((old) => old.queue === q.queue));
  return {
    at: delta.at,
    totals: delta.totals,
    queues: [...kept, ...added],
    nextBreach: delta.nextBreach,
  };
}

/** Stamps each queue's oldest age against this browser's clock at receipt. */
export function stampAges<T extends { queues: DashboardQueue[] }>(
  message: T,
  receivedAt = Date.now(),
): T {
  return {
    ...message,
    queues: message.queues.map((q) => ({
      ...q,
      oldestSince:
        q.oldestPendingAgeSeconds === null ? null : receivedAt - q.oldestPendingAgeSeconds * 1000,
    })),
  };
}
