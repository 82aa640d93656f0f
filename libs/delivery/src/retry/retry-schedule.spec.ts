import {
  backoffDelayMs,
  nextAttemptAt,
  parseRetryAfter,
  RetryPolicy,
  verdictFor,
} from './retry-schedule';

const policy: RetryPolicy = {
  retryBaseMs: 30_000,
  retryMaxDelayMs: 3_600_000,
  retryHorizonMs: 86_400_000,
};
const mid = () => 0.5;

describe('retry schedule', () => {
  it.each<[number | null, string]>([
    [200, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [410, 'stop'],
    [null, 'retry'],
    [301, 'retry'],
    [400, 'retry'],
    [404, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('status %p → %s', (status, verdict) => {
    expect(verdictFor(status)).toBe(verdict);
  });

  it('doubles from the base, capped at the longest delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, mid))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffDelayMs(20, policy, mid)).toBe(3_600_000);
    expect(backoffDelayMs(10_000, policy, mid)).toBe(3_600_000);
  });

  it('jitters within ±25 %', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(22_500);
    expect(backoffDelayMs(1, policy, () => 0.999999)).toBeCloseTo(37_500, -1);
  });

  it('spreads retries over about a day by default, then gives up', () => {
    let now = 0;
    let failures = 0;
    for (;;) {
      failures++;
      const at = nextAttemptAt({
        failures,
        roundStartedMs: 0,
        nowMs: now,
        retryAfterMs: null,
        policy,
        random: mid,
      });
      if (at === null) break;
      now = at;
    }
    expect(now).toBeLessThanOrEqual(86_400_000);
    expect(now).toBeGreaterThan(80_000_000);
    expect(failures).toBeGreaterThan(20);
    expect(failures).toBeLessThan(40);
  });

  it('waits at least Retry-After, and dead-letters when that is past the horizon', () => {
    expect(
      nextAttemptAt({
        failures: 1,
        roundStartedMs: 0,
        nowMs: 0,
        retryAfterMs: 600_000,
        policy,
        random: mid,
      }),
    ).toBe(600_000);
    expect(
      nextAttemptAt({
        failures: 1,
        roundStartedMs: 0,
        nowMs: 0,
        retryAfterMs: 5,
        policy,
        random: mid,
      }),
    ).toBe(30_000);
    expect(
      nextAttemptAt({ failures: 1, roundStartedMs: 0, nowMs: 0, retryAfterMs: 90_000_000, policy }),
    ).toBeNull();
  });

  it.each<[string | undefined, number | null]>([
    [undefined, null],
    ['', null],
    ['soon', null],
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 1970 00:01:40 GMT', 40_000],
    ['Thu, 01 Jan 1970 00:00:01 GMT', 0],
  ])('Retry-After %p → %p ms', (header, ms) => {
    expect(parseRetryAfter(header, 60_000)).toBe(ms);
  });
});
