import { expectEventually } from '@arbiter/testing';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis of this test's own, which it may stop (never the shared one on 6379). */
export class TemporaryRedis {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<TemporaryRedis> {
    const port = await freePort();
    const redis = new TemporaryRedis(port, mkdtempSync(join(tmpdir(), 'arbiter-redis-')));
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The same Redis through its Unix socket (REDIS_URL=unix://…). */
  get socketUrl(): string {
    return `unix://${join(this.dir, 'redis.sock')}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--unixsocket',
      join(this.dir, 'redis.sock'),
      '--unixsocketperm',
      '700',
    ];
    spawn('redis-server', [...args, '--dir', this.dir, '--daemonize', 'yes'], { stdio: 'ignore' });
    await expectEventually(() => expect(this.ping()).toBe(true), 10_000);
  }

  stop(): void {
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave']);
  }

  destroy(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ping(): boolean {
    return (
      spawnSync('redis-cli', ['-p', String(this.port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG'
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
