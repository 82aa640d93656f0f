import IORedis from 'ioredis';
import { Client } from 'pg';
import { cpuMsOf } from './cpu-accounting';

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
  return Math.round(v * 100) / 100;
};

/**
 * The floor under any api latency on this machine: round trips of `SELECT 1` to Postgres and
 * PING to Redis from the bench, sampled every 20 ms while the load runs. On a busy host these
 * are mostly scheduler wait; an api call that makes n sequential round trips pays n of them.
 * Also samples the CPU of this database's Postgres backends, which come and go with the pool.
 */
export class RoundTripProbe {
  private readonly pg: number[] = [];
  private readonly redisMs: number[] = [];
  private readonly backends = new Map<number, { first: number; last: number }>();
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly db: Client,
    private readonly redis: IORedis,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      let i = 0;
      while (this.running) {
        let t = now();
        await this.db.query('SELECT 1');
        this.pg.push(now() - t);
        t = now();
        await this.redis.ping();
        this.redisMs.push(now() - t);
        if (i++ % 25 === 0) await this.sampleBackends();
        await new Promise((r) => setTimeout(r, 20));
      }
      await this.sampleBackends();
    })();
  }

  async stop() {
    this.running = false;
    await this.loop;
    const postgresCpuMs = [...this.backends.values()].reduce((sum, b) => sum + b.last - b.first, 0);
    return {
      postgresSelect1P50Ms: pct(this.pg, 50),
      postgresSelect1P99Ms: pct(this.pg, 99),
      redisPingP50Ms: pct(this.redisMs, 50),
      redisPingP99Ms: pct(this.redisMs, 99),
      postgresCpuMs,
    };
  }

  private async sampleBackends(): Promise<void> {
    const { rows } = await this.db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      const cpu = cpuMsOf(pid);
      const seen = this.backends.get(pid);
      if (seen) seen.last = Math.max(seen.last, cpu);
      else this.backends.set(pid, { first: cpu, last: cpu });
    }
  }
}
