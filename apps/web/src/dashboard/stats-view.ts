/**
 * What the /dashboard namespace and /v1/stats answer (apps/api/src/stats, libs/stats),
 * restated for the browser: the web app imports only wire types from contracts.
 */
export interface DashboardQueue {
  queue: string;
  open: number;
  waiting: number;
  claimed: number;
  atRisk: number;
  breached: number;
  oldestPendingAgeSeconds: number | null;
  nextDueAt: string | null;
  inflowPerMin: number;
  clearedPerMin: number;
  breachAt: string | null;
  trend: 'empty' | 'shrinking' | 'steady' | 'growing';
}

export interface DashboardTotals {
  open: number;
  waiting: number;
  claimed: number;
  atRisk: number;
  breached: number;
}

export interface DashboardSnapshot {
  at: string;
  totals: DashboardTotals;
  queues: DashboardQueue[];
  nextBreach: { queue: string; at: string } | null;
}

export interface DashboardDelta {
  at: string;
  totals: DashboardTotals;
  queues: DashboardQueue[];
  removed: string[];
  nextBreach: DashboardSnapshot['nextBreach'];
}

export interface ThroughputView {
  totals: { arrivals: number; decisions: number };
  timeToDecision: Record<string, { count: number; p50Ms: number | null; p90Ms: number | null }>;
}

export interface AutomationView {
  decided: number;
  shares: { autoApproved: number | null; aiDecided: number | null; humanDecided: number | null; rejectedByPolicy: number | null };
  humanRejectRate: number | null;
}

/** Applies a delta (changed queues, removed queues, new totals) to the last snapshot. */
export function applyDelta(snapshot: DashboardSnapshot, delta: DashboardDelta): DashboardSnapshot {
  const changed = new Map(delta.queues.map((q) => [q.queue, q]));
  const kept = snapshot.queues.filter((q) => !delta.removed.includes(q.queue)).map((q) => changed.get(q.queue) ?? q);
  const added = delta.queues.filter((q) => !snapshot.queues.some((old) => old.queue === q.queue));
  return { at: delta.at, totals: delta.totals, queues: [...kept, ...added], nextBreach: delta.nextBreach };
}
