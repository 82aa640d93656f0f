// npm run bench:review [-- --duration=15 --warmup=3 --reviewers=50 --think=2000 --profile]
// (or BENCH_LEVELS=10000,100000,1000000, BENCH_DURATION, BENCH_WARMUP, BENCH_REVIEWERS,
// BENCH_THINK_MS, BENCH_CPU_PROF=1; BENCH_DATABASE_POOL_SIZE sets the api's pool, default 10;
// BENCH_KEEP_RUN=1 keeps .bench/review-<pid> with the api log).
// Builds, migrates a fresh database arbiter_bench_review, starts the BUILT api alone (claims and
// decisions need no worker, whose maintenance would interfere), seeds 10 pipelines (queues
// q0..q9) and 50 reviewers through the API, then grows the backlog of pending review tasks in
// steps (seeded straight into Postgres and BullMQ, as the app writes them). At each step, 50
// reviewers on real socket.io connections loop claim → approve for a fixed time, twice: with
// no think time (saturation), reading each task for --think ms (a load the api can carry), and
// one reviewer alone for 5 s (service time without queueing).
// Prints one JSON document on stdout (progress on stderr). Loopback only.
import { jobKey, redisClientFor } from '@arbiter/queue';
import IORedis from 'ioredis';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Socket } from 'socket.io-client';
import { dropRedisPrefix, freshDatabase } from './support/bench-database';
import {
  assertAlive,
  benchLog,
  buildIntoRunDir,
  positiveArg,
  round,
  waitHealthy,
} from './support/bench-run';
import {
  AppProcess,
  killAllNow,
  startApp,
  stopApp,
  toggleProfile,
  waitForFiles,
  writeProfileHook,
} from './support/child-processes';
import { CpuMeter, serverPids } from './support/cpu-accounting';
import { summariseProfile } from './support/cpu-profile';
import { freePort } from './support/load-driver';
import {
  connectReviewers,
  ReviewLoadResult,
  runReviewers,
  summariseLoad,
} from './support/review-reviewers';
import { api, BenchReviewer, ReviewSeeder } from './support/review-seeder';
import { RoundTripProbe } from './support/round-trip-probe';

const ROOT = resolve(__dirname, '..');
const levels = (process.env.BENCH_LEVELS ?? '10000,100000,1000000').split(',').map(Number);
if (levels.some((l, i) => !Number.isInteger(l) || l <= 0 || (i > 0 && l <= levels[i - 1]))) {
  throw new Error('BENCH_LEVELS must be increasing positive integers, e.g. 10000,100000,1000000');
}
const opts = {
  levels,
  durationS: positiveArg('duration', 'BENCH_DURATION', 15),
  warmupS: positiveArg('warmup', 'BENCH_WARMUP', 3),
  reviewers: positiveArg('reviewers', 'BENCH_REVIEWERS', 50),
  thinkMs: positiveArg('think', 'BENCH_THINK_MS', 2000),
  queues: 10,
  leaseMs: 120_000,
  profile: process.argv.includes('--profile') || process.env.BENCH_CPU_PROF === '1',
};
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/arbiter_bench_review';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{bench-review-${process.pid}}`;
const RUN_DIR = join(ROOT, '.bench', `review-${process.pid}`);
const ADMIN = { email: 'admin@bench.local', password: 'bench-admin-password' };
// Goal of issue 5: claim p99 ≤ 20 ms, and not growing with the backlog (top level within 1.5×
// or 5 ms of the smallest level).
const CLAIM_P99_GOAL_MS = 20;
const SOLO_S = 5;
const log = benchLog('review');
let failedRun = false;

async function redisUsedMb(redis: IORedis): Promise<number> {
  const m = /used_memory:(\d+)/.exec(await redis.info('memory'));
  return round(Number(m?.[1] ?? 0) / 1048576, 1);
}

/** Pending/claimed in Postgres against waiting/active jobs in Redis, over all bench queues. */
async function backlog(db: Client, redis: IORedis, queues: string[]) {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM review_tasks WHERE status IN ('pending', 'claimed') GROUP BY 1`,
  );
  const pg = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const pipe = redis.pipeline();
  for (const q of queues) {
    const keys = jobKey(PREFIX, `review.${q}`, '');
    pipe.zcard(`${keys}prioritized`).llen(`${keys}wait`).llen(`${keys}active`);
  }
  const counts = ((await pipe.exec()) ?? []).map(([, v]) => Number(v));
  const waiting = counts.filter((_, i) => i % 3 !== 2).reduce((a, b) => a + b, 0);
  const active = counts.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0);
  return {
    pending: pg.pending ?? 0,
    claimed: pg.claimed ?? 0,
    redisWaiting: waiting,
    redisActive: active,
  };
}

/** One window of reviewers at work, with the CPU each process spent per decision. */
async function measure(
  apiApp: AppProcess,
  sockets: Socket[],
  thinkMs: number,
  profiled: boolean,
  probe: RoundTripProbe,
  seconds = opts.durationS,
) {
  const redisPid = (await serverPids(DATABASE_URL, REDIS_URL)).redis;
  const meter = new CpuMeter({
    api: () => [apiApp.child.pid ?? 0],
    redisShared: () => (redisPid ? [redisPid] : []),
    benchReviewers: () => [process.pid],
  });
  if (profiled) toggleProfile(apiApp);
  const load1 = loadavg()[0];
  meter.start();
  probe.start();
  const run: ReviewLoadResult = await runReviewers(sockets, seconds * 1000, thinkMs);
  const { postgresCpuMs, ...roundTripFloor } = await probe.stop();
  const cpu = { ...meter.stop(), postgresBackends: postgresCpuMs };
  if (profiled) toggleProfile(apiApp);
  return {
    ...summariseLoad(run),
    cpuMsPerDecision: Object.fromEntries(
      Object.entries(cpu).map(([k, v]) => [k, round(v / Math.max(1, run.decided), 2)]),
    ),
    coresUsed: Object.fromEntries(
      Object.entries(cpu).map(([k, v]) => [k, round(v / run.elapsedMs, 2)]),
    ),
    // Sequential round trips from the bench while the load runs: the machine's latency floor.
    roundTripFloor,
    loadavg1: round(load1, 2),
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  log(`build (load average ${loadBefore.join(' ')})`);
  const dist = buildIntoRunDir(ROOT, RUN_DIR);
  log(`fresh database ${DATABASE_URL}`);
  await freshDatabase(DATABASE_URL, dist('libs/persistence/src/migrate.cli.js'));
  // Debug aid only: SQL run after the migrations (e.g. to try a schema fix before it lands).
  const patch = process.env.BENCH_SQL_AFTER_MIGRATE;
  if (patch) {
    log(`applying ${patch} after the migrations (NOT the shipped schema)`);
    const c = new Client({ connectionString: DATABASE_URL });
    await c.connect();
    await c.query(readFileSync(patch, 'utf8')).finally(() => c.end());
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hook = opts.profile ? writeProfileHook(RUN_DIR) : undefined;
  const profileFile = join(RUN_DIR, 'api.cpuprofile');
  const apiApp: AppProcess = startApp(
    'api',
    dist('apps/api/src/main.js'),
    {
      NODE_ENV: 'production',
      ARBITER_JWT_SECRET: 'bench-only-secret-0123456789abcdef0123',
      DATABASE_URL,
      REDIS_URL,
      ARBITER_REDIS_PREFIX: PREFIX,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ARBITER_BOOTSTRAP_API_KEY: 'arb_bench_review_0123456789',
      ARBITER_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      ARBITER_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      ARBITER_REVIEW_LEASE_MS: String(opts.leaseMs),
      ARBITER_ACCESS_TOKEN_TTL_SECONDS: '3600',
      ...(process.env.BENCH_DATABASE_POOL_SIZE
        ? { DATABASE_POOL_SIZE: process.env.BENCH_DATABASE_POOL_SIZE }
        : {}),
    },
    join(RUN_DIR, 'api.log'),
    hook ? { hook, out: profileFile } : undefined,
  );
  const db = new Client({ connectionString: DATABASE_URL });
  const redis = redisClientFor(REDIS_URL, { maxRetriesPerRequest: null });
  const seeder = new ReviewSeeder(url, db, redis, PREFIX, opts.queues);
  try {
    await waitHealthy(url, [apiApp]);
    await db.connect();
    const { accessToken: admin } = await api<{ accessToken: string }>(
      url,
      'POST',
      '/v1/auth/login',
      ADMIN,
    );
    await seeder.pipelines(admin);
    const people = await seeder.reviewers(admin, opts.reviewers);
    log(`seeded ${opts.queues} pipelines and ${people.length} reviewers`);
    const redisBaseMb = await redisUsedMb(redis);

    const seeding: {
      level: number;
      added: number;
      postgresRowsPerSec: number;
      bullmqJobsPerSec: number;
    }[] = [];
    const results = [];
    let redisAtTop = { usedMemoryMb: 0, bench: 0 };
    let profile: unknown;
    for (const [i, level] of opts.levels.entries()) {
      const before = await backlog(db, redis, seeder.queueNames);
      const add = level - before.pending;
      if (add > 0) {
        log(`level ${level}: adding ${add} pending tasks`);
        const took = await seeder.tasks(add);
        seeding.push({
          level,
          added: add,
          postgresRowsPerSec: Math.round(add / (took.postgresMs / 1000)),
          bullmqJobsPerSec: Math.round(add / (took.redisMs / 1000)),
        });
        await db.query('VACUUM ANALYZE review_tasks');
        await db.query('VACUUM ANALYZE submissions');
        // The bulk load and the VACUUM leave gigabytes dirty in the page cache at 1M. The kernel
        // writes them back ~30 s later (vm.dirty_expire_centisecs), in the middle of a window, and
        // every COMMIT's WAL fsync queues behind that flush (0.2–0.75 s stalls measured). A
        // backlog that grew at the app's pace has no such burst: settle it before measuring.
        const settle = Date.now();
        await db.query('CHECKPOINT');
        log(`level ${level}: checkpoint after seeding took ${Date.now() - settle} ms`);
      }
      assertAlive([apiApp]);
      if (i === opts.levels.length - 1) {
        const used = await redisUsedMb(redis);
        redisAtTop = { usedMemoryMb: used, bench: round(used - redisBaseMb, 1) };
      }
      // Fresh tokens each level (seeding 1M takes minutes); sockets are re-opened too.
      const reviewers: BenchReviewer[] = await seeder.login(people);
      const sockets = await connectReviewers(url, reviewers);
      log(`level ${level}: warm-up ${opts.warmupS} s`);
      await runReviewers(sockets, opts.warmupS * 1000);
      const start = await backlog(db, redis, seeder.queueNames);
      const profiled = Boolean(hook) && i === opts.levels.length - 1;
      log(
        `level ${level}: ${sockets.length} reviewers, saturated, for ${opts.durationS} s (pending ${start.pending})`,
      );
      const saturated = await measure(apiApp, sockets, 0, profiled, new RoundTripProbe(db, redis));
      log(`level ${level}: paced (think ${opts.thinkMs} ms) for ${opts.durationS} s`);
      const paced = await measure(
        apiApp,
        sockets,
        opts.thinkMs,
        false,
        new RoundTripProbe(db, redis),
      );
      log(`level ${level}: one reviewer alone for ${SOLO_S} s`);
      const solo = await measure(
        apiApp,
        sockets.slice(0, 1),
        0,
        false,
        new RoundTripProbe(db, redis),
        SOLO_S,
      );
      sockets.forEach((s) => s.disconnect());
      assertAlive([apiApp]);
      const end = await backlog(db, redis, seeder.queueNames);
      const { rows: dup } = await db.query(
        `SELECT task_id FROM review_decisions GROUP BY 1 HAVING count(*) > 1`,
      );
      const {
        rows: [{ total }],
      } = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM review_decisions`);
      results.push({
        level,
        pendingAtStart: start.pending,
        // Reviewers with no think time: what the api sustains, latency is mostly queueing.
        ...saturated,
        // Reviewers reading each task for a while: latency at a load the api is not saturated by.
        paced,
        // One reviewer, nobody else: the service time of claim and decide without queueing.
        solo,
        duplicates: dup.length,
        decisionsRecordedSoFar: total,
        // Postgres is the record, Redis the dispatch: after the run they must agree.
        backlogAfter: end,
        redisMatchesPostgres: end.pending === end.redisWaiting && end.claimed === end.redisActive,
      });
      log(`level ${level}: ${JSON.stringify(results.at(-1))}`);
      failedRun ||= [saturated, paced, solo].some((m) => Object.keys(m.errors).length > 0);
      if (profiled && (await waitForFiles([profileFile]))) {
        profile = {
          file: profileFile,
          ...summariseProfile(profileFile, [
            'execute',
            'heads',
            'fetch',
            'getNextJob',
            'claim',
            'build',
            'queuesOf',
            'transaction',
            'finish',
            'publish',
            'query',
          ]),
        };
      }
    }
    const rssMb = apiApp.peakRssMb();
    const judge = (p99s: number[], how: string) => {
      const under = p99s.every((p) => p <= CLAIM_P99_GOAL_MS);
      const flat = p99s.at(-1)! <= Math.max(p99s[0] * 1.5, p99s[0] + 5);
      const line =
        `${how}: claim p99 ${p99s.join(' / ')} ms at ${opts.levels.join(' / ')} pending: ` +
        `${under ? 'meets' : 'MISSES'} <= ${CLAIM_P99_GOAL_MS} ms, ${flat ? 'flat' : 'GROWS'} with backlog`;
      return { claimP99AtMost20Ms: under, claimP99NotGrowing: flat, line };
    };
    const report = {
      bench: 'review',
      at: new Date().toISOString(),
      machine: {
        cpus: 2,
        loadavgBefore: loadBefore,
        loadavgAfter: loadavg().map((l) => round(l, 2)),
      },
      options: {
        ...opts,
        sqlAfterMigrate: process.env.BENCH_SQL_AFTER_MIGRATE ?? null,
        apiDatabasePoolSize: Number(process.env.BENCH_DATABASE_POOL_SIZE ?? 10),
      },
      levels: results,
      seeding,
      apiPeakRssMb: rssMb,
      redisAtTopLevel: {
        level: opts.levels.at(-1),
        usedMemoryMb: redisAtTop.usedMemoryMb,
        benchShareMb: redisAtTop.bench,
      },
      verdict: {
        saturated: judge(
          results.map((r) => r.claimP99Ms),
          `${opts.reviewers} reviewers, no think time`,
        ),
        paced: judge(
          results.map((r) => r.paced.claimP99Ms),
          `${opts.reviewers} reviewers, ${opts.thinkMs} ms think time`,
        ),
        solo: judge(
          results.map((r) => r.solo.claimP99Ms),
          '1 reviewer alone',
        ),
        noDuplicateDecisions: results.every((r) => r.duplicates === 0),
        redisMatchesPostgres: results.every((r) => r.redisMatchesPostgres),
      },
      ...(profile ? { apiProfileTopLevel: profile } : {}),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await seeder.close().catch(() => undefined);
    await stopApp(apiApp).catch(() => undefined);
    await db.end().catch(() => undefined);
    redis.disconnect();
    await cleanup();
    // The api log and profile stay for a look when asked for, or when something went wrong.
    if (!opts.profile && !process.env.BENCH_KEEP_RUN && process.exitCode !== 1 && !failedRun) {
      rmSync(RUN_DIR, { recursive: true, force: true });
    } else log(`run directory kept: ${RUN_DIR}`);
  }
}

/** Drops the bench database and every Redis key under the bench prefix (never FLUSHALL). */
async function cleanup(): Promise<void> {
  await dropRedisPrefix(REDIS_URL, [PREFIX]).catch((e: Error) =>
    log(`redis cleanup failed: ${e.message}`),
  );
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (e) {
    log(`database cleanup failed: ${(e as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllNow();
    void cleanup().finally(() => process.exit(130));
  });
}
main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  killAllNow();
  process.exitCode = 1;
});
