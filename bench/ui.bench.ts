// npm run bench:ui [-- --tasks=100 --queues=50 --floor-seconds=15 --rate=20 --trace-out=floor.json]
// Builds the web UI, then starts the test harness's api and worker (own database and Redis
// prefix) in this process and drives Debian's Chromium with playwright-core:
//  1. desk: a reviewer clears --tasks tasks with the keyboard only (N once, then A per task). For
//     every decision, the time from the keydown to the first frame after the next task's output is
//     in the DOM, measured in the page (performance.now()). Goal of issue 17: median ≤ 150 ms.
//  2. floor: a lead watches the floor while submissions arrive at --rate per second spread over
//     --queues queues (each one pipeline) for --floor-seconds; a Chromium performance trace of the
//     whole window gives the longest main-thread task. Goal of issue 17: none over 50 ms.
//     --trace-out writes that trace (open it in chrome://tracing or DevTools' Performance panel);
//     the result names what the longest tasks spent their time on either way, and the most CPU
//     one task used (a loaded machine stretches wall times with waits for a core).
// Prints one JSON document on stdout (progress on stderr). The figures depend on the machine: run
// it on a quiet one.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { dropTemplateDatabase, expectEventually, prepareTemplateDatabase } from '@arbiter/testing';
import { Browser, chromium, Page } from 'playwright-core';
import { ArbiterHarness } from '../test/support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../test/support/fixtures';

const ROOT = resolve(__dirname, '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = 'bench-reviewer-1';
const num = (name: string, fallback: number): number => {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = Number(flag ? flag.split('=')[1] : fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const opts = {
  tasks: num('tasks', 100),
  queues: num('queues', 50),
  floorSeconds: num('floor-seconds', 15),
  rate: num('rate', 20),
};
const traceOut = process.argv.find((a) => a.startsWith('--trace-out='))?.split('=')[1];
const GOALS = { decisionToNextTaskMedianMs: 150, longestMainThreadTaskMs: 50 };
const log = (message: string) => process.stderr.write(`[bench:ui] ${message}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;

async function submitAll(
  arbiter: ArbiterHarness,
  pipelines: string[],
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await arbiter.http.post(
      '/v1/submissions',
      submissionBody({
        pipeline: pipelines[i % pipelines.length],
        output: { text: `Paris is the capital of France (${i}).` },
      }),
      { token: arbiter.bootstrapKey },
    );
    if (res.status !== 202)
      throw new Error(`submission refused: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

async function pendingTasks(arbiter: ArbiterHarness, n: number): Promise<void> {
  await expectEventually(
    async () => {
      const [{ count }] = await arbiter.db.query(
        `SELECT count(*)::int AS count FROM review_tasks WHERE status = 'pending'`,
      );
      if (count < n) throw new Error(`${count} of ${n} tasks pending`);
    },
    120_000,
    200,
  );
}

async function logIn(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/**
 * Arms a one-shot timer in the page: keydown → first frame after a task other than `previous` is in
 * the DOM. Browser-side code as a string: the Node-side tsconfig has no DOM types.
 */
function armDecisionTimer(page: Page, previous: string): Promise<unknown> {
  return page.evaluate(`window.__decisionMs = new Promise((done) => {
    const prev = ${JSON.stringify(previous)};
    let t0 = 0;
    document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const id = document.querySelector('[data-task-id]')?.getAttribute('data-task-id');
      if (!t0 || !id || id === prev) return;
      observer.disconnect();
      requestAnimationFrame(() => done(performance.now() - t0));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-task-id'] });
  }); undefined`);
}

async function deskLeg(
  arbiter: ArbiterHarness,
  browser: Browser,
): Promise<Record<string, unknown>> {
  await arbiter.putPolicy(
    'desk',
    policy({ ...ALWAYS_HUMAN, review: { queue: 'desk', sla: '2h' } }),
  );
  await arbiter.http.post(
    '/v1/users',
    { email: 'kb@bench.local', password: PASSWORD, role: 'reviewer', queues: ['desk'] },
    { token: await arbiter.adminAccessToken() },
  );
  // One more task than decisions measured: the last decision has no next task to render.
  await submitAll(arbiter, ['desk'], opts.tasks + 1);
  await pendingTasks(arbiter, opts.tasks + 1);
  log(`desk: ${opts.tasks + 1} tasks waiting`);
  const page = await logIn(browser, arbiter.http.baseUrl, 'kb@bench.local', PASSWORD);
  await page.waitForURL('**/review');
  // Enabled once the socket is up: N before that is (rightly) ignored.
  await page.locator('button:enabled', { hasText: 'Claim next' }).waitFor();
  await page.keyboard.press('n');
  const samples: number[] = [];
  for (let i = 0; i < opts.tasks; i++) {
    const current = (await page
      .locator('[data-task-id]')
      .getAttribute('data-task-id', { timeout: 15_000 }))!;
    await armDecisionTimer(page, current);
    await page.keyboard.press('a');
    samples.push((await page.evaluate('window.__decisionMs')) as number);
    if ((i + 1) % 20 === 0) log(`desk: ${i + 1} decisions`);
  }
  await page.context().close();
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5)!;
  return {
    decisions: samples.length,
    decisionToNextTaskMs: {
      p50: round(median),
      p90: round(quantile(sorted, 0.9)!),
      max: round(sorted[sorted.length - 1]!),
    },
    goalMedianMs: GOALS.decisionToNextTaskMedianMs,
    met: median <= GOALS.decisionToNextTaskMedianMs,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: less than dur when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

function mainThreadEvents(trace: { traceEvents: TraceEvent[] }): TraceEvent[] {
  const main = trace.traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  return trace.traceEvents.filter((e) => e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`));
}

/** The renderer main thread's top-level tasks (RunTask) of a Chromium trace, in ms. */
function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): number[] {
  return mainThreadEvents(trace)
    .filter((e) => e.name === 'RunTask')
    .map((e) => (e.dur ?? 0) / 1000);
}

/**
 * The most CPU one main-thread task used, in ms. On a busy machine a task's wall time includes
 * the time its thread waited for a core: this says how much of it was the page's own work.
 */
function longestTaskCpuMs(trace: { traceEvents: TraceEvent[] }): number {
  return mainThreadEvents(trace)
    .filter((e) => e.name === 'RunTask')
    .reduce((max, e) => Math.max(max, (e.tdur ?? 0) / 1000), 0);
}

/**
 * What the longest main-thread tasks spent their time on: the events inside each (script,
 * style, layout, paint, GC…; nested ones overlap), in ms, the biggest first. Where to look first.
 */
function longestTasksBreakdown(trace: { traceEvents: TraceEvent[] }, n = 3) {
  const events = mainThreadEvents(trace);
  const tasks = events
    .filter((e) => e.name === 'RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, n);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = events.filter(
      (e) => e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end,
    );
    const spent = new Map<string, number>();
    for (const e of inside) {
      const what =
        e.name === 'FunctionCall' && e.args?.data
          ? `FunctionCall ${e.args.data.functionName || '(anonymous)'}`
          : e.name;
      spent.set(what, (spent.get(what) ?? 0) + (e.dur ?? 0) / 1000);
    }
    return {
      ms: round((task.dur ?? 0) / 1000),
      cpuMs: round((task.tdur ?? 0) / 1000),
      spent: Object.fromEntries(
        [...spent.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, v]) => [k, round(v)]),
      ),
    };
  });
}

async function floorLeg(
  arbiter: ArbiterHarness,
  browser: Browser,
): Promise<Record<string, unknown>> {
  const pipelines = Array.from({ length: opts.queues }, (_, i) => `q${i}`);
  for (const key of pipelines)
    await arbiter.putPolicy(key, policy({ ...ALWAYS_HUMAN, review: { queue: key, sla: '30m' } }));
  await arbiter.http.post(
    '/v1/users',
    { email: 'lead@bench.local', password: PASSWORD, role: 'lead', queues: [] },
    { token: await arbiter.adminAccessToken() },
  );
  await submitAll(arbiter, pipelines, opts.queues);
  const page = await logIn(browser, arbiter.http.baseUrl, 'lead@bench.local', PASSWORD);
  await page.waitForURL('**/dashboard');
  await page.getByLabel(`${pipelines[opts.queues - 1]} waiting`).waitFor({ timeout: 30_000 });
  log(`floor: ${opts.queues} queues on screen; tracing ${opts.floorSeconds} s of live updates`);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline'],
  });
  const total = Math.round(opts.rate * opts.floorSeconds);
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    await submitAll(arbiter, [pipelines[i % pipelines.length]!], 1);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  await page.context().close();
  if (traceOut) writeFileSync(traceOut, JSON.stringify(trace));
  const tasks = mainThreadTasks(trace).sort((a, b) => a - b);
  const longest = tasks[tasks.length - 1] ?? 0;
  return {
    queues: opts.queues,
    submissions: total,
    traceSeconds: round((Date.now() - started) / 1000),
    mainThreadTasks: tasks.length,
    longestMainThreadTaskMs: round(longest),
    longestMainThreadTaskCpuMs: round(longestTaskCpuMs(trace)),
    tasksOver50Ms: tasks.filter((t) => t > 50).length,
    p99TaskMs: round(quantile(tasks, 0.99) ?? 0),
    goalLongestMs: GOALS.longestMainThreadTaskMs,
    met: longest <= GOALS.longestMainThreadTaskMs,
    longestTasks: longestTasksBreakdown(trace),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'apps', 'web', 'dist', 'index.html')))
    throw new Error('apps/web/dist is missing: npm run build:web');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  await prepareTemplateDatabase();
  const arbiter = await ArbiterHarness.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const desk = await deskLeg(arbiter, browser);
    const floor = await floorLeg(arbiter, browser);
    const result = {
      bench: 'ui',
      options: opts,
      desk,
      floor,
      environment: {
        cpus: cpus().length,
        loadavg: loadavg().map(round),
        chromium: browser.version(),
        node: process.version,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await arbiter.stop();
    await dropTemplateDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
