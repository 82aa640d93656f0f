import autocannon from 'autocannon';
import { createServer } from 'node:net';

/** What one run of the load generator saw: autocannon's result and exact 2xx latencies (ms). */
export interface DriveResult {
  result: autocannon.Result;
  p50: number;
  p99: number;
  max: number;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * POSTs `body` to url with autocannon, at a fixed concurrency or (overallRate) a fixed rate.
 * Latencies are also collected from every 2xx response: at a fixed rate autocannon's own
 * histogram is biased low (it back-fills "expected interval" samples of ceil(1 / rate) = 1 ms).
 */
export async function drive(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: { connections: number; duration: number; overallRate?: number },
): Promise<DriveResult> {
  const exact: number[] = [];
  const instance = autocannon({ url, method: 'POST', headers, body, timeout: 10, ...o });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) exact.push(ms);
  });
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  exact.sort((a, b) => a - b);
  return {
    result,
    p50: round2(percentile(exact, 50)),
    p99: round2(percentile(exact, 99)),
    max: round2(exact.at(-1) ?? NaN),
  };
}

/** A Prometheus text endpoint as `series → value` (series with its labels, as printed). */
export async function scrapeMetrics(metricsUrl: string): Promise<Map<string, number>> {
  const text = await fetch(metricsUrl).then(
    (r) => r.text(),
    () => '',
  );
  const metrics = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    metrics.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return metrics;
}

/** V8 heap (used, total) and RSS in MB from a Prometheus endpoint's default Node metrics. */
export async function scrapeMemory(
  metricsUrl: string,
  prefix: string,
): Promise<Record<string, number>> {
  const metrics = await scrapeMetrics(metricsUrl);
  const mb = (name: string): number => {
    const bytes = metrics.get(`${prefix}${name}`);
    return bytes === undefined ? NaN : Math.round(bytes / 104857.6) / 10;
  };
  return {
    heapUsedMb: mb('nodejs_heap_size_used_bytes'),
    heapTotalMb: mb('nodejs_heap_size_total_bytes'),
    rssMb: mb('process_resident_memory_bytes'),
  };
}
