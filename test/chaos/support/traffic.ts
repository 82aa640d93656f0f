import { randomUUID } from 'node:crypto';
import { submissionBody } from '../../support/fixtures';

/** What intake answered while one phase (before, during, after a fault) lasted. */
export interface PhaseFigures {
  sent: number;
  statuses: Record<string, number>;
  /** No answer within the request timeout. */
  hangs: number;
  slowestMs: number;
  /** ms from the phase's start to its first 202 (null: none). */
  firstAcceptedAfterMs: number | null;
  startedAt: number;
}

const PIPELINES = ['human', 'human', 'human', 'ai', 'ai', 'auto'];
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Continuous submissions from one client at a steady rate, each with its own Idempotency-Key.
 * A request whose answer is lost is retried with the same key until it is answered (what a
 * well-behaved client does), so `accepted` is every submission the client was told was taken.
 */
export class Traffic {
  /** Every submission the client was told was accepted, with when (ms since the epoch). */
  readonly accepted = new Map<string, number>();
  readonly phases = new Map<string, PhaseFigures>();
  private phase = 'before';
  private running = false;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly perSecond = 12,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      const every = 1000 / this.perSecond;
      let next = performance.now();
      while (this.running) {
        const request = this.submit(randomUUID()).finally(() => this.inFlight.delete(request));
        this.inFlight.add(request);
        next += every;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
    })();
  }

  /** Marks the requests sent from now on as belonging to `name`. */
  mark(name: string): void {
    this.phase = name;
    this.figures(name);
  }

  figures(name: string): PhaseFigures {
    let figures = this.phases.get(name);
    if (!figures)
      this.phases.set(
        name,
        (figures = {
          sent: 0,
          statuses: {},
          hangs: 0,
          slowestMs: 0,
          firstAcceptedAfterMs: null,
          startedAt: Date.now(),
        }),
      );
    return figures;
  }

  /** Stops sending and waits for every request in flight (and its retries) to be answered. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async submit(key: string): Promise<void> {
    const body = JSON.stringify(
      submissionBody({ pipeline: PIPELINES[Math.floor(Math.random() * PIPELINES.length)] }),
    );
    for (let attempt = 0; attempt < 200; attempt++) {
      const figures = this.figures(this.phase);
      figures.sent++;
      const started = performance.now();
      let status: string;
      try {
        const res = await fetch(`${this.baseUrl}/v1/submissions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const answer = (await res.json().catch(() => ({}))) as { id?: string };
        status = String(res.status);
        if ((res.status === 202 || res.status === 200) && answer.id) {
          if (!this.accepted.has(answer.id)) this.accepted.set(answer.id, Date.now());
          figures.firstAcceptedAfterMs ??= Date.now() - figures.startedAt;
        }
      } catch (error) {
        status = (error as Error).name === 'TimeoutError' ? 'hang' : 'network';
        if (status === 'hang') figures.hangs++;
      }
      figures.slowestMs = Math.max(figures.slowestMs, Math.round(performance.now() - started));
      figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
      if (status === '202' || status === '200' || (status.startsWith('4') && status !== '429'))
        return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
