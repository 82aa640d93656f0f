// npm run bench:intake [-- --duration=20 --connections=64 --rate=300 --rate-duration=30 --profile]
// (or BENCH_DURATION, BENCH_CONNECTIONS, BENCH_RATE, BENCH_RATE_DURATION, BENCH_CPU_PROF=1;
// BENCH_DIST=<dir> runs that build instead of building; BENCH_NODE_OPTIONS is passed to both).
// Builds, migrates a fresh database arbiter_bench, starts the BUILT api and worker, then:
//  1. POST /v1/submissions at a fixed concurrency for a fixed time (policy: approve everything),
//     and waits until every accepted submission is routed (polling Postgres);
//  2. POST at a fixed rate (300/s) and reports the latency at that rate;
//  3. the raw single-row INSERT rate and the raw BullMQ add+process rate, against the same
//     Postgres and Redis, and Arbiter's ratios to both.
//  4. the self-checking loop's cost: alternating legs (off, on, on, off, …) on the pipelines
//     `bench` and `bench-loop` (QA at 5 %, breaker on), CPU ms per routed submission each.
// Prints one JSON document on stdout (progress on stderr). Loopback only; bounded in time.
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { dropRedisPrefix, freshDatabase, SubmissionCounter } from './support/bench-database';
import {
  AppProcess,
  benchNodeOptions,
  startApp,
  stopApp,
  toggleProfile,
  waitForFiles,
  writeProfileHook,
} from './support/child-processes';
import { CpuMeter, serverPids } from './support/cpu-accounting';
import { summariseProfile } from './support/cpu-profile';
import { runBenchMain } from './support/bench-run';
import { BENCH_BODY, BENCH_LOOP_POLICY, BENCH_POLICY } from './support/intake-workload';
import { alternatingLegs } from './support/alternating-legs';
import { drivePaced } from './support/paced-driver';
import { drive, DriveResult, freePort, scrapeMemory } from './support/load-driver';
import { rawBullmqRate, rawInsertRate } from './support/raw-baselines';
import { StallDiagnostics } from './support/stall-diagnostics';

const ROOT = resolve(__dirname, '..');
const arg = (name: string, envName: string, fallback: number): number => {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = Number(flag ? flag.split('=')[1] : (process.env[envName] ?? fallback));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} / ${envName} must be > 0`);
  return value;
};
const opts = {
  duration: arg('duration', 'BENCH_DURATION', 20),
  connections: arg('connections', 'BENCH_CONNECTIONS', 64),
  rate: arg('rate', 'BENCH_RATE', 300),
  rateDuration: arg('rate-duration', 'BENCH_RATE_DURATION', 30),
  baselineSeconds: arg('baseline-duration', 'BENCH_BASELINE_DURATION', 5),
  loopLegs: arg('loop-legs', 'BENCH_LOOP_LEGS', 4),
  loopLegSeconds: arg('loop-leg-duration', 'BENCH_LOOP_LEG_DURATION', 8),
  profile: process.argv.includes('--profile') || process.env.BENCH_CPU_PROF === '1',
};
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arbiter_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{arbiter-bench-${process.pid}}`;
const RAW_PREFIX = `{bench-raw-${process.pid}}`;
const API_KEY = 'arb_bench_0123456789abcdef';
const RUN_DIR = join(ROOT, '.bench', `run-${process.pid}`);
const BODY_TEXT = JSON.stringify(BENCH_BODY);
const HEADERS = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };

const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const perEach = (m: Record<string, number>, by: number, digits = 3): Record<string, number> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v / by, digits)]));
const latency = (d: DriveResult) => ({ p50: d.p50, p99: d.p99, max: d.max });

function assertAlive(apps: AppProcess[]): void {
  const dead = apps.find((a) => a.exited());
  if (dead) throw new Error(`${dead.name} exited; see ${RUN_DIR}/${dead.name}.log`);
}

async function waitHealthy(url: string, apps: AppProcess[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    assertAlive(apps);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error('the api did not become healthy in 60 s');
}

/** Builds, snapshots dist, migrates a fresh database and starts the built api and worker. */
async function startArbiter(): Promise<{
  url: string;
  workerMetrics: string;
  api: AppProcess;
  worker: AppProcess;
}> {
  log(
    `build (load average ${loadavg()
      .map((l) => round(l, 2))
      .join(' ')})`,
  );
  // BENCH_DIST runs a build made elsewhere (e.g. a patched copy, to measure a change) as is.
  const source = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, 'dist');
  if (!process.env.BENCH_DIST) {
    execSync('npm run -s build', { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  // Run from a private copy of dist: another engineer's `npm run build` empties dist/.
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(join(RUN_DIR, 'pipelines'), { recursive: true });
  cpSync(source, join(RUN_DIR, 'dist'), { recursive: true });
  writeFileSync(join(RUN_DIR, 'pipelines', 'bench.yaml'), BENCH_POLICY);
  writeFileSync(join(RUN_DIR, 'pipelines', 'bench-loop.yaml'), BENCH_LOOP_POLICY);
  const dist = (p: string): string => join(RUN_DIR, 'dist', p);

  log(`fresh database ${DATABASE_URL}`);
  await freshDatabase(DATABASE_URL, dist('libs/persistence/src/migrate.cli.js'));
  const port = await freePort();
  const metricsPort = await freePort();
  const env = {
    NODE_ENV: 'production',
    ARBITER_JWT_SECRET: 'bench-only-secret-0123456789abcdef0123',
    DATABASE_URL,
    REDIS_URL,
    ARBITER_REDIS_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    ARBITER_WORKER_METRICS_PORT: String(metricsPort),
    // As `npm run start:*` runs them (heap capped at 192 MB); BENCH_NODE_OPTIONS overrides.
    NODE_OPTIONS: benchNodeOptions(),
    ARBITER_BOOTSTRAP_API_KEY: API_KEY,
    ARBITER_PIPELINES_DIR: join(RUN_DIR, 'pipelines'),
  };
  const hook = opts.profile ? writeProfileHook(RUN_DIR) : undefined;
  const profileOf = (name: string) =>
    hook ? { hook, out: join(RUN_DIR, `${name}.cpuprofile`) } : undefined;
  const start = (name: string, script: string): AppProcess =>
    startApp(name, dist(script), env, join(RUN_DIR, `${name}.log`), profileOf(name));
  const api = start('api', 'apps/api/src/main.js');
  const worker = start('worker', 'apps/worker/src/main.js');
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, [api, worker]);
  return { url, workerMetrics: `http://127.0.0.1:${metricsPort}/metrics`, api, worker };
}

async function profileSummaries(): Promise<Record<string, unknown> | undefined> {
  const files = ['api', 'worker'].map((n) => join(RUN_DIR, `${n}.cpuprofile`));
  if (!(await waitForFiles(files))) return undefined;
  const watch = ['accept', 'insertReceived', 'enqueueScore', 'canActivate', 'transform', 'execute'];
  watch.push('scoreOutput', 'applyTransition', 'findById', 'record', 'query', 'writev');
  return {
    api: summariseProfile(files[0], watch),
    worker: summariseProfile(files[1], watch),
    files,
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  const { url, workerMetrics, api, worker } = await startArbiter();
  const submit = `${url}/v1/submissions`;
  const counter = new SubmissionCounter(DATABASE_URL);
  await counter.connect();

  log('warm-up: 3 s at 16 connections');
  await drive(submit, HEADERS, BODY_TEXT, { connections: 16, duration: 3 });
  if ((await counter.waitAllRouted(60_000)) === null) throw new Error('warm-up not routed in 60 s');

  log(`phase 1: ${opts.connections} connections for ${opts.duration} s`);
  // CPU time per submission, by process: unlike a rate, it hardly depends on what else runs.
  const servers = await serverPids(DATABASE_URL, REDIS_URL);
  const meter = new CpuMeter({
    api: () => [api.child.pid ?? 0],
    worker: () => [worker.child.pid ?? 0],
    postgresBackends: () => servers.postgres,
    redisShared: () => (servers.redis ? [servers.redis] : []),
    benchLoadGenerator: () => [process.pid],
  });
  const before = await counter.counts();
  const statsBefore = await counter.dbStats();
  if (opts.profile) [api, worker].forEach(toggleProfile);
  meter.start();
  const waits = counter.sampleWaits();
  const t0 = Date.now();
  const load = await drive(submit, HEADERS, BODY_TEXT, {
    connections: opts.connections,
    duration: opts.duration,
  });
  const t1 = Date.now();
  const backendStates = await waits.stop();
  assertAlive([api, worker]);
  const atEnd = await counter.counts();
  const memoryAtLoadEnd = {
    api: await scrapeMemory(`${url}/metrics`, 'arbiter_api_'),
    worker: await scrapeMemory(workerMetrics, 'arbiter_worker_'),
  };
  const tRouted = await counter.waitAllRouted(180_000);
  const cpuMs = meter.stop();
  if (opts.profile) [api, worker].forEach(toggleProfile);
  const statsAfter = await counter.dbStats();
  const accepted = (await counter.counts()).total - before.total;
  const acceptedPerSec = accepted / ((t1 - t0) / 1000);
  const routedPerSec = tRouted ? accepted / ((tRouted - t0) / 1000) : NaN;
  const arbiterCpuMs = cpuMs.api + cpuMs.worker + cpuMs.postgresBackends + cpuMs.redisShared;
  const pgDelta = Object.fromEntries(
    Object.keys(statsAfter).map((k) => [k, statsAfter[k] - statsBefore[k]]),
  );

  log(`phase 2: ${opts.rate} requests/s for ${opts.rateDuration} s`);
  const stalls = new StallDiagnostics(
    `${url}/metrics`,
    'arbiter_api_',
    'method="POST",route="/v1/submissions",status="202"',
    0.025,
  );
  await stalls.start();
  const fixedWaits = counter.sampleWaits();
  const fixed = await drivePaced(submit, HEADERS, BODY_TEXT, {
    rate: opts.rate,
    duration: opts.rateDuration,
  });
  const fixedBackendStates = await fixedWaits.stop();
  const stallReport = await stalls.stop();
  await counter.waitAllRouted(60_000);
  assertAlive([api, worker]);

  log(`raw baselines: ${opts.baselineSeconds} s each`);
  const ms = opts.baselineSeconds * 1000;
  const rawInsert = await rawInsertRate(DATABASE_URL, BENCH_BODY, ms, opts.connections);
  const bullmqPerSec = await rawBullmqRate(REDIS_URL, RAW_PREFIX, ms, opts.connections);

  log(`loop cost: ${opts.loopLegs} alternating legs of ${opts.loopLegSeconds} s`);
  const loopLeg = async (loopOn: boolean): Promise<number> => {
    const body = JSON.stringify({ ...BENCH_BODY, pipeline: loopOn ? 'bench-loop' : 'bench' });
    const from = (await counter.counts()).total;
    meter.start();
    await drive(submit, HEADERS, body, {
      connections: opts.connections,
      duration: opts.loopLegSeconds,
    });
    if ((await counter.waitAllRouted(120_000)) === null)
      throw new Error('loop leg not routed in 120 s');
    const used = meter.stop();
    const routed = (await counter.counts()).total - from;
    return (used.api + used.worker + used.postgresBackends + used.redisShared) / routed;
  };
  const loopCost = await alternatingLegs(opts.loopLegs, loopLeg);
  assertAlive([api, worker]);

  const rss = { apiPeakMb: api.peakRssMb(), workerPeakMb: worker.peakRssMb() };
  const profiles = opts.profile ? await profileSummaries() : undefined;
  await Promise.all([stopApp(api), stopApp(worker)]);
  const byStatus = (await counter.counts()).byStatus;
  await counter.end();
  await dropRedisPrefix(REDIS_URL, [PREFIX, RAW_PREFIX]);

  const report = {
    bench: 'intake',
    at: new Date().toISOString(),
    machine: {
      cpus: 2,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg().map((l) => round(l, 2)),
    },
    options: { ...opts, bodyBytes: Buffer.byteLength(BODY_TEXT) },
    phase1: {
      durationS: round((t1 - t0) / 1000, 2),
      accepted,
      acceptedPerSec: round(acceptedPerSec),
      routedPerSec: round(routedPerSec),
      routedWhenLoadEnded: atEnd.routed - before.routed,
      allRoutedAfterS: tRouted ? round((tRouted - t0) / 1000, 2) : 'timeout',
      intakeLatencyMs: latency(load),
      non2xx: load.result.non2xx,
      errors: load.result.errors + load.result.timeouts,
      // CPU ms per accepted submission from load start until all were routed. Redis is shared
      // with whatever else runs on the machine; the load generator is this process.
      cpuMsPerSubmission: perEach(cpuMs, accepted),
      coresUsed: perEach(cpuMs, (tRouted ?? t1) - t0, 2),
      // What two cores would route if they did nothing but Arbiter's api, worker, Postgres, Redis.
      ceilingPerSecOn2Cores: round((2000 * accepted) / arbiterCpuMs),
      // Postgres work per submission (api + worker; the bench's polling adds a little).
      postgresPerSubmission: perEach(pgDelta, accepted, 2),
      // Mean number of Arbiter's Postgres backends in each state or wait event during the load.
      postgresBackendStates: backendStates,
    },
    fixedRate: {
      targetPerSec: opts.rate,
      generator: 'open loop, one request every 1/rate s, latency from the due time',
      achievedPerSec: fixed.achievedPerSec,
      intakeLatencyMs: { p50: fixed.p50, p99: fixed.p99, max: fixed.max },
      slowestPerSecondMs: fixed.maxPerSecond,
      overMs25: fixed.over25,
      // Where the requests over 25 ms were slow: in the api (its own timing) or before it.
      stalls: stallReport,
      // Mean number of Arbiter's Postgres backends in each state or wait event at this rate.
      postgresBackendStates: fixedBackendStates,
      non2xx: fixed.non2xx,
      errors: fixed.errors,
    },
    rss,
    memoryAtLoadEnd,
    raw: {
      insertsPerSec: round(rawInsert.insertsPerSec),
      insertPostgresCpuMsPerRow: round(rawInsert.postgresCpuMsPerRow, 3),
      bullmqAddProcessPerSec: round(bullmqPerSec),
      acceptedVsInsert: round(acceptedPerSec / rawInsert.insertsPerSec, 3),
      routedVsInsert: round(routedPerSec / rawInsert.insertsPerSec, 3),
      routedVsBullmq: round(routedPerSec / bullmqPerSec, 3),
    },
    // CPU ms (api + worker + Postgres + Redis) per routed submission, loop off vs on, same run.
    loop: {
      cpuMsPerSubmissionOff: round(loopCost.off, 3),
      cpuMsPerSubmissionOn: round(loopCost.on, 3),
      onVsOff: round(loopCost.on / loopCost.off, 3),
      legs: loopCost.legs.map((l) => ({
        loop: l.on ? 'on' : 'off',
        cpuMsPerSubmission: round(l.value, 3),
      })),
    },
    submissionsByStatus: byStatus,
    targets: {
      routedPerSecAtLeast500: routedPerSec >= 500,
      p99AtFixedRateAtMost25ms: fixed.p99 <= 25,
      // The same, timed by the api itself (receipt to reply): fewer than 1% of requests over 25 ms.
      serverP99AtFixedRateAtMost25ms:
        stallReport.serverSlowRequests < 0.01 * stallReport.serverRequests,
      rssEachAtMost300Mb: rss.apiPeakMb <= 300 && rss.workerPeakMb <= 300,
      loopCpuWithin10Percent: loopCost.on <= 1.1 * loopCost.off,
    },
    ...(profiles ? { profiles } : {}),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!opts.profile) rmSync(RUN_DIR, { recursive: true, force: true });
}

runBenchMain(main, log);
