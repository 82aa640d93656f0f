import { Env } from './env-int';
/** A Redis Cluster node given as a seed: ioredis discovers the rest from any one of them. */
export interface RedisNode {
  host: string;
  port: number;
}

const NODE_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?):(\d{1,5})$/i;

/**
 * ARBITER_REDIS_CLUSTER: comma-separated `host:port` seed nodes of a Redis Cluster (empty = one
 * Redis at REDIS_URL). REDIS_URL then only lends its user, password and TLS (`rediss:`): a
 * cluster has no databases but 0, so a database number in REDIS_URL is refused.
 */
export function readRedisClusterNodes(
  env: Env,
  redisUrl: string,
  redisPrefix: string,
  problems: string[],
): RedisNode[] {
  const raw = env.ARBITER_REDIS_CLUSTER ?? '';
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const nodes: RedisNode[] = [];
  for (const entry of entries) {
    const match = NODE_PATTERN.exec(entry);
    const port = match ? Number(match[3]) : 0;
    if (!match || port < 1 || port > 65535) {
      problems.push(`ARBITER_REDIS_CLUSTER entry "${entry}" is not a host:port like 10.0.0.5:6379`);
      continue;
    }
    nodes.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
  }
  if (nodes.length > 0 && redisUrl.startsWith('unix:')) {
    problems.push(
      'REDIS_URL must not be a unix: socket with ARBITER_REDIS_CLUSTER (its nodes are host:port)',
    );
  }
  if (nodes.length > 0 && databaseOf(redisUrl) !== 0) {
    problems.push(
      'REDIS_URL must not name a database other than 0 with ARBITER_REDIS_CLUSTER (a Redis Cluster has only database 0)',
    );
  }
  // Arbiter's own scripts and transactions touch several keys under the prefix (login throttle,
  // AI budgets and rate limits): on a cluster they need the prefix's hash tag to share a slot.
  if (nodes.length > 0 && !/\{[^{}]+\}/.test(redisPrefix)) {
    problems.push(
      `ARBITER_REDIS_PREFIX must contain a hash tag like {arbiter} with ARBITER_REDIS_CLUSTER (got "${redisPrefix}")`,
    );
  }
  return nodes;
}

function databaseOf(redisUrl: string): number {
  try {
    const path = new URL(redisUrl).pathname.replace(/^\//, '');
    return path === '' ? 0 : Number(path);
  } catch {
    return 0; // an invalid REDIS_URL is reported on its own
  }
}

/**
 * The socket of a REDIS_URL like `unix:///run/redis/redis.sock` (a Redis on the same host,
 * reached without TCP: fewer system calls per command), or null for a redis:/rediss: URL.
 */
export function redisSocketPath(redisUrl: string): string | null {
  const url = new URL(redisUrl);
  return url.protocol === 'unix:' ? decodeURIComponent(url.pathname) : null;
}

/** A unix: REDIS_URL names a socket path and nothing else (no host, password, database or query). */
export function checkRedisSocketUrl(redisUrl: string, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    return; // an invalid REDIS_URL is reported on its own
  }
  if (url.protocol !== 'unix:') return;
  if (url.host || url.username || url.password || url.search || url.hash || url.pathname.length < 2)
    problems.push(
      `REDIS_URL with unix: names a socket path only, like unix:///run/redis/redis.sock (got "${redisUrl}")`,
    );
}
