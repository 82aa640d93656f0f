// What ioredis throws when Redis cannot be reached: the api's producer connection fails fast
// (enableOfflineQueue false, one retry) instead of queueing commands, so a request that needs
// Redis (login throttling, client quotas) gets an error at once rather than hanging. The last
// four are a Redis Cluster's: no master reachable, or slots not served.
const MESSAGES =
  /Stream isn't writeable and enableOfflineQueue options is false|Connection is closed|Reached the max retries per request limit|connect ECONNREFUSED|Cluster isn't ready|None of startup nodes is available|Failed to refresh slots cache|CLUSTERDOWN/i;

/** Whether an error means Redis cannot be reached right now: a 503 with Retry-After, not a 500. */
export function isRedisUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const e = error as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    lastNodeError?: unknown;
  };
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  return [e.cause, e.lastNodeError].some((inner) => isRedisUnavailable(inner, depth + 1));
}
