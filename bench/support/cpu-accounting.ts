import { readFileSync } from 'node:fs';
import { redisClientFor } from '@arbiter/queue';
import { Client } from 'pg';

// Linux reports process CPU time in clock ticks; 100 per second on every kernel this runs on.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) used so far by a process, in ms; 0 once it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The backends serving one database, and the Redis server: the shared parts of a submission's cost. */
export async function serverPids(
  databaseUrl: string,
  redisUrl: string,
): Promise<{ postgres: number[]; redis: number | null }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const redis = redisClientFor(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const { rows } = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const info = await redis.info('server');
    const match = /process_id:(\d+)/.exec(info);
    return { postgres: rows.map((r) => r.pid), redis: match ? Number(match[1]) : null };
  } finally {
    await db.end();
    redis.disconnect();
  }
}

/** CPU used by named groups of processes between start() and stop(), in ms. */
export class CpuMeter {
  private readonly before = new Map<string, number>();

  constructor(private readonly groups: Record<string, () => number[]>) {}

  private read(): Map<string, number> {
    const now = new Map<string, number>();
    for (const [name, pids] of Object.entries(this.groups)) {
      now.set(
        name,
        pids().reduce((sum, pid) => sum + cpuMsOf(pid), 0),
      );
    }
    return now;
  }

  start(): void {
    for (const [name, ms] of this.read()) this.before.set(name, ms);
  }

  /** CPU ms per group since start(). */
  stop(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, ms] of this.read()) out[name] = ms - (this.before.get(name) ?? 0);
    return out;
  }
}
