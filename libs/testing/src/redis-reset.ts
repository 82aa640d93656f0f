import { deploymentKeyPatterns, isCluster, RedisClient } from '@arbiter/queue';
import type { Redis } from 'ioredis';

/**
 * Deletes every Redis key of a test's prefix: its own keys and its queues' (counters,
 * schedulers, jobs). On a cluster each master is scanned, and keys are deleted one by one since
 * they may live in different slots; on one Redis they go in batches.
 */
export async function deleteKeysWithPrefix(redis: RedisClient, prefix: string): Promise<number> {
  const nodes: Redis[] = isCluster(redis) ? redis.nodes('master') : [redis];
  let deleted = 0;
  for (const node of nodes) {
    for (const pattern of deploymentKeyPatterns(prefix)) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length === 0) continue;
        deleted += isCluster(redis)
          ? (await Promise.all(keys.map((key) => redis.del(key)))).reduce((a, b) => a + b, 0)
          : await node.del(...keys);
      } while (cursor !== '0');
    }
  }
  return deleted;
}
