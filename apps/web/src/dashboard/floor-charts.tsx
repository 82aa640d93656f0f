import { useMemo } from 'react';
import { formatShare } from '../lib/time';
import { BarList, LineChart, type Bar, type Series } from './charts';
import type { BacklogSample } from './use-dashboard-feed';
import type { FloorStats } from './use-floor-stats';

const seconds = (ms: number | null) =>
  ms === null
    ? '—'
    : ms < 60_000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${(ms / 60_000).toFixed(1)} min`;

const ROUTE_NAMES: Record<string, string> = {
  auto_approved: 'approved automatically',
  policy_rejected: 'rejected by policy',
  ai_review: 'AI reviewer',
  human_review: 'people',
};

/** The live floor's charts: flow, backlog, time to decision, SLA breaches, automation by route. */
export function FloorCharts({ stats, history }: { stats: FloorStats; history: BacklogSample[] }) {
  const flow = useMemo<Series[]>(() => {
    const series = stats.throughput?.series ?? [];
    return [
      {
        name: 'Arrivals',
        style: 'solid',
        tone: 'accent',
        points: series.map((p) => ({ t: Date.parse(p.at), v: p.arrivals })),
      },
      {
        name: 'Decisions',
        style: 'dashed',
        tone: 'ok',
        points: series.map((p) => ({ t: Date.parse(p.at), v: p.decisions })),
      },
    ];
  }, [stats.throughput]);

  // The last 10 minutes of pushes: enough to see a trend, few enough points to redraw every second.
  const recent = useMemo(() => history.slice(-600), [history]);
  const backlog = useMemo<Series[]>(
    () => [
      {
        name: 'Backlog waiting',
        style: 'solid',
        tone: 'accent',
        points: recent.map((h) => ({ t: h.t, v: h.waiting })),
      },
      {
        name: 'Backlog in review',
        style: 'dotted',
        tone: 'warn',
        points: recent.map((h) => ({ t: h.t, v: h.claimed })),
      },
    ],
    [recent],
  );

  const ttd = useMemo<Bar[]>(
    () =>
      Object.entries(stats.throughput?.timeToDecision ?? {})
        .filter(([, f]) => f.count > 0)
        .flatMap(([key, f]) => [
          { label: `${key} p50`, value: f.p50Ms, text: seconds(f.p50Ms), tone: 'accent' as const },
          { label: `${key} p90`, value: f.p90Ms, text: seconds(f.p90Ms), tone: 'warn' as const },
        ]),
    [stats.throughput],
  );

  const breaches = useMemo<Bar[]>(
    () =>
      (stats.sla?.queues ?? []).map((q) => ({
        label: q.queue,
        value: q.breachRate,
        text: `${formatShare(q.breachRate)} (${q.closedAfterDue} of ${q.closed} late)`,
        tone: q.breachRate ? ('bad' as const) : ('ok' as const),
      })),
    [stats.sla],
  );

  const routes = useMemo<Bar[]>(
    () =>
      Object.entries(stats.automation?.routes ?? {})
        .sort((a, b) => b[1].count - a[1].count)
        .map(([route, r]) => ({
          label: ROUTE_NAMES[route] ?? route,
          value: r.share,
          text: `${formatShare(r.share)} (${r.count})`,
          tone: route === 'auto_approved' ? ('ok' as const) : ('accent' as const),
        })),
    [stats.automation],
  );

  return (
    <div className="charts">
      <LineChart
        title="Arrivals and decisions per minute"
        series={flow}
        empty="No arrivals in the last hour."
      />
      <LineChart
        title="Backlog over time (live)"
        series={backlog}
        empty="Waiting for the live feed…"
      />
      <BarList
        title="Time to decision, p50 and p90"
        bars={ttd}
        empty="No decisions in the last hour."
      />
      <BarList
        title="SLA breach rate by queue"
        bars={breaches}
        max={1}
        empty="No task closed in the last hour."
      />
      <BarList
        title="Automation share by route"
        bars={routes}
        max={1}
        empty="Nothing routed in the last hour."
      />
    </div>
  );
}
