import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { BacklogCell, BacklogRepository, QueueEdges } from './backlog.repository';
import { FlowRepository } from './flow.repository';
import type { BacklogView, QueueBacklogView, StatsRangeView } from '@arbiter/contracts';
import { StatsScope } from './stats-filter.resolver';
import { forecastQueues, QueueForecast, resolveRange, share } from './stats-rules';

/** Rates behind the forecast are the last 15 minutes of rollups. */
export const FORECAST_WINDOW_MIN = 15;

/**
 * The review floor now: backlog per queue and priority, SLA state, and the forecast. Counters
 * and index probes only, so this is what the live dashboard recomputes every second.
 */
@Injectable()
export class FloorStats {
  constructor(
    private readonly backlogs: BacklogRepository,
    private readonly flows: FlowRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async backlog(scope: Pick<StatsScope, 'queues'>, now = new Date()): Promise<BacklogView> {
    const queues = scope.queues ?? undefined;
    const [cells, edges] = await Promise.all([
      this.backlogs.cells(queues),
      this.backlogs.edges(queues),
    ]);
    return buildBacklog(cells, edges, now);
  }

  async sla(scope: StatsScope, now = new Date()) {
    const [floor, closed] = await Promise.all([
      this.backlog(scope, now),
      this.flows.totals(['task_closed', 'sla_breach'], { ...scope.filter, pipelineId: undefined }),
    ]);
    const per = (metric: string, queue: string) =>
      closed
        .filter((r) => r.metric === metric && r.queue === queue)
        .reduce((sum, r) => sum + r.count, 0);
    return {
      at: now.toISOString(),
      atRiskMarginMs: this.config.review.atRiskMarginMs,
      range: rangeView(scope),
      queues: floor.queues.map((q) => {
        const done = per('task_closed', q.queue);
        const late = per('sla_breach', q.queue);
        return {
          queue: q.queue,
          atRisk: q.atRisk,
          breached: q.breached,
          nextDueAt: q.nextDueAt,
          closed: done,
          closedAfterDue: late,
          breachRate: share(late, done),
        };
      }),
      totals: { atRisk: floor.totals.atRisk, breached: floor.totals.breached },
    };
  }

  async forecast(
    scope: Pick<StatsScope, 'queues'>,
    now = new Date(),
  ): Promise<{
    at: string;
    windowMinutes: number;
    queues: QueueForecast[];
    nextBreach: { queue: string; at: string } | null;
  }> {
    const floor = await this.backlog(scope, now);
    const range = resolveRange(new Date(now.getTime() - FORECAST_WINDOW_MIN * 60_000), now, 'm');
    const rows = await this.flows.totals(['task_in', 'task_closed'], { range });
    // Minutes actually covered: the current minute is partial, so the window is 15 whole minutes plus its elapsed part.
    const minutes = (now.getTime() - range.from.getTime()) / 60_000;
    const rate = (metric: string, queue: string) =>
      rows
        .filter((r) => r.metric === metric && r.queue === queue)
        .reduce((sum, r) => sum + r.count, 0) / minutes;
    const forecast = forecastQueues(
      floor.queues.map((q) => ({
        queue: q.queue,
        backlog: q.open,
        inflowPerMin: rate('task_in', q.queue),
        clearedPerMin: rate('task_closed', q.queue),
        nextDueAt: q.nextDueAt ? new Date(q.nextDueAt) : null,
      })),
      now,
    );
    return { at: now.toISOString(), windowMinutes: FORECAST_WINDOW_MIN, ...forecast };
  }
}

/** Folds counter cells and per-queue probes into one view per queue. */
export function buildBacklog(cells: BacklogCell[], edges: QueueEdges[], now: Date): BacklogView {
  const names = [...new Set([...edges.map((e) => e.queue), ...cells.map((c) => c.queue)])].sort();
  const queues = names.map((queue): QueueBacklogView => {
    const mine = cells.filter((c) => c.queue === queue);
    const sum = (pick: (c: BacklogCell) => boolean) =>
      mine.filter(pick).reduce((n, c) => n + c.count, 0);
    const priorities = [...new Set(mine.map((c) => c.priority))].sort((a, b) => a - b);
    const edge = edges.find((e) => e.queue === queue);
    const oldest = edge?.oldestPendingAt ? new Date(edge.oldestPendingAt) : null;
    return {
      queue,
      open: sum(() => true),
      waiting: sum((c) => c.status === 'pending'),
      claimed: sum((c) => c.status === 'claimed'),
      atRisk: sum((c) => c.slaState === 'at_risk'),
      breached: sum((c) => c.slaState === 'breached'),
      byPriority: priorities.map((priority) => ({
        priority,
        waiting: sum((c) => c.priority === priority && c.status === 'pending'),
        claimed: sum((c) => c.priority === priority && c.status === 'claimed'),
      })),
      oldestPendingAt: oldest?.toISOString() ?? null,
      oldestPendingAgeSeconds: oldest
        ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000))
        : null,
      nextDueAt: edge?.nextDueAt ? new Date(edge.nextDueAt).toISOString() : null,
    };
  });
  const total = (k: 'open' | 'waiting' | 'claimed' | 'atRisk' | 'breached') =>
    queues.reduce((n, q) => n + q[k], 0);
  return {
    at: now.toISOString(),
    totals: {
      open: total('open'),
      waiting: total('waiting'),
      claimed: total('claimed'),
      atRisk: total('atRisk'),
      breached: total('breached'),
    },
    queues,
  };
}

/** The range a figure was computed over (after rounding to whole buckets). */
export function rangeView(scope: StatsScope): StatsRangeView {
  const r = scope.filter.range;
  return {
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    grain: r.grain === 'm' ? 'minute' : 'hour',
  };
}
