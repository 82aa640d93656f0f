// npm run bench:delivery [-- --latency=300 --rate=20 --throughput=2000 --concurrency=64]
// (compiled with swc first: Nest needs decorator metadata, which tsx does not emit).
// Boots the real api and worker in-process against a fresh, migrated database (arbiter_bench_delivery)
// and a private Redis prefix, with a local receiver on 127.0.0.1 that verifies every signature
// with the `standardwebhooks` package (as a real receiver would; it shares this process's CPU).
//  1. latency: submissions at a steady modest rate (policy approves everything); for each webhook,
//     receipt time − the submission's decided_at = the latency delivery adds to a decision. The
//     rate is kept low on purpose: scoring shares this process's CPU, and a score backlog would
//     measure scoring, not delivery;
//  2. throughput: with the deliver queue paused, N submissions are decided and their events
//     recorded; the queue is resumed and the time until the receiver has all N gives deliveries/s.
// Prints one JSON document on stdout (progress on stderr).
import { loadConfig } from '@arbiter/config';
import { migrateDatabase } from '@arbiter/persistence';
import { QueueName, QueueProducer } from '@arbiter/queue';
import {
  databaseUrl,
  deleteKeysWithPrefix,
  dropTestDatabase,
  expectEventually,
  TEST_ADMIN,
  TEST_API_KEY,
  testConfig,
} from '@arbiter/testing';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/api-app.factory';
import { createWorkerApp } from '../apps/worker/src/worker-app.factory';
import { HttpClient } from '../test/support/http.client';
import { benchLog, percentile, reportOnlyOnStdout, round } from './support/bench-run';
import { testWebhookConfig, WebhookReceiver } from '../test/support/webhook-receiver.server';

const arg = (name: string, fallback: number): number => {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = flag ? Number(flag.split('=')[1]) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
};
const opts = {
  latency: arg('latency', 300),
  rate: arg('rate', 20),
  throughput: arg('throughput', 2000),
  concurrency: arg('concurrency', 64),
};
const DB = 'arbiter_bench_delivery';
const log = benchLog('delivery');

async function pool<T>(
  count: number,
  inFlight: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const printReport = reportOnlyOnStdout();
  await dropTestDatabase(DB);
  await migrateDatabase(databaseUrl(DB));
  const prefix = `{bench-delivery-${process.pid}}`;
  const config = testConfig(databaseUrl(DB), prefix, {
    logLevel: 'error',
    databasePoolSize: 20,
    webhooks: testWebhookConfig({
      deliverConcurrency: opts.concurrency,
      retryHorizonMs: loadConfig({}).webhooks.retryHorizonMs,
    }),
  });
  const receiver = await WebhookReceiver.start();
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const worker = await createWorkerApp(config);
  const http = new HttpClient(await api.getUrl());
  const key = { token: TEST_API_KEY };
  try {
    const admin = (await http.post<{ accessToken: string }>('/v1/auth/login', TEST_ADMIN)).body
      .accessToken;
    const policy = {
      pipeline: 'bench',
      signals: { grounding: { weight: 1 } },
      validators: [],
      thresholds: { autoApprove: 0, aiReview: 0 },
      review: { queue: 'bench', priority: 5, sla: '1h' },
    };
    if (
      (await http.put('/v1/pipelines/bench?activate=true', policy, { token: admin })).status !== 200
    )
      throw new Error('policy refused');
    await http.put('/v1/webhook', { url: receiver.url() }, key);
    receiver.secrets = (
      await http.get<{ secrets: { secret: string }[] }>('/v1/webhook', key)
    ).body.secrets.map((s) => s.secret);
    const body = {
      pipeline: 'bench',
      input: {
        prompt: 'How long do refunds take?',
        context: [
          { id: 'kb', text: 'Refunds are issued within 14 days of the return being received.' },
        ],
      },
      output: { text: 'Refunds are issued within 14 days of the return being received.' },
      model: { provider: 'openai', name: 'gpt-4o-mini' },
    };
    const submit = async () => {
      const res = await http.post('/v1/submissions', body, key);
      if (res.status !== 202) throw new Error(`submission refused: ${res.status}`);
    };

    log(`latency: ${opts.latency} submissions at ${opts.rate}/s`);
    const paced = performance.now();
    await Promise.all(
      Array.from({ length: opts.latency }, async (_, i) => {
        await new Promise((r) => setTimeout(r, paced + (i * 1000) / opts.rate - performance.now()));
        await submit();
      }),
    );
    const latencyHooks = await receiver.waitFor(opts.latency, 120_000);
    const latencies = latencyHooks
      .map((h) => h.receivedAt - Date.parse(String(h.payload?.data.decidedAt)))
      .sort((a, b) => a - b);
    const db = api.get(DataSource);
    // Where the time goes: decision → outbox row, outbox row → attempt recorded (after the 2xx).
    const [stages] = await db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - s.decided_at) * 1000) AS "decisionToOutboxP50",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.created_at - e.created_at) * 1000) AS "outboxToAttemptP50",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY a.latency_ms) AS "httpP50"
         FROM delivery_events e JOIN submissions s ON s.id = e.submission_id JOIN delivery_attempts a ON a.event_id = e.id`,
    );

    log(`throughput: ${opts.throughput} events queued while paused, then released`);
    receiver.received.length = 0;
    const producer = api.get(QueueProducer);
    const deliver = producer.queue(QueueName.Deliver);
    await deliver.pause();
    await pool(opts.throughput, 32, submit);
    await expectEventually(
      async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM delivery_events WHERE status = 'pending'`,
        );
        if (n < opts.throughput) throw new Error(`${n} events recorded`);
      },
      300_000,
      200,
    );
    const started = performance.now();
    await deliver.resume();
    await receiver.waitFor(opts.throughput, 300_000);
    const seconds = (performance.now() - started) / 1000;
    const verified = receiver.verified.length;

    printReport({
      bench: 'delivery',
      receiver: 'local http on 127.0.0.1, standardwebhooks verification per request, 204',
      deliverConcurrency: opts.concurrency,
      latencyPhaseRatePerSecond: opts.rate,
      loadAverage1m: round(loadavg()[0]),
      cpus: cpus().length,
      throughput: {
        deliveries: opts.throughput,
        seconds: round(seconds),
        deliveriesPerSecond: Math.round(opts.throughput / seconds),
        allSignaturesVerified: verified === opts.throughput,
      },
      addedLatencyFromDecisionMs: {
        n: latencies.length,
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1],
        stagesP50: Object.fromEntries(
          Object.entries(stages as Record<string, number>).map(([k, v]) => [k, round(Number(v))]),
        ),
      },
      node: process.version,
    });
  } finally {
    await worker.close();
    await deleteKeysWithPrefix(api.get(QueueProducer).connection, prefix).catch(() => undefined);
    await api.close();
    await receiver.stop();
    await dropTestDatabase(DB);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
