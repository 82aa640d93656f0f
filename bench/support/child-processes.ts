import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One built app (api or worker) run as a child process, with its peak memory sampled. */
export interface AppProcess {
  name: string;
  child: ChildProcess;
  /** Largest resident set seen (VmRSS sampled every 500 ms, and the kernel's VmHWM), in MB. */
  peakRssMb(): number;
  exited(): boolean;
}

const running = new Set<AppProcess>();

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process is gone
  }
}

// Started with the profile hook, a child profiles its CPU between two SIGWINCH (a signal Nest's
// shutdown hooks leave alone, unlike SIGUSR2) and writes a
// .cpuprofile. Nest re-raises SIGTERM after its shutdown hooks, so `node --cpu-prof` (which
// writes only on a normal exit) would never write one.
const PROFILE_HOOK = `
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new inspector.Session();
session.connect();
let on = false;
process.on('SIGWINCH', () => {
  if (!on) {
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    on = true;
    return;
  }
  session.post('Profiler.stop', (err, res) => {
    if (!err) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(res.profile));
    on = false;
  });
});
`;

/** Writes the preload that lets the bench start and stop a CPU profile in a child. */
export function writeProfileHook(dir: string): string {
  const file = join(dir, 'profile-hook.js');
  writeFileSync(file, PROFILE_HOOK);
  return file;
}

/**
 * The heap settings `npm run start:*` and the Dockerfile give api and worker (192 MB old space,
 * 16 MB semi-spaces: without the latter, Node 24 ran full collections every ~150 ms with ~70 MB
 * live). Benches run the processes the same way unless BENCH_NODE_OPTIONS says otherwise.
 */
export const benchNodeOptions = (): string =>
  process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=192 --max-semi-space-size=16';

/** Starts `node <script>` with env; stdout and stderr go to logFile. */
export function startApp(
  name: string,
  script: string,
  env: Record<string, string>,
  logFile: string,
  profile?: { hook: string; out: string },
): AppProcess {
  // BENCH_NODE_ARGS: node flags that NODE_OPTIONS refuses (most V8 flags), to try one out.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [
    '--enable-source-maps',
    ...extra,
    ...(profile ? ['--require', profile.hook] : []),
    script,
  ];
  const child = spawn(process.execPath, args, {
    // Two malloc arenas, as `npm run start:*` and the Dockerfile run them (unless the caller's
    // environment sets MALLOC_ARENA_MAX).
    env: {
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      ...env,
      ...(profile ? { BENCH_PROFILE_OUT: profile.out } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let peakKb = 0;
  let gone = false;
  const sample = (): void => {
    if (child.pid)
      peakKb = Math.max(peakKb, readStatusKb(child.pid, 'VmRSS'), readStatusKb(child.pid, 'VmHWM'));
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  const app: AppProcess = {
    name,
    child,
    peakRssMb: () => {
      sample();
      return Math.round(peakKb / 102.4) / 10;
    },
    exited: () => gone,
  };
  child.on('exit', () => {
    gone = true;
    clearInterval(timer);
    running.delete(app);
  });
  running.add(app);
  return app;
}

/** SIGTERM (graceful shutdown), then SIGKILL after graceMs. */
export async function stopApp(app: AppProcess, graceMs = 10_000): Promise<void> {
  if (app.exited()) return;
  const done = new Promise<void>((resolve) => app.child.once('exit', () => resolve()));
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/** Sends SIGWINCH (start or stop the CPU profile, see PROFILE_HOOK). */
export function toggleProfile(app: AppProcess): void {
  if (!app.exited()) app.child.kill('SIGWINCH');
}

/** Waits for the profile files a stop request writes. */
export async function waitForFiles(files: string[], timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (files.every((f) => existsSync(f))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Kills every child still running: on a crash or Ctrl-C nothing is left behind. */
export function killAllNow(): void {
  for (const app of running) app.child.kill('SIGKILL');
}

/** Names of the .cpuprofile files in dir. */
export function profilesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
}
