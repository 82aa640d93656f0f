import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scrapeMetrics } from './load-driver';

/**
 * Tells where the slow requests of a paced run came from: the load generator's own event loop,
 * the server's handling (its request histogram counts from receipt to reply), the server's event
 * loop or its garbage collector. Read from /metrics before and after the run, so the server's
 * figures cover exactly the run (prom-client resets its event-loop histogram on each scrape).
 */
export interface StallReport {
  /** This process (the load generator): event-loop delay during the run. */
  clientLoopDelayMs: { p99: number; max: number };
  /** Requests the server itself took longer than `slowMs` over (from its own histogram). */
  serverSlowRequests: number;
  serverRequests: number;
  /** The server's event-loop delay during the run (prom-client's monitor). */
  serverLoopDelayMs: { p99: number; max: number };
  /** Garbage collection pauses during the run, by kind: count and total ms. */
  serverGc: Record<string, { count: number; totalMs: number }>;
}

type Metrics = Map<string, number>;

const round2 = (n: number): number => Math.round(n * 100) / 100;

const delta = (after: Metrics, before: Metrics, key: string): number =>
  (after.get(key) ?? 0) - (before.get(key) ?? 0);

export class StallDiagnostics {
  private readonly loop = monitorEventLoopDelay({ resolution: 5 });
  private before: Metrics = new Map();

  constructor(
    private readonly metricsUrl: string,
    private readonly prefix: string,
    /** The request histogram's series for the route under load, e.g. `method="POST",route="/v1/submissions",status="202"`. */
    private readonly requestLabels: string,
    /** A bucket bound of that histogram, in seconds. */
    private readonly slowSeconds: number,
  ) {}

  async start(): Promise<void> {
    this.before = await scrapeMetrics(this.metricsUrl);
    this.loop.reset();
    this.loop.enable();
  }

  async stop(): Promise<StallReport> {
    this.loop.disable();
    const after = await scrapeMetrics(this.metricsUrl);
    const histogram = 'arbiter_http_request_duration_seconds';
    const requests = delta(after, this.before, `${histogram}_count{${this.requestLabels}}`);
    const fast = delta(
      after,
      this.before,
      `${histogram}_bucket{le="${this.slowSeconds}",${this.requestLabels}}`,
    );
    const gc: StallReport['serverGc'] = {};
    for (const kind of ['minor', 'major', 'incremental', 'weakcb']) {
      const name = `${this.prefix}nodejs_gc_duration_seconds`;
      const count = delta(after, this.before, `${name}_count{kind="${kind}"}`);
      if (count)
        gc[kind] = {
          count,
          totalMs: round2(1000 * delta(after, this.before, `${name}_sum{kind="${kind}"}`)),
        };
    }
    const ms = (key: string): number => round2(1000 * (after.get(`${this.prefix}${key}`) ?? NaN));
    return {
      clientLoopDelayMs: {
        p99: round2(this.loop.percentile(99) / 1e6),
        max: round2(this.loop.max / 1e6),
      },
      serverSlowRequests: requests - fast,
      serverRequests: requests,
      serverLoopDelayMs: {
        p99: ms('nodejs_eventloop_lag_p99_seconds'),
        max: ms('nodejs_eventloop_lag_max_seconds'),
      },
      serverGc: gc,
    };
  }
}
