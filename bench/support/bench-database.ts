import { deploymentKeyPatterns } from '@arbiter/queue';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { redisClientFor } from '@arbiter/queue';

/** Drops and re-creates the bench database, then migrates it with the built migrate CLI. */
export async function freshDatabase(databaseUrl: string, migrateScript: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected bench database name "${name}"`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const migrated = spawnSync(process.execPath, [migrateScript], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrated.status !== 0)
    throw new Error(`migrate failed: ${migrated.stderr || migrated.stdout}`);
}

/** Counts of submissions: all, and those no longer waiting for the score stage. */
export class SubmissionCounter {
  private readonly client: Client;

  constructor(databaseUrl: string) {
    this.client = new Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async counts(): Promise<{ total: number; routed: number; byStatus: Record<string, number> }> {
    const { rows } = await this.client.query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM submissions GROUP BY status',
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
    return { total, routed: total - (byStatus.received ?? 0) - (byStatus.scoring ?? 0), byStatus };
  }

  /** Cumulative statistics of this database (commits, rows written and read), for per-submission deltas. */
  async dbStats(): Promise<Record<string, number>> {
    // Backends report their statistics about once a second: let them flush first.
    await new Promise((r) => setTimeout(r, 1500));
    await this.client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await this.client.query<Record<string, string>>(
      `SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated,
              tup_fetched AS fetched, blks_read + blks_hit AS blocks, temp_bytes
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  /**
   * Samples what this database's backends are doing every 100 ms until stop() is called:
   * the mean number of backends per wait event (or state) and statement, the 12 largest.
   */
  sampleWaits(): { stop: () => Promise<Record<string, number>> } {
    const seen = new Map<string, number>();
    let samples = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        const { rows } = await this.client.query<{ what: string; n: string }>(
          `SELECT (CASE WHEN wait_event IS NULL THEN state ELSE wait_event_type || ':' || wait_event END)
                  || ' | ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS what, count(*) AS n
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
            GROUP BY 1`,
        );
        samples++;
        for (const r of rows) seen.set(r.what, (seen.get(r.what) ?? 0) + Number(r.n));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        // Mean number of backends in each state at any moment.
        return Object.fromEntries(
          [...seen]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([k, n]) => [k, Math.round((100 * n) / samples) / 100]),
        );
      },
    };
  }

  /** Polls every 100 ms until every submission is routed; returns when that was seen, or null on timeout. */
  async waitAllRouted(timeoutMs: number): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { total, routed } = await this.counts();
      if (routed === total) return Date.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }

  end(): Promise<void> {
    return this.client.end();
  }
}

/** Deletes every Redis key under the bench's prefixes (the bench shares Redis with others). */
export async function dropRedisPrefix(redisUrl: string, prefixes: string[]): Promise<void> {
  const redis = redisClientFor(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    // Each prefix's own keys and its queues' (under per-queue hash tags, see queuePrefix).
    for (const pattern of prefixes.flatMap(deploymentKeyPatterns)) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
