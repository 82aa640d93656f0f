import { useEffect, useRef, useState } from 'react';
import { api } from '../api/session';
import type {
  AutomationView,
  ForecastView,
  OversightSummary,
  ReviewerStatsView,
  SlaView,
  ThroughputView,
  VersionStatsView,
} from './stats-view';

export interface FloorStats {
  throughput: ThroughputView | null;
  automation: AutomationView | null;
  sla: SlaView | null;
  forecast: ForecastView | null;
  reviewers: ReviewerStatsView[];
  versions: VersionStatsView[];
  oversight: { pipeline: string; view: OversightSummary | null }[];
}

const EMPTY: FloorStats = {
  throughput: null,
  automation: null,
  sla: null,
  forecast: null,
  reviewers: [],
  versions: [],
  oversight: [],
};
// A live push re-reads the figures, at most this often: a busy floor pushes every second.
const MIN_GAP_MS = 1500;
// Without pushes (a quiet floor), the last hour's figures still move on.
const IDLE_REFRESH_MS = 30_000;

const get = <T>(path: string) => api<T>('GET', path).catch(() => null);

// Breakers and audit bounds move slowly, and there is one request per pipeline: read them less often.
const OVERSIGHT_EVERY_MS = 30_000;

/**
 * The previous value when the new one is the same figures: the floor's tables are memoised on
 * these slices, so an unchanged answer (most of them, between two pushes) redraws nothing.
 */
function same<T>(previous: T, next: T): T {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

function keepUnchanged(previous: FloorStats, next: FloorStats): FloorStats {
  const kept = Object.fromEntries(
    (Object.keys(next) as (keyof FloorStats)[]).map((key) => [key, same(previous[key], next[key])]),
  ) as unknown as FloorStats;
  const changed = (Object.keys(kept) as (keyof FloorStats)[]).some((k) => kept[k] !== previous[k]);
  return changed ? kept : previous;
}

async function load(previous: FloorStats, withOversight: boolean): Promise<FloorStats> {
  const [throughput, automation, sla, forecast, reviewers, versions] = await Promise.all([
    get<ThroughputView>('/v1/stats/throughput'),
    get<AutomationView>('/v1/stats/automation'),
    get<SlaView>('/v1/stats/sla'),
    get<ForecastView>('/v1/stats/forecast'),
    get<{ reviewers: ReviewerStatsView[] }>('/v1/stats/reviewers'),
    get<{ versions: VersionStatsView[] }>('/v1/stats/versions'),
  ]);
  // There is no list of pipelines for leads: the pipelines with figures in the range are the ones to watch.
  const pipelines = [...new Set((versions?.versions ?? []).map((v) => v.pipeline))].sort();
  const known = new Set(previous.oversight.map((o) => o.pipeline));
  const oversight =
    withOversight || pipelines.some((p) => !known.has(p))
      ? await Promise.all(
          pipelines.map(async (pipeline) => ({
            pipeline,
            view: await get<OversightSummary>(
              `/v1/pipelines/${encodeURIComponent(pipeline)}/oversight`,
            ),
          })),
        )
      : previous.oversight;
  return keepUnchanged(previous, {
    throughput,
    automation,
    sla,
    forecast,
    reviewers: reviewers?.reviewers ?? [],
    versions: versions?.versions ?? [],
    oversight,
  });
}

/**
 * The last hour's figures from /v1/stats and each pipeline's oversight, re-read when the live feed
 * says something moved (`pulse` changes), throttled, and every 30 s regardless.
 */
export function useFloorStats(enabled: boolean, pulse: number): FloorStats {
  const [stats, setStats] = useState<FloorStats>(EMPTY);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const stopped = useRef(false);
  const latest = useRef<FloorStats>(EMPTY);
  const oversightAt = useRef(0);

  const refresh = useRef(() => {
    if (pending.current) return;
    const wait = Math.max(0, last.current + MIN_GAP_MS - Date.now());
    pending.current = setTimeout(async () => {
      pending.current = null;
      if (inFlight.current) return void refresh.current();
      inFlight.current = true;
      last.current = Date.now();
      const withOversight = Date.now() - oversightAt.current >= OVERSIGHT_EVERY_MS;
      if (withOversight) oversightAt.current = Date.now();
      const next = await load(latest.current, withOversight);
      inFlight.current = false;
      latest.current = next;
      if (!stopped.current) setStats(next);
    }, wait);
  });

  useEffect(() => {
    if (!enabled) return;
    stopped.current = false;
    const timer = setInterval(() => refresh.current(), IDLE_REFRESH_MS);
    return () => {
      stopped.current = true;
      clearInterval(timer);
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [enabled]);

  useEffect(() => {
    if (enabled) refresh.current();
  }, [enabled, pulse]);

  return stats;
}
