import type { RedisClient } from '@arbiter/queue';

const WINDOW_MS = 60_000;

/**
 * Sliding-window estimate over two fixed minute buckets (previous × remaining share + current)
 * for requests and tokens, plus a Retry-After block. Returns 0 when granted (and counts the
 * call), else the ms to wait.
 */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local rpm = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
local tokens = tonumber(ARGV[4])
local windowStart = tonumber(ARGV[5])
local window = tonumber(ARGV[6])
local blocked = redis.call('PTTL', KEYS[5])
if blocked > 0 then return blocked end
local elapsed = now - windowStart
local weight = 1 - elapsed / window
local function waitFor(limit, prev, cur, need)
  if limit <= 0 then return 0 end
  if prev * weight + cur + need <= limit then return 0 end
  if cur + need > limit or prev <= 0 then return window - elapsed end
  local w = (limit - cur - need) / prev
  return math.max(1, math.ceil((1 - w) * window - elapsed))
end
local reqPrev = tonumber(redis.call('GET', KEYS[2]) or '0')
local reqCur = tonumber(redis.call('GET', KEYS[1]) or '0')
local tokPrev = tonumber(redis.call('GET', KEYS[4]) or '0')
local tokCur = tonumber(redis.call('GET', KEYS[3]) or '0')
local wait = math.max(waitFor(rpm, reqPrev, reqCur, 1), waitFor(tpm, tokPrev, tokCur, tokens))
if wait > 0 then return wait end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], window * 3)
redis.call('INCRBY', KEYS[3], tokens)
redis.call('PEXPIRE', KEYS[3], window * 3)
return 0`;

/** Per-provider requests/minute and tokens/minute limits, shared by every worker replica. */
export class RateLimiterStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  // Under the prefix's hash tag: one Redis Cluster slot, so ACQUIRE may take all five keys.
  private keys(provider: string, bucket: number): string[] {
    const base = `${this.prefix}:ai:rate:${provider}`;
    return [
      `${base}:req:${bucket}`,
      `${base}:req:${bucket - 1}`,
      `${base}:tok:${bucket}`,
      `${base}:tok:${bucket - 1}`,
      `${base}:blocked`,
    ];
  }

  /** Takes one request and `tokens` from the provider's budget; returns 0 or the ms to wait. */
  async acquire(
    provider: string,
    rpm: number,
    tpm: number,
    tokens: number,
    now = Date.now(),
  ): Promise<number> {
    if (rpm <= 0 && tpm <= 0) return this.blockedFor(provider);
    const bucket = Math.floor(now / WINDOW_MS);
    const wait = await this.redis.eval(
      ACQUIRE,
      5,
      ...this.keys(provider, bucket),
      now,
      rpm,
      tpm,
      Math.max(0, Math.round(tokens)),
      bucket * WINDOW_MS,
      WINDOW_MS,
    );
    return Math.max(0, Number(wait));
  }

  /** Corrects the token count once the provider reported what the call really used. */
  async adjustTokens(provider: string, delta: number, now = Date.now()): Promise<void> {
    if (!delta) return;
    const key = this.keys(provider, Math.floor(now / WINDOW_MS))[2];
    await this.redis
      .multi()
      .incrby(key, Math.round(delta))
      .pexpire(key, WINDOW_MS * 3)
      .exec();
  }

  /** Honours a provider's 429 Retry-After: nobody calls it again before then. */
  async block(provider: string, ms: number): Promise<void> {
    await this.redis.set(this.keys(provider, 0)[4], '1', 'PX', Math.max(1, Math.round(ms)));
  }

  private async blockedFor(provider: string): Promise<number> {
    return Math.max(0, Number(await this.redis.pttl(this.keys(provider, 0)[4])));
  }
}
