const HASH_TAG = /\{([^{}]+)\}/;

/**
 * BullMQ prefix of one queue: the deployment's prefix with the queue's name added inside its
 * hash tag (`{arbiter}` → `{arbiter:score}`, keys `{arbiter:score}:score:wait`…). BullMQ's
 * scripts need every key of a queue in one Redis Cluster slot; a tag per queue, rather than one
 * for the whole deployment, lets a cluster spread the queues over its masters. A prefix without
 * a tag gets one (`arbiter` → `arbiter:{score}`).
 *
 * Changing this moves every queue to new keys: jobs under the old ones are stranded, and the
 * reconcilers re-enqueue from PostgreSQL what they held (see docs/architecture.md, "Redis").
 */
export function queuePrefix(redisPrefix: string, queue: string): string {
  const tag = HASH_TAG.exec(redisPrefix);
  if (!tag) return `${redisPrefix}:{${queue}}`;
  return redisPrefix.replace(HASH_TAG, `{${tag[1]}:${queue}}`);
}

/** The key of one job of a queue (BullMQ's layout: `<queue prefix>:<queue>:<job id>`). */
export function jobKey(redisPrefix: string, queue: string, jobId: string): string {
  return `${queuePrefix(redisPrefix, queue)}:${queue}:${jobId}`;
}

/**
 * SCAN patterns that together match every key a deployment writes: its own keys under the
 * prefix and its queues' keys under their per-queue prefixes.
 */
export function deploymentKeyPatterns(redisPrefix: string): string[] {
  const tag = HASH_TAG.exec(redisPrefix);
  const own = `${escapeGlob(redisPrefix)}*`;
  if (!tag) return [own];
  const before = redisPrefix.slice(0, tag.index);
  const after = redisPrefix.slice(tag.index + tag[0].length);
  return [own, `${escapeGlob(`${before}{${tag[1]}:`)}*}${escapeGlob(after)}*`];
}

/** Redis glob patterns treat * ? [ ] and \ specially. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
