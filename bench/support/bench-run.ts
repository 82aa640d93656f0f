import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppProcess, killAllNow } from './child-processes';

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Progress goes to stderr, so that stdout carries the JSON report alone. */
export function benchLog(name: string): (msg: string) => void {
  return (msg) => void process.stderr.write(`[bench:${name}] ${msg}\n`);
}

/**
 * `npm run build`, then a private copy of dist in runDir (another engineer's build empties
 * dist/ while the bench runs). Returns the path of a built file inside that copy.
 */
export function buildIntoRunDir(root: string, runDir: string): (path: string) => string {
  execSync('npm run -s build', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  cpSync(join(root, 'dist'), join(runDir, 'dist'), { recursive: true });
  return (path) => join(runDir, 'dist', path);
}

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
}

/** Polls GET /health until it answers 2xx; fails early if an app exits meanwhile. */
export async function waitHealthy(
  url: string,
  apps: AppProcess[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    assertAlive(apps);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${url}/health did not answer in ${timeoutMs / 1000} s`);
}

/** Throws if one of the apps has exited. */
export function assertAlive(apps: AppProcess[]): void {
  const dead = apps.find((a) => a.exited());
  if (dead)
    throw new Error(`${dead.name} exited during the run (see its log in the run directory)`);
}

/**
 * For benches that boot the api or worker in-process: their pino logs write to stdout, which
 * must carry the JSON report alone. Sends every stdout write to stderr from now on and returns
 * the one way left to print the report.
 */
export function reportOnlyOnStdout(): (report: unknown) => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return (report) => void write(`${JSON.stringify(report, null, 2)}\n`);
}

/** A positive number from `--name=` or the environment variable, else the fallback. */
export function positiveArg(name: string, envName: string, fallback: number): number {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = Number(flag ? flag.split('=')[1] : (process.env[envName] ?? fallback));
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} / ${envName} must be a positive number`);
  return value;
}

/**
 * Runs a bench's main: the apps it started are killed however it ends (done, failed, Ctrl-C or
 * SIGTERM), and a failure is logged and exits 1.
 */
export function runBenchMain(main: () => Promise<void>, log: (msg: string) => void): void {
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
  main().catch((error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    killAllNow();
    process.exit(1);
  });
}
