import type { RedisNode } from '@arbiter/config';
import { expectEventually } from '@arbiter/testing';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Redis Cluster of this test's own: `masters` redis-server processes in cluster mode, each in
 * a temporary directory, joined with `redis-cli --cluster create` (no replicas). Never the
 * shared Redis on 6379.
 */
export class TemporaryRedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly dirs: string[],
  ) {}

  static async create(masters = 3): Promise<TemporaryRedisCluster> {
    const ports: number[] = [];
    while (ports.length < masters) {
      const port = await freeClusterPort();
      if (!ports.includes(port)) ports.push(port);
    }
    const dirs = ports.map(() => mkdtempSync(join(tmpdir(), 'arbiter-redis-cluster-')));
    const cluster = new TemporaryRedisCluster(ports, dirs);
    try {
      await cluster.start();
    } catch (error) {
      cluster.destroy();
      throw error;
    }
    return cluster;
  }

  /** Seed nodes, as ARBITER_REDIS_CLUSTER gives them. */
  get nodes(): RedisNode[] {
    return this.ports.map((port) => ({ host: '127.0.0.1', port }));
  }

  private async start(): Promise<void> {
    this.ports.forEach((port, i) =>
      spawn(
        'redis-server',
        [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', this.dirs[i]],
          ...['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'],
          ...['--save', '', '--appendonly', 'no', '--daemonize', 'yes'],
        ],
        { stdio: 'ignore' },
      ),
    );
    await expectEventually(
      () =>
        expect(this.ports.map((port) => this.cli(port, 'ping'))).toEqual(
          this.ports.map(() => 'PONG'),
        ),
      10_000,
    );
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...this.ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8' },
    );
    if (created.status !== 0)
      throw new Error(`cluster create failed: ${created.stdout}${created.stderr}`);
    // Every node must agree that all 16,384 slots are served before clients connect.
    await expectEventually(
      () =>
        expect(
          this.ports.map((port) => /cluster_state:ok/.test(this.cli(port, 'cluster', 'info'))),
        ).toEqual(this.ports.map(() => true)),
      20_000,
      200,
    );
  }

  /** Keys of each master matching a pattern (SCAN), by port. */
  keysByMaster(pattern: string): Map<number, string[]> {
    return new Map(
      this.ports.map((port) => {
        const out = spawnSync('redis-cli', ['-p', String(port), '--scan', '--pattern', pattern], {
          encoding: 'utf8',
        });
        return [port, out.stdout.split('\n').filter(Boolean)];
      }),
    );
  }

  destroy(): void {
    for (const port of this.ports)
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }

  private cli(port: number, ...args: string[]): string {
    return (
      spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout ?? ''
    ).trim();
  }
}

/**
 * A port for a cluster node: the node also listens on port + 10000 (the cluster bus), so both
 * must be free, and below the ephemeral range the OS hands out.
 */
async function freeClusterPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
