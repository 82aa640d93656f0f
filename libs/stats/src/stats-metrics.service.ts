import { Injectable, OnModuleInit } from '@nestjs/common';
import { DECIDERS } from './flow-stats.service';
import { DURATION_BUCKETS_MS } from './stats-rules';
import { FloorStats } from './floor-stats.service';
import { FlowRepository } from './flow.repository';
import { Gauge, Metric } from 'prom-client';
import { ProcessMetrics } from '@arbiter/observability';

interface Sample {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

/**
 * The lead figures on /metrics, read on scrape: backlog gauges from the counters, and counters
 * and histograms from the all-time rollup grain (monotonic across replicas, since Postgres holds them).
 */
@Injectable()
export class StatsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ProcessMetrics,
    private readonly floor: FloorStats,
    private readonly flows: FlowRepository,
  ) {}

  onModuleInit(): void {
    const registry = this.metrics.registry;
    // The three floor gauges are collected concurrently on a scrape: one backlog read serves them all.
    let cached: { at: number; value: ReturnType<FloorStats['backlog']> } | null = null;
    const backlog = () => {
      if (!cached || Date.now() - cached.at > 500)
        cached = { at: Date.now(), value: this.floor.backlog({ queues: null }) };
      return cached.value;
    };
    new Gauge({
      name: 'arbiter_review_backlog',
      help: 'Open review tasks per queue, priority and status (pending = waiting, claimed)',
      labelNames: ['queue', 'priority', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of (await backlog()).queues) {
          for (const p of q.byPriority) {
            this.set({ queue: q.queue, priority: p.priority, status: 'pending' }, p.waiting);
            this.set({ queue: q.queue, priority: p.priority, status: 'claimed' }, p.claimed);
          }
        }
      },
    });
    new Gauge({
      name: 'arbiter_review_sla_tasks',
      help: 'Open review tasks at risk or breached, per queue',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of (await backlog()).queues) {
          this.set({ queue: q.queue, state: 'at_risk' }, q.atRisk);
          this.set({ queue: q.queue, state: 'breached' }, q.breached);
        }
      },
    });
    new Gauge({
      name: 'arbiter_review_oldest_pending_age_seconds',
      help: 'Age of the oldest waiting task per queue (0 when none waits)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of (await backlog()).queues)
          this.set({ queue: q.queue }, q.oldestPendingAgeSeconds ?? 0);
      },
    });
    registry.registerMetric(
      this.derived(
        'arbiter_stats_arrivals_total',
        'counter',
        'Submissions received (rollups, all time)',
        async () => [
          {
            value: (await this.flows.allTime(['arrival'])).reduce((n, r) => n + r.count, 0),
            labels: {},
          },
        ],
      ),
    );
    registry.registerMetric(
      this.derived(
        'arbiter_stats_decisions_total',
        'counter',
        'Final decisions by route (decidedBy) and outcome (rollups, all time)',
        async () =>
          sumBy(await this.flows.allTime(['final']), (r) => r.label).map(([label, value]) => {
            const [route, outcome] = label.split(':');
            return { value, labels: { route, outcome } };
          }),
      ),
    );
    registry.registerMetric(
      this.derived(
        'arbiter_stats_routed_total',
        'counter',
        'Routes chosen by the score stage (rollups, all time)',
        async () =>
          sumBy(await this.flows.allTime(['route']), (r) => r.label).map(([route, value]) => ({
            value,
            labels: { route },
          })),
      ),
    );
    registry.registerMetric(
      this.derived(
        'arbiter_stats_time_to_decision_seconds',
        'histogram',
        'Submission to final decision, by route (rollups, all time)',
        async () =>
          histogramSamples(
            'arbiter_stats_time_to_decision_seconds',
            await this.flows.allTime(['ttd']),
          ),
      ),
    );
  }

  /** A metric whose samples are computed on scrape (prom-client formats any object with get()). */
  private derived(
    name: string,
    type: 'counter' | 'histogram',
    help: string,
    values: () => Promise<Sample[]>,
  ): Metric {
    const get = async () => ({ name, help, type, aggregator: 'sum', values: await values() });
    return {
      name,
      help,
      type,
      aggregator: 'sum',
      get,
      reset: () => undefined,
    } as unknown as Metric;
  }
}

function sumBy<T extends { count: number }>(rows: T[], key: (r: T) => string): [string, number][] {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
  return [...out.entries()];
}

/** Cumulative Prometheus buckets (le in seconds), _sum and _count per route from `route:index` rows. */
export function histogramSamples(
  name: string,
  rows: { label: string; count: number; total: number }[],
): Sample[] {
  const samples: Sample[] = [];
  for (const route of DECIDERS) {
    const mine = rows.filter((r) => r.label.startsWith(`${route}:`));
    const byIndex = new Map<number, number>();
    for (const r of mine) {
      const index = Number(r.label.split(':')[1]);
      byIndex.set(index, (byIndex.get(index) ?? 0) + r.count);
    }
    let cumulative = 0;
    DURATION_BUCKETS_MS.forEach((bound, i) => {
      cumulative += byIndex.get(i) ?? 0;
      samples.push({
        metricName: `${name}_bucket`,
        value: cumulative,
        labels: { route, le: bound / 1000 },
      });
    });
    const count = mine.reduce((n, r) => n + r.count, 0);
    samples.push({ metricName: `${name}_bucket`, value: count, labels: { route, le: '+Inf' } });
    samples.push({
      metricName: `${name}_sum`,
      value: mine.reduce((n, r) => n + r.total, 0) / 1000,
      labels: { route },
    });
    samples.push({ metricName: `${name}_count`, value: count, labels: { route } });
  }
  return samples;
}
