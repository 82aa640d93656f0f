// npm run bench:stats [-- --events=10000000]
// Lead stats at scale. In a dedicated database (arbiter_bench_stats, loopback Postgres and Redis)
// it seeds history in three steps — 100k, 1M, 10M submission events (5 per submission; half the
// submissions go to people, so 1M review tasks at the end) — and after each step runs the rollup
// to completion (timed), then times every /v1/stats endpoint over HTTP against the real api.
// Prints JSON; drops the database at the end.
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApiApp } from '../apps/api/src/api-app.factory';
import { StatsReconcile, StatsRollup } from '@arbiter/stats';
import { createWorkerApp } from '../apps/worker/src/worker-app.factory';
import { loadConfig } from '../libs/config/src';
import { migrateDatabase } from '../libs/persistence/src';
import { QueueProducer } from '../libs/queue/src';
import { deleteKeysWithPrefix } from '../libs/testing/src';
import { RollupRepository } from '../libs/stats/src';
import { reportOnlyOnStdout } from './support/bench-run';

const SERVER = 'postgres://postgres@127.0.0.1:5432';
const DB = 'arbiter_bench_stats';
const PREFIX = '{bench-stats}';
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };
const finalEvents = Number(
  process.argv.find((a) => a.startsWith('--events='))?.slice(9) ?? 10_000_000,
);
const STEPS = [finalEvents / 100, finalEvents / 10, finalEvents];
const REQUESTS = 200;
// History rate: 100k events per 2 hours, placed further back with each step (newest first).
const EVENTS_PER_HOUR = 50_000;
const QUEUES = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

const uuidOf = (expr: string) =>
  `('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;

/** Submissions [from, to) spread over [startH, endH) hours ago, with 5 events each, tasks and decisions. */
async function seed(
  db: Client,
  from: number,
  to: number,
  startH: number,
  endH: number,
): Promise<void> {
  const at = `now() - make_interval(secs => ${startH * 3600} + (n - ${from})::float8 / ${to - from} * ${(endH - startH) * 3600})`;
  await db.query(`
    INSERT INTO submissions (id, client_id, pipeline_id, policy_version_id, status, request_hash, input, output, model, prompt_version, decision, created_at, updated_at, decided_at)
    SELECT ${uuidOf('n')}, (SELECT id FROM clients LIMIT 1), pv.pipeline_id, pv.id,
           CASE WHEN n % 50 = 5 THEN 'human_review' WHEN n % 10 = 3 OR (n % 10 >= 5 AND n % 7 = 0) THEN 'rejected' ELSE 'approved' END,
           'bench', '{}', '{"text": "x"}', jsonb_build_object('provider', 'openai', 'name', 'gpt', 'version', 'v' || (n % 3)), 'p' || (n % 2),
           CASE WHEN n % 50 = 5 THEN NULL ELSE jsonb_build_object(
             'decidedBy', CASE WHEN n % 10 < 3 THEN 'auto' WHEN n % 10 = 3 THEN 'policy' WHEN n % 10 = 4 THEN 'ai' ELSE 'human' END,
             'outcome', CASE WHEN n % 10 = 3 OR (n % 10 >= 5 AND n % 7 = 0) THEN 'rejected' ELSE 'approved' END) END,
           ${at}, ${at}, ${at} + interval '1 minute'
      FROM generate_series(${from}, ${to - 1}) n
      JOIN LATERAL (SELECT id, pipeline_id FROM policy_versions ORDER BY version, pipeline_id OFFSET (n % 4) LIMIT 1) pv ON true`);
  await db.query(`
    INSERT INTO review_tasks (id, submission_id, queue, status, priority, due_at, sla_state, claimed_by, created_at, updated_at, decided_at)
    SELECT ${uuidOf('n')}, ${uuidOf('n')}, 'q' || (n % 8),
           CASE WHEN n % 50 = 5 THEN (CASE WHEN n % 100 = 5 THEN 'claimed' ELSE 'pending' END) ELSE 'decided' END,
           1 + n % 5, s.created_at + interval '30 minutes', CASE WHEN n % 50 = 5 THEN 'breached' ELSE 'ok' END,
           CASE WHEN n % 100 = 5 THEN (SELECT id FROM users ORDER BY email LIMIT 1) END,
           s.created_at + interval '2 seconds', s.created_at,
           CASE WHEN n % 50 = 5 THEN NULL ELSE s.created_at + interval '1 minute' END
      FROM generate_series(${from}, ${to - 1}) n JOIN submissions s ON s.id = ${uuidOf('n')} WHERE n % 10 >= 5`);
  await db.query(`
    INSERT INTO review_decisions (id, task_id, submission_id, reviewer_id, action, handling_ms, created_at)
    SELECT t.id, t.id, t.submission_id, u.id, CASE WHEN s.status = 'rejected' THEN 'reject' ELSE 'approve' END, 5000 + (n::bigint * 7919) % 120000, t.decided_at
      FROM generate_series(${from}, ${to - 1}) n JOIN review_tasks t ON t.id = ${uuidOf('n')} JOIN submissions s ON s.id = t.submission_id
      JOIN LATERAL (SELECT id FROM users WHERE role = 'reviewer' ORDER BY email OFFSET (n % 16) LIMIT 1) u ON true
     WHERE n % 10 >= 5 AND t.status = 'decided'`);
  await db.query(`
    INSERT INTO submission_events (submission_id, type, from_status, to_status, actor, data, created_at)
    SELECT s.id, CASE k WHEN 5 THEN 'delivery.note' ELSE 'transition' END,
           CASE k WHEN 1 THEN NULL WHEN 2 THEN 'received' WHEN 3 THEN 'scoring' WHEN 4 THEN
             CASE WHEN n % 10 = 4 THEN 'ai_review' WHEN n % 10 >= 5 THEN 'human_review' ELSE 'approved' END ELSE NULL END,
           CASE k WHEN 1 THEN 'received' WHEN 2 THEN 'scoring'
             WHEN 3 THEN CASE WHEN n % 10 < 3 THEN 'approved' WHEN n % 10 = 3 THEN 'rejected' WHEN n % 10 = 4 THEN 'ai_review' ELSE 'human_review' END
             WHEN 4 THEN CASE WHEN n % 10 < 4 THEN 'approved' WHEN n % 50 = 5 THEN 'human_review' ELSE s.status END ELSE NULL END,
           'bench', NULL,
           CASE WHEN k = 4 AND n % 10 >= 5 THEN s.created_at + interval '1 minute' ELSE s.created_at + k * interval '1 second' END
      FROM generate_series(${from}, ${to - 1}) n JOIN submissions s ON s.id = ${uuidOf('n')}, generate_series(1, 5) k
     ORDER BY n, k`);
}

async function setup(db: Client): Promise<void> {
  await db.query(`INSERT INTO clients (id, name) VALUES (gen_random_uuid(), 'bench')`);
  for (const key of ['claims', 'support']) {
    await db.query(
      `INSERT INTO pipelines (id, key, active_version) VALUES (gen_random_uuid(), $1, 2)`,
      [key],
    );
    for (const v of [1, 2]) {
      await db.query(
        `INSERT INTO policy_versions (id, pipeline_id, version, document, checksum, source)
        SELECT gen_random_uuid(), id, $2::int, jsonb_build_object('review', jsonb_build_object('queue', 'q' || $2::int)), 'x', 'bench' FROM pipelines WHERE key = $1`,
        [key, v],
      );
    }
  }
  for (const q of QUEUES) await db.query(`INSERT INTO review_queues (name) VALUES ($1)`, [q]);
  await db.query(`INSERT INTO users (id, email, password_hash, role)
    SELECT gen_random_uuid(), 'reviewer' || lpad(i::text, 2, '0') || '@bench.local', 'x', 'reviewer' FROM generate_series(1, 16) i`);
}

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] * 100) / 100;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function timeEndpoints(
  base: string,
  token: string,
): Promise<Record<string, { p50: number; p99: number; max: number }>> {
  const paths: Record<string, string> = {
    backlog: 'backlog',
    sla: 'sla',
    forecast: 'forecast',
    throughput: 'throughput',
    automation: 'automation',
    reviewers: 'reviewers',
    versions: 'versions',
    'throughput 24h (hourly)': 'throughput?from=' + new Date(Date.now() - 86_400_000).toISOString(),
    'automation pipeline=claims': 'automation?pipeline=claims',
    'backlog queue=q1': 'backlog?queue=q1',
  };
  const out: Record<string, { p50: number; p99: number; max: number }> = {};
  for (const [name, path] of Object.entries(paths)) {
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS + 10; i++) {
      const started = performance.now();
      const res = await fetch(`${base}/v1/stats/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      if (i >= 10) samples.push(performance.now() - started); // first 10: warm-up
    }
    out[name] = summarize(samples);
  }
  // Export of the last hour as CSV (streamed): time to its first decision row (the header line
  // goes out before any query, so the first byte alone would say little), and to its end.
  const firstRow: number[] = [];
  const whole: number[] = [];
  let rows = 0;
  for (let i = 0; i < 22; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/v1/stats/export?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const reader = res.body!.getReader();
    let lineBreaks = 0;
    let seenRow = false;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      for (const byte of chunk.value) if (byte === 10) lineBreaks++;
      if (!seenRow && lineBreaks >= 2) {
        seenRow = true;
        if (i >= 2) firstRow.push(performance.now() - started); // first 2: warm-up
      }
    }
    if (i >= 2) whole.push(performance.now() - started);
    rows = lineBreaks - 1;
  }
  out['export 1h csv: first row'] = summarize(firstRow);
  out[`export 1h csv: all ${rows} rows`] = summarize(whole);
  return out;
}

async function main(): Promise<void> {
  const printReport = reportOnlyOnStdout();
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  const url = `${SERVER}/${DB}`;
  await migrateDatabase(url);
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    ARBITER_REDIS_PREFIX: PREFIX,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ARBITER_BOOTSTRAP_API_KEY: 'bench-stats-key-0123456789',
    ARBITER_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    ARBITER_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    ARBITER_WORKER_METRICS_PORT: '0',
    DATABASE_POOL_SIZE: '10',
    ARBITER_STATS_ROLLUP_EVERY_MS: '3600000',
    ARBITER_STATS_RECONCILE_EVERY_MS: '3600000',
    ARBITER_RECOVERY_EVERY_MS: '3600000',
    ARBITER_REVIEW_MAINTENANCE_EVERY_MS: '3600000',
    ARBITER_REVIEW_RECONCILE_EVERY_MS: '3600000',
  });
  const db = new Client({ connectionString: url });
  await db.connect();
  let api: NestFastifyApplication | undefined;
  let worker: Awaited<ReturnType<typeof createWorkerApp>> | undefined;
  const result: Record<string, unknown> = {
    command: `npm run bench:stats -- --events=${finalEvents}`,
    steps: [] as unknown[],
  };
  try {
    api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    worker = await createWorkerApp(config);
    await setup(db);
    const base = await api.getUrl();
    // A fresh token per step: seeding and rolling up 9M events outlasts an access token.
    const login = async () => {
      const res = await fetch(`${base}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    let seeded = 0;
    let hoursBack = 0;
    for (const events of STEPS) {
      const subs = (events - seeded) / 5;
      const span = (events - seeded) / EVENTS_PER_HOUR;
      const t0 = performance.now();
      // Bulk history: the counters trigger is bypassed and the reconciler recounts afterwards.
      await db.query(`ALTER TABLE review_tasks DISABLE TRIGGER USER`);
      for (let from = seeded / 5; from < seeded / 5 + subs; from += 200_000) {
        const to = Math.min(from + 200_000, seeded / 5 + subs);
        const slice = (h: number) => hoursBack + ((h - seeded / 5) / subs) * span;
        await seed(db, from + 1, to + 1, slice(from), slice(to));
      }
      await db.query(`ALTER TABLE review_tasks ENABLE TRIGGER USER`);
      await db.query(`VACUUM ANALYZE`);
      const seedS = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const rollup = worker.get(StatsRollup);
      const repo = worker.get(RollupRepository);
      let rounds = 0;
      for (; rounds < 10_000; rounds++) {
        await rollup.execute({ batch: 20_000, maxBatches: 50 });
        const lag = await repo.lag();
        if (lag.events === 0 && lag.decisions === 0) break;
      }
      const rollupS = (performance.now() - t1) / 1000;
      const t2 = performance.now();
      const reconcile = await worker.get(StatsReconcile).execute();
      const reconcileS = (performance.now() - t2) / 1000;
      await db.query(`ANALYZE`);
      const [{ tasks, events: evs, flowRows }] = (
        await db.query(`SELECT (SELECT count(*) FROM review_tasks)::int AS tasks,
        (SELECT count(*) FROM submission_events)::int AS events, (SELECT count(*) FROM stats_flow)::int AS "flowRows"`)
      ).rows;
      const endpointsMs = await timeEndpoints(base, await login());
      (result.steps as unknown[]).push({
        events: evs,
        tasks,
        statsFlowRows: flowRows,
        seedSeconds: Math.round(seedS),
        rollupSeconds: Math.round(rollupS * 10) / 10,
        rollupEventsPerSecond: Math.round((events - seeded) / rollupS),
        reconcileSeconds: Math.round(reconcileS * 100) / 100,
        reconcileDrift: reconcile.drift,
        endpointsMs,
      });
      console.error(JSON.stringify((result.steps as unknown[]).at(-1)));
      seeded = events;
      hoursBack += span;
    }
    const worst = Math.max(
      ...(result.steps as { endpointsMs: Record<string, { p99: number }> }[]).flatMap((s) =>
        Object.entries(s.endpointsMs)
          .filter(([k]) => !k.startsWith('export 1h csv: all'))
          .map(([, v]) => v.p99),
      ),
    );
    result.worstEndpointP99Ms = worst;
    result.p99Within50ms = worst <= 50;
  } finally {
    await worker?.close();
    if (api)
      await deleteKeysWithPrefix(api.get(QueueProducer).connection, PREFIX).catch(() => undefined);
    await api?.close();
    await db.end();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
  printReport(result);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
