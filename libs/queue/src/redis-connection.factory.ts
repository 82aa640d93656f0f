import { type AppConfig, redisSocketPath } from '@arbiter/config';
import IORedis, { Cluster, Redis, RedisOptions } from 'ioredis';

/** A connection to Arbiter's Redis: one server, or a Redis Cluster (ARBITER_REDIS_CLUSTER). */
export type RedisClient = Redis | Cluster;

/** What a connection needs from the configuration. */
export type RedisSettings = Pick<AppConfig, 'redisUrl' | 'redisClusterNodes'>;

export type RedisRole = 'producer' | 'worker' | 'subscriber';

/**
 * A Redis connection for BullMQ and Arbiter's own keys. Workers need maxRetriesPerRequest null
 * (blocking commands); producers fail fast so an API request never hangs on a Redis outage.
 */
export function createRedisConnection(settings: RedisSettings, role: RedisRole): RedisClient {
  const options: RedisOptions =
    role === 'producer'
      ? {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          lazyConnect: false,
        }
      : { maxRetriesPerRequest: null, enableReadyCheck: true };
  if (settings.redisClusterNodes.length === 0) return redisClientFor(settings.redisUrl, options);
  return new Cluster(settings.redisClusterNodes, {
    // Node connections are opened lazily, on a node's first command; a cluster without an
    // offline queue refuses a second command sent while that node is still connecting. So the
    // cluster queues while it (re)connects, and the producer's fail-fast is per node (one retry).
    enableOfflineQueue: true,
    enableReadyCheck: true,
    redisOptions: { ...nodeOptions(options), ...credentialsOf(settings.redisUrl) },
  });
}

/** One Redis client for a redis:, rediss: or unix: (socket path) URL. */
export function redisClientFor(redisUrl: string, options: RedisOptions): Redis {
  const socket = redisSocketPath(redisUrl);
  return socket ? new IORedis({ ...options, path: socket }) : new IORedis(redisUrl, options);
}

/** Whether a connection is a Redis Cluster client (its keys live on several masters). */
export function isCluster(redis: RedisClient): redis is Cluster {
  return (redis as Cluster).isCluster === true;
}

/** The options that apply to each node of a cluster (the offline queue is the cluster's). */
function nodeOptions(options: RedisOptions): RedisOptions {
  const { enableOfflineQueue: _, lazyConnect: __, ...rest } = options;
  return rest;
}

/** User, password and TLS of REDIS_URL, which every node of a cluster shares. */
function credentialsOf(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}
