import type { RedisClient } from '@arbiter/queue';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** allow: 1 = closed, 2 = this call is the half-open probe, 0 = refused (open, or a probe is out). */
const ALLOW = `
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
local now = tonumber(ARGV[1])
if state == 'closed' then return 1 end
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if now < untilMs then return 0 end
redis.call('HSET', KEYS[1], 'state', 'half_open', 'until', now + tonumber(ARGV[2]))
return 2`;

const FAILURE = `
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
local now = tonumber(ARGV[1])
if state == 'half_open' then
  redis.call('HSET', KEYS[1], 'state', 'open', 'until', now + tonumber(ARGV[3]), 'failures', 0)
  return 'open'
end
if state == 'open' then return 'open' end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if failures >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'state', 'open', 'until', now + tonumber(ARGV[3]), 'failures', 0)
  return 'open'
end
return 'closed'`;

/**
 * A circuit breaker per provider, kept in Redis so every worker replica sees the same state.
 * Opens after `failures` consecutive failures, refuses calls for `cooldownMs`, then lets one
 * half-open probe through: success closes it, failure opens it again.
 */
export class CircuitBreakerStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly failures: number,
    private readonly cooldownMs: number,
  ) {}

  private key(provider: string): string {
    return `${this.prefix}:ai:breaker:${provider}`;
  }

  /** Whether a call may go out now; 'probe' when it is the half-open trial call. */
  async allow(provider: string, now = Date.now()): Promise<'yes' | 'probe' | 'no'> {
    // A probe that never reports back (process died) frees the slot again after a cooldown.
    const r = Number(await this.redis.eval(ALLOW, 1, this.key(provider), now, this.cooldownMs));
    return r === 1 ? 'yes' : r === 2 ? 'probe' : 'no';
  }

  /** A successful call closes the breaker and clears the failure count. */
  async success(provider: string): Promise<BreakerState> {
    await this.redis.hset(this.key(provider), 'state', 'closed', 'failures', 0, 'until', 0);
    return 'closed';
  }

  /** A failed call; returns the state after it. */
  async failure(provider: string, now = Date.now()): Promise<BreakerState> {
    return (await this.redis.eval(
      FAILURE,
      1,
      this.key(provider),
      now,
      this.failures,
      this.cooldownMs,
    )) as BreakerState;
  }

  async state(provider: string): Promise<BreakerState> {
    return (
      ((await this.redis.hget(this.key(provider), 'state')) as BreakerState | null) ?? 'closed'
    );
  }
}
