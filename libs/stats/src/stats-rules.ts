/**
 * Pure arithmetic of lead stats: histogram buckets and their percentiles, ranges and grains,
 * and the backlog forecast. No I/O; everything here is unit-tested.
 */

/** Upper bounds (ms) of the duration histograms; a value at or past the last is in the +Inf bucket. */
export const DURATION_BUCKETS_MS = [
  1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000,
  14_400_000, 28_800_000, 86_400_000,
];

/**
 * Postgres `width_bucket(v, bounds)` index → the bucket's upper bound in ms (Infinity past the
 * last bound). Index i holds values in [bounds[i-1], bounds[i]).
 */
export function bucketUpperMs(index: number): number {
  return index >= DURATION_BUCKETS_MS.length ? Infinity : DURATION_BUCKETS_MS[Math.max(0, index)];
}

/** The lower bound of bucket `index` (0 for the first). */
export function bucketLowerMs(index: number): number {
  return index <= 0 ? 0 : DURATION_BUCKETS_MS[Math.min(index, DURATION_BUCKETS_MS.length) - 1];
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram given as counts by bucket index, interpolated
 * linearly inside the bucket (the open last bucket answers its lower bound). Null when empty.
 */
export function quantileMs(counts: Map<number, number>, q: number): number | null {
  const indexes = [...counts.keys()].sort((a, b) => a - b);
  const total = indexes.reduce((sum, i) => sum + (counts.get(i) ?? 0), 0);
  if (total <= 0) return null;
  const rank = q * total;
  let seen = 0;
  for (const i of indexes) {
    const n = counts.get(i) ?? 0;
    if (n <= 0) continue;
    if (seen + n >= rank) {
      const lower = bucketLowerMs(i);
      const upper = bucketUpperMs(i);
      if (!Number.isFinite(upper)) return lower;
      return Math.round(lower + ((rank - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return bucketLowerMs(indexes[indexes.length - 1]);
}

/** Rollup grain used to answer a range: minutes up to six hours, whole hours beyond. */
export type Grain = 'm' | 'h';
export const MINUTE_GRAIN_MAX_MS = 6 * 3_600_000;
export const MAX_RANGE_MS = 93 * 86_400_000;

export interface ResolvedRange {
  from: Date;
  to: Date;
  grain: Grain;
}

/** Rounds a [from, to) range out to whole buckets of the grain it is answered at. */
export function resolveRange(from: Date, to: Date, grain?: Grain): ResolvedRange {
  const chosen: Grain = grain ?? (to.getTime() - from.getTime() <= MINUTE_GRAIN_MAX_MS ? 'm' : 'h');
  const unit = chosen === 'm' ? 60_000 : 3_600_000;
  return {
    from: new Date(Math.floor(from.getTime() / unit) * unit),
    to: new Date(Math.ceil(to.getTime() / unit) * unit),
    grain: chosen,
  };
}

/** Share of `part` in `whole`, null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export interface QueueFlow {
  queue: string;
  /** Open tasks now. */
  backlog: number;
  /** Tasks entering the queue per minute (recent window). */
  inflowPerMin: number;
  /** Tasks leaving the queue per minute (recent window). */
  clearedPerMin: number;
  /** Earliest deadline of an open task, if any. */
  nextDueAt: Date | null;
}

export interface QueueForecast {
  queue: string;
  backlog: number;
  inflowPerMin: number;
  clearedPerMin: number;
  /** When the backlog empties at these rates; null when it does not shrink. */
  emptiesAt: string | null;
  /** The first open deadline that will pass before the queue reaches it; null when none is expected. */
  breachAt: string | null;
  trend: 'empty' | 'shrinking' | 'steady' | 'growing';
}

/**
 * At the current rates, when each queue empties, and when its next breach happens: the earliest
 * open deadline breaches if the queue is not empty by then (an optimistic bound: work is taken
 * by priority, so an urgent task may be cleared first).
 */
export function forecastQueues(
  flows: QueueFlow[],
  now: Date,
): { queues: QueueForecast[]; nextBreach: { queue: string; at: string } | null } {
  const queues = flows.map((f): QueueForecast => {
    const net = f.clearedPerMin - f.inflowPerMin;
    const emptiesInMin = f.backlog === 0 ? 0 : net > 0 ? f.backlog / net : null;
    const emptiesAt =
      emptiesInMin === null ? null : new Date(now.getTime() + emptiesInMin * 60_000);
    const due = f.nextDueAt;
    const breach = due && (emptiesAt === null || emptiesAt.getTime() > due.getTime()) ? due : null;
    const trend =
      f.backlog === 0 ? 'empty' : net > 0 ? 'shrinking' : net < 0 ? 'growing' : 'steady';
    return {
      queue: f.queue,
      backlog: f.backlog,
      inflowPerMin: round2(f.inflowPerMin),
      clearedPerMin: round2(f.clearedPerMin),
      emptiesAt: emptiesAt?.toISOString() ?? null,
      breachAt: breach ? new Date(Math.max(breach.getTime(), now.getTime())).toISOString() : null,
      trend,
    };
  });
  const next = queues
    .filter((q) => q.breachAt)
    .sort((a, b) => (a.breachAt as string).localeCompare(b.breachAt as string))[0];
  return { queues, nextBreach: next ? { queue: next.queue, at: next.breachAt as string } : null };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
