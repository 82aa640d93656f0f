import { Agent, request } from 'node:http';

export interface PacedResult {
  sent: number;
  achievedPerSec: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** The slowest request of each second of the run, to tell periodic stalls from steady queueing. */
  maxPerSecond: number[];
  /** Requests answered more than 25 ms after they were due. */
  over25: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * Open-loop load at a constant rate: request i is due at t0 + i / rate, whatever the server
 * does, and its latency is counted from when it was due (no coordinated omission). autocannon's
 * overallRate sends each second's requests in a burst, which measures the burst, not the rate.
 */
export async function drivePaced(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: { rate: number; duration: number },
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const target = new URL(url);
  const total = Math.round(o.rate * o.duration);
  const latencies: number[] = [];
  const maxPerSecond = new Array<number>(Math.ceil(o.duration)).fill(0);
  let non2xx = 0;
  let errors = 0;
  const t0 = performance.now() + 50;
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) {
              const ms = performance.now() - due;
              latencies.push(ms);
              const second = Math.min(maxPerSecond.length - 1, Math.floor((due - t0) / 1000));
              maxPerSecond[second] = Math.max(maxPerSecond[second], round2(ms));
            } else non2xx++;
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / o.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(one(due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    achievedPerSec: round2(total / elapsed),
    non2xx,
    errors,
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    max: round2(latencies.at(-1) ?? NaN),
    maxPerSecond,
    over25: latencies.filter((ms) => ms > 25).length,
  };
}
