/**
 * When to try a webhook again. Pure: the caller passes the clock and the random source.
 * Exponential backoff with jitter, at least the receiver's Retry-After, and never past the
 * horizon measured from the start of the delivery round.
 */
export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryHorizonMs: number;
}

export type ResponseVerdict = 'delivered' | 'stop' | 'retry';

/** 2xx delivered; 410 Gone stops for good; everything else (and no response) is retried. */
export function verdictFor(statusCode: number | null): ResponseVerdict {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 410) return 'stop';
  return 'retry';
}

/** Retry-After in ms from delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Delay after the n-th failed attempt (n ≥ 1): base·2^(n-1) capped, with ±25 % jitter. */
export function backoffDelayMs(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 40);
  const raw = Math.min(policy.retryBaseMs * 2 ** exponent, policy.retryMaxDelayMs);
  // Jitter spreads the retries of many events that failed together (a receiver outage).
  return Math.max(1, Math.round(raw * (0.75 + 0.5 * random())));
}

export interface NextAttemptInput {
  /** Failed attempts so far in this round, including the one just made. */
  failures: number;
  roundStartedMs: number;
  nowMs: number;
  retryAfterMs: number | null;
  policy: RetryPolicy;
  random?: () => number;
}

/** The time of the next attempt, or null when it would fall past the horizon (dead-letter). */
export function nextAttemptAt(input: NextAttemptInput): number | null {
  const delay = Math.max(
    backoffDelayMs(input.failures, input.policy, input.random),
    input.retryAfterMs ?? 0,
  );
  const at = input.nowMs + delay;
  return at > input.roundStartedMs + input.policy.retryHorizonMs ? null : at;
}
