import type { AppConfig } from '@arbiter/config';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arbiterProcessEntry } from './arbiter-build';

/** An api replica or a worker running as a child process, so a scenario can SIGKILL it. */
export class ArbiterChild {
  private constructor(
    readonly role: 'api' | 'worker',
    private readonly child: ChildProcess,
    readonly logFile: string,
    /** The api replica's base URL (empty for a worker). */
    readonly url: string,
  ) {}

  /** Starts one from `build` (compiled by compileArbiterProcesses); resolves once it is ready. */
  static async start(
    build: string,
    role: 'api' | 'worker',
    config: AppConfig,
    logDir: string,
  ): Promise<ArbiterChild> {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', arbiterProcessEntry(build), role, JSON.stringify(config)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const logFile = join(logDir, `${role}-${child.pid}.log`);
    const log = createWriteStream(logFile);
    child.stderr!.pipe(log);
    const ready = await new Promise<{ url?: string }>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(
        () => reject(new Error(`${role} not ready in 60 s: see ${logFile}`)),
        60_000,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${role} exited (${code}) before it was ready: ${readFileSync(logFile, 'utf8').slice(-2000)}`,
          ),
        );
      });
      child.stdout!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        buffered += chunk.toString('utf8');
        const line = buffered.split('\n').find((l) => l.startsWith('{"ready"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { url?: string });
        }
      });
    });
    child.removeAllListeners('exit');
    return new ArbiterChild(role, child, logFile, ready.url ?? '');
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no shutdown hook runs, jobs in flight stay locked until their lock lapses. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** A graceful stop, at the end of a scenario. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
