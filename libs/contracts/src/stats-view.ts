/** One review queue now: backlog by state and priority, SLA state (GET /v1/stats/backlog). */
export interface QueueBacklogView {
  queue: string;
  open: number;
  waiting: number;
  claimed: number;
  atRisk: number;
  breached: number;
  byPriority: { priority: number; waiting: number; claimed: number }[];
  oldestPendingAt: string | null;
  oldestPendingAgeSeconds: number | null;
  nextDueAt: string | null;
}

/** Open tasks over every queue shown. */
export interface DashboardTotals {
  open: number;
  waiting: number;
  claimed: number;
  atRisk: number;
  breached: number;
}

export interface BacklogView {
  at: string;
  totals: DashboardTotals;
  queues: QueueBacklogView[];
}

/** A queue on the live dashboard: its backlog and its forecast at the last 15 minutes' rates. */
export interface DashboardQueue extends QueueBacklogView {
  inflowPerMin: number;
  clearedPerMin: number;
  /** When the backlog empties at these rates; null when it does not shrink. */
  emptiesAt: string | null;
  /** The first open deadline that will pass before the queue reaches it; null when none is expected. */
  breachAt: string | null;
  trend: 'empty' | 'shrinking' | 'steady' | 'growing';
}

/** What the /dashboard namespace sends on connect. */
export interface DashboardSnapshot {
  at: string;
  totals: DashboardTotals;
  queues: DashboardQueue[];
  nextBreach: { queue: string; at: string } | null;
}

/** What the /dashboard namespace sends when something changed. */
export interface DashboardDelta {
  at: string;
  totals: DashboardTotals;
  /** Queues whose figures changed (whole entries). */
  queues: DashboardQueue[];
  /** Queues that disappeared. */
  removed: string[];
  nextBreach: DashboardSnapshot['nextBreach'];
}

/** The range a flow figure covers, as resolved from the query. */
export interface StatsRangeView {
  from: string;
  to: string;
  grain: 'minute' | 'hour';
}

/** Arrivals and decisions per bucket, and time to decision by who decided (GET /v1/stats/throughput). */
export interface ThroughputView {
  range: StatsRangeView;
  totals: { arrivals: number; decisions: number };
  series: { at: string; arrivals: number; decisions: number }[];
  timeToDecision: Record<string, { count: number; p50Ms: number | null; p90Ms: number | null }>;
}

type ByDecider<T> = { autoApproved: T; aiDecided: T; humanDecided: T; rejectedByPolicy: T };

/** Who decided what, and how the score stage routed (GET /v1/stats/automation). */
export interface AutomationView {
  range: StatsRangeView;
  decided: number;
  shares: ByDecider<number | null>;
  counts: ByDecider<number> & { policyDecided: number };
  routed: number;
  routes: Record<string, { count: number; share: number | null }>;
  humanRejectRate: number | null;
  aiAgreement: { agree: number; disagree: number; unsure: number; rate: number | null };
}
