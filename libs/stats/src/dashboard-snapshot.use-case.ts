import { Injectable } from '@nestjs/common';
import type { DashboardDelta, DashboardQueue, DashboardSnapshot } from '@arbiter/contracts';
import { FloorStats } from './floor-stats.service';
import { StatsScopeRepository } from './stats-scope.repository';

/** The live picture a lead's dashboard shows: backlog per queue, SLA state and forecast. */
@Injectable()
export class DashboardSnapshots {
  constructor(
    private readonly floor: FloorStats,
    private readonly scope: StatsScopeRepository,
  ) {}

  /**
   * Counters, index probes and 15 minutes of rollups: cheap enough to run every second. Of one
   * workspace's queues when given one (null: every queue).
   */
  async take(now = new Date(), workspaceId: string | null = null): Promise<DashboardSnapshot> {
    const queues = workspaceId ? await this.scope.queuesOfWorkspace(workspaceId) : null;
    const forecast = await this.floor.forecast({ queues }, now);
    const backlog = await this.floor.backlog({ queues }, now);
    return {
      at: now.toISOString(),
      totals: backlog.totals,
      queues: backlog.queues.map((q) => {
        const f = forecast.queues.find((x) => x.queue === q.queue);
        return {
          ...q,
          inflowPerMin: f?.inflowPerMin ?? 0,
          clearedPerMin: f?.clearedPerMin ?? 0,
          emptiesAt: f?.emptiesAt ?? null,
          breachAt: f?.breachAt ?? null,
          trend: f?.trend ?? 'empty',
        };
      }),
      nextBreach: forecast.nextBreach,
    };
  }

  /** What changed between two snapshots; null when nothing a lead would see moved (ages tick on their own). */
  diff(before: DashboardSnapshot, after: DashboardSnapshot): DashboardDelta | null {
    const key = (q: DashboardQueue) =>
      JSON.stringify({ ...q, oldestPendingAgeSeconds: undefined, emptiesAt: undefined });
    const old = new Map(before.queues.map((q) => [q.queue, key(q)]));
    const changed = after.queues.filter((q) => old.get(q.queue) !== key(q));
    const removed = before.queues
      .map((q) => q.queue)
      .filter((name) => !after.queues.some((q) => q.queue === name));
    const breachMoved = JSON.stringify(before.nextBreach) !== JSON.stringify(after.nextBreach);
    if (changed.length === 0 && removed.length === 0 && !breachMoved) return null;
    return {
      at: after.at,
      totals: after.totals,
      queues: changed,
      removed,
      nextBreach: after.nextBreach,
    };
  }
}
