// npm run bench:prompts -- [ --resolves=20000 --seconds=10 --items=1000 --concurrency=8 --latency-ms=50]
// The prompt registry and regression runs, in a dedicated database (arbiter_bench_prompts,
// loopback Postgres and Redis), with the real api and worker in-process:
//  - resolve from the in-process cache: p50/p99 of the use case itself (`--resolves` calls), and
//    over HTTP with autocannon (`--seconds`, 16 connections): requests/s and p50/p99;
//  - a regression run of `--items` dataset items against a local fake chat-completions server
//    answering after `--latency-ms`, at ARBITER_REGRESSION_CONCURRENCY = `--concurrency`: wall
//    time and items/s.
// Prints JSON; drops the database at the end. Works with small counts (--items=20 --seconds=1).
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/api-app.factory';
import { createWorkerApp } from '../apps/worker/src/worker-app.factory';
import { loadConfig, parseAiProviders } from '../libs/config/src';
import { RegressionRunRepository, StartRegressionRun } from '../libs/datasets/src';
import { migrateDatabase } from '../libs/persistence/src';
import { ResolvePrompt } from '../libs/prompts/src';
import { QueueProducer } from '../libs/queue/src';
import { deleteKeysWithPrefix } from '../libs/testing/src';
import { FakeLlmServer } from '../test/support/fake-llm.server';
import { percentile, reportOnlyOnStdout, round, sleep } from './support/bench-run';
import { drive } from './support/load-driver';

const SERVER = 'postgres://postgres@127.0.0.1:5432';
const DB = 'arbiter_bench_prompts';
const PREFIX = '{bench-prompts}';
const API_KEY = 'bench-prompts-api-key-0123456789';
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RESOLVES = arg('resolves', 20_000);
const SECONDS = arg('seconds', 10);
const ITEMS = arg('items', 1000);
const CONCURRENCY = arg('concurrency', 8);
const LATENCY_MS = arg('latency-ms', 50);

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

async function main(): Promise<void> {
  const report = reportOnlyOnStdout();
  const llm = await FakeLlmServer.start();
  llm.script(() => ({
    content: 'Your refund arrives within 5 business days.',
    delayMs: LATENCY_MS,
  }));
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  const databaseUrl = `${SERVER}/${DB}`;
  await migrateDatabase(databaseUrl);
  const base = loadConfig({
    DATABASE_URL: databaseUrl,
    ARBITER_REDIS_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    ARBITER_WORKER_METRICS_PORT: '0',
    ARBITER_BOOTSTRAP_API_KEY: API_KEY,
    ARBITER_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    ARBITER_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    ARBITER_REGRESSION_CONCURRENCY: String(CONCURRENCY),
  });
  const problems: string[] = [];
  const providers = parseAiProviders(
    JSON.stringify([
      {
        name: 'gen',
        kind: 'openai-compatible',
        baseUrl: llm.baseUrl,
        model: 'fake-gen',
        region: 'local',
        pricePer1kInput: 0.001,
        pricePer1kOutput: 0.002,
      },
    ]),
    problems,
  );
  const config = { ...base, aiReview: { ...base.aiReview, providers } };
  let api: NestFastifyApplication | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    worker = await createWorkerApp(config);
    const url = await api.getUrl();
    const call = async (method: string, path: string, body: unknown, token: string) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    await call(
      'PUT',
      '/v1/pipelines/support?activate=true',
      {
        pipeline: 'support',
        signals: { grounding: { weight: 1 } },
        validators: [],
        thresholds: { autoApprove: 1, aiReview: 1 },
        review: { queue: 'support', priority: 5, sla: '30m' },
      },
      token,
    );
    await call(
      'PUT',
      '/v1/prompts/support-reply',
      {
        template: {
          defaultLanguage: 'en',
          variants: {
            en: [
              { role: 'system', content: 'You answer {{customer}} from the help centre.' },
              { role: 'user', content: '{{prompt}}' },
            ],
            ms: [
              { role: 'system', content: 'Anda menjawab {{customer}}.' },
              { role: 'user', content: '{{prompt}}' },
            ],
          },
        },
        variables: {
          type: 'object',
          properties: { customer: { type: 'string' }, prompt: { type: 'string' } },
          required: ['prompt'],
        },
        model: { provider: 'gen', model: 'fake-gen', maxTokens: 50 },
        labels: ['production'],
      },
      token,
    );

    // Resolve: the use case alone (cache warm), then over HTTP.
    const resolve = api.get(ResolvePrompt);
    const request = {
      variables: { customer: 'Ana', prompt: 'Where is my refund?' },
      language: 'ms',
      unit: 'u',
    };
    await resolve.execute('support-reply', request);
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < RESOLVES; i++) {
      const t = performance.now();
      await resolve.execute('support-reply', { ...request, unit: `user-${i}` });
      times.push(performance.now() - t);
    }
    const inProcessSeconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const http = await drive(
      `${url}/v1/prompts/support-reply/resolve`,
      { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      JSON.stringify(request),
      { connections: 16, duration: SECONDS },
    );

    // A regression run of ITEMS items (seeded directly: the run, not the seeding, is measured).
    const [{ id: client }] = (await api
      .get(DataSource)
      .query(`SELECT id FROM clients WHERE name = 'bootstrap'`)) as { id: string }[];
    const dataset = await call(
      'POST',
      '/v1/datasets',
      { pipeline: 'support', client, name: 'bench', prompt: 'support-reply', minSimilarity: 0.5 },
      token,
    );
    await api.get(DataSource).query(
      `INSERT INTO dataset_items (id, dataset_id, source, verdict, input, variables, output)
       SELECT gen_random_uuid(), $1, 'api', 'approved', jsonb_build_object('prompt', 'Question ' || i), jsonb_build_object('prompt', 'Question ' || i, 'customer', 'Ana'),
              '{"text": "Your refund arrives within 5 business days."}'::jsonb FROM generate_series(1, $2) i`,
      [dataset.id, ITEMS],
    );
    const runStarted = performance.now();
    const run = await api
      .get(StartRegressionRun)
      .execute(dataset.id as string, {}, { kind: 'api', by: 'bench' });
    const runs = api.get(RegressionRunRepository);
    let done = await runs.find(run.id);
    while (done && done.status !== 'completed' && done.status !== 'failed') {
      await sleep(50);
      done = await runs.find(run.id);
    }
    const wallSeconds = (performance.now() - runStarted) / 1000;

    report({
      bench: 'prompts',
      node: process.version,
      resolve: {
        inProcess: {
          calls: RESOLVES,
          p50Us: round(percentile(times, 50) * 1000, 1),
          p99Us: round(percentile(times, 99) * 1000, 1),
          perSecond: round(RESOLVES / inProcessSeconds, 0),
        },
        http: {
          connections: 16,
          seconds: SECONDS,
          requestsPerSecond: http.result.requests.average,
          p50Ms: http.p50,
          p99Ms: http.p99,
          non2xx: http.result.non2xx,
        },
      },
      regressionRun: {
        items: ITEMS,
        concurrency: CONCURRENCY,
        providerLatencyMs: LATENCY_MS,
        status: done?.status,
        error: done?.error ?? null,
        passRate: done?.passRate,
        errored: done?.errored,
        wallSeconds: round(wallSeconds, 2),
        itemsPerSecond: round(ITEMS / wallSeconds, 1),
        costUsd: done?.costUsd,
        providerRequests: llm.received.length,
      },
    });
  } finally {
    await worker?.close();
    if (api) {
      await deleteKeysWithPrefix(api.get(QueueProducer).connection, PREFIX).catch(() => undefined);
      await api.close();
    }
    await llm.stop();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
