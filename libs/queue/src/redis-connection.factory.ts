import IORedis, { Redis, RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers need maxRetriesPerRequest null (blocking commands);
 * producers fail fast so an API request never hangs on a Redis outage.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker' | 'subscriber'): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false }
      : { maxRetriesPerRequest: null, enableReadyCheck: true };
  return new IORedis(url, options);
}
