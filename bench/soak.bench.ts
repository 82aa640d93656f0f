// npm run bench:soak [-- --minutes=30 --warmup-minutes=5 --rate=12 --reviewers=6 --think=1000 --sample-seconds=10]
// (or BENCH_SOAK_MINUTES, BENCH_SOAK_WARMUP_MINUTES, BENCH_SOAK_RATE, BENCH_SOAK_REVIEWERS,
// BENCH_THINK_MS, BENCH_SOAK_SAMPLE_SECONDS; BENCH_DIST=<dir> runs that build instead of building).
// Builds, migrates a fresh database arbiter_bench_soak, starts the BUILT api and worker as child
// processes, then for --minutes keeps mixed traffic going at a steady rate: submissions to three
// pipelines (approved by the policy, all to people, approved with a tenth audited), reviewers on
// real socket.io connections claiming and deciding, and every decision delivered as a webhook to
// a local receiver. Every --sample-seconds it reads each process's resident memory and open file
// descriptors from /proc/<pid>. After the warm-up (default a sixth of the run, at most 5 min)
// memory should grow at most 10 % and open handles not at all.
// Prints one JSON document on stdout (progress on stderr). Loopback only; bounded in time.
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { dropRedisPrefix, freshDatabase } from './support/bench-database';
import {
  assertAlive,
  benchLog,
  buildIntoRunDir,
  positiveArg,
  round,
  runBenchMain,
  sleep,
  waitHealthy,
} from './support/bench-run';
import { AppProcess, benchNodeOptions, startApp, stopApp } from './support/child-processes';
import { freePort } from './support/load-driver';
import { growthAfterWarmup, ProcessSample, readProcess } from './support/process-sampler';
import { api } from './support/review-seeder';
import {
  newCounts,
  reviewSteadily,
  SOAK_POLICIES,
  startReceiver,
  submitSteadily,
} from './support/soak-traffic';

const ROOT = resolve(__dirname, '..');
const minutes = positiveArg('minutes', 'BENCH_SOAK_MINUTES', 30);
const opts = {
  minutes,
  warmupMinutes: positiveArg(
    'warmup-minutes',
    'BENCH_SOAK_WARMUP_MINUTES',
    Math.min(5, minutes / 6),
  ),
  rate: positiveArg('rate', 'BENCH_SOAK_RATE', 12),
  // A third of the submissions go to people, plus the audits: 6 reviewers reading ~1 s each keep
  // up with 12/s, so the review backlog stays flat and does not pass for a leak.
  reviewers: Math.round(positiveArg('reviewers', 'BENCH_SOAK_REVIEWERS', 6)),
  thinkMs: positiveArg('think', 'BENCH_THINK_MS', 1000),
  sampleSeconds: positiveArg('sample-seconds', 'BENCH_SOAK_SAMPLE_SECONDS', 10),
};
if (opts.warmupMinutes >= opts.minutes) throw new Error('--warmup-minutes must be below --minutes');

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arbiter_bench_soak';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{arbiter-soak-${process.pid}}`;
const API_KEY = 'arb_bench_soak_0123456789abcdef';
const ADMIN = { email: 'admin@soak.local', password: 'soak-admin-password' };
const REVIEWER_PASSWORD = 'soak-reviewer-password';
const RUN_DIR = join(ROOT, '.bench', `soak-${process.pid}`);
/** Goals of issue 14: memory after warm-up grows at most this much; open handles not at all. */
const RSS_GROWTH_GOAL_PERCENT = 10;
/** Descriptors that come and go with traffic (a socket being opened or closed at the sample). */
const HANDLE_JITTER = 5;
const log = benchLog('soak');

async function startArbiter(webhookHost: string) {
  const dist =
    process.env.BENCH_DIST !== undefined
      ? (p: string) => join(resolve(process.env.BENCH_DIST as string), p)
      : buildIntoRunDir(ROOT, RUN_DIR);
  mkdirSync(join(RUN_DIR, 'pipelines'), { recursive: true });
  for (const [key, yaml] of Object.entries(SOAK_POLICIES))
    writeFileSync(join(RUN_DIR, 'pipelines', `${key}.yaml`), yaml);
  log(`fresh database ${DATABASE_URL}`);
  await freshDatabase(DATABASE_URL, dist('libs/persistence/src/migrate.cli.js'));
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    ARBITER_JWT_SECRET: 'bench-only-secret-0123456789abcdef0123',
    DATABASE_URL,
    REDIS_URL,
    ARBITER_REDIS_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    ARBITER_WORKER_METRICS_PORT: String(await freePort()),
    // As `npm run start:*` runs them; BENCH_NODE_OPTIONS overrides. (Until 2026-12-06 the soak
    // left out the semi-space setting, and measured a worker that collected every ~150 ms.)
    NODE_OPTIONS: benchNodeOptions(),
    ARBITER_BOOTSTRAP_API_KEY: API_KEY,
    ARBITER_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    ARBITER_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    // The reviewers' tokens outlive the run (they log in once, as a person keeps a tab open).
    ARBITER_ACCESS_TOKEN_TTL_SECONDS: String(Math.min(86_400, Math.ceil(opts.minutes * 60) + 600)),
    ARBITER_PIPELINES_DIR: join(RUN_DIR, 'pipelines'),
    ARBITER_WEBHOOK_ALLOW_HOSTS: webhookHost,
  };
  const start = (name: string, script: string): AppProcess =>
    startApp(name, dist(script), env, join(RUN_DIR, `${name}.log`));
  const apps = [start('api', 'apps/api/src/main.js'), start('worker', 'apps/worker/src/main.js')];
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, apps);
  return { url, apps };
}

/** Reviewer accounts through the API, each logged in once. */
async function reviewerTokens(url: string, count: number): Promise<string[]> {
  const { accessToken: admin } = await api<{ accessToken: string }>(
    url,
    'POST',
    '/v1/auth/login',
    ADMIN,
  );
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `reviewer${i}@soak.local`;
    const person = { email, password: REVIEWER_PASSWORD, role: 'reviewer', queues: ['soak'] };
    await api(url, 'POST', '/v1/users', person, admin);
    const login = await api<{ accessToken: string }>(url, 'POST', '/v1/auth/login', {
      email,
      password: REVIEWER_PASSWORD,
    });
    tokens.push(login.accessToken);
  }
  return tokens;
}

async function submissionCount(): Promise<number> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM submissions`)).rows;
    return n as number;
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  const counts = newCounts();
  const receiver = await startReceiver(counts);
  const { url, apps } = await startArbiter('127.0.0.1');
  const [apiApp, workerApp] = apps;
  await api(url, 'PUT', '/v1/webhook', { url: receiver.url }, API_KEY);
  const tokens = await reviewerTokens(url, opts.reviewers);

  const durationMs = opts.minutes * 60_000;
  const warmupS = opts.warmupMinutes * 60;
  log(`${opts.minutes} min of traffic at ${opts.rate}/s with ${opts.reviewers} reviewers`);
  const samples: Record<'api' | 'worker', ProcessSample[]> = { api: [], worker: [] };
  const t0 = Date.now();
  const stop = () => Date.now() - t0 >= durationMs || apps.some((a) => a.exited());
  const sampler = setInterval(() => {
    const atS = (Date.now() - t0) / 1000;
    for (const [name, app] of [
      ['api', apiApp],
      ['worker', workerApp],
    ] as const) {
      const reading = app.child.pid ? readProcess(app.child.pid) : null;
      if (reading) samples[name].push({ atS: round(atS, 1), ...reading });
    }
    const last = samples.api.at(-1);
    if (last && Math.round(atS) % 60 < opts.sampleSeconds)
      log(
        `${Math.round(atS / 60)} min: api ${last.rssMb} MB, ${counts.accepted} accepted, ${counts.decided} decided, ${counts.webhooks} webhooks`,
      );
  }, opts.sampleSeconds * 1000);
  await Promise.all([
    submitSteadily(url, API_KEY, opts.rate, counts, stop),
    ...tokens.map((token) => reviewSteadily(url, token, opts.thinkMs, counts, stop)),
  ]);
  clearInterval(sampler);
  assertAlive(apps);
  // Nothing accepted is lost: every 202 is a row (the worker's backlog may still be routing).
  await sleep(1000);
  const stored = await submissionCount();
  await Promise.all(apps.map((a) => stopApp(a)));
  receiver.server.close();
  await dropRedisPrefix(REDIS_URL, [PREFIX]);

  const apiGrowth = growthAfterWarmup(samples.api, warmupS);
  const workerGrowth = growthAfterWarmup(samples.worker, warmupS);
  const handlesFlat = (g: typeof apiGrowth) => g.handleGrowth <= HANDLE_JITTER;
  const report = {
    bench: 'soak',
    at: new Date().toISOString(),
    machine: { loadavgBefore: loadBefore, loadavgAfter: loadavg().map((l) => round(l, 2)) },
    options: opts,
    traffic: {
      ...counts,
      acceptedPerSec: round(counts.accepted / (durationMs / 1000), 2),
      decidedPerMin: round(counts.decided / opts.minutes, 1),
      storedSubmissions: stored,
    },
    api: apiGrowth,
    worker: workerGrowth,
    goals: {
      rssGrowthAtMost10Percent:
        apiGrowth.rssGrowthPercent <= RSS_GROWTH_GOAL_PERCENT &&
        workerGrowth.rssGrowthPercent <= RSS_GROWTH_GOAL_PERCENT,
      noHandleGrowth: handlesFlat(apiGrowth) && handlesFlat(workerGrowth),
      handleJitterAllowed: HANDLE_JITTER,
      nothingAcceptedLost: stored >= counts.accepted,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  rmSync(RUN_DIR, { recursive: true, force: true });
}

runBenchMain(main, log);
