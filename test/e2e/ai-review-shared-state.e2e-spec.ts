import { BudgetStore, budgetDay, CircuitBreakerStore, RateLimiterStore } from '@arbiter/ai-review';
import { deleteKeysWithPrefix } from '@arbiter/testing';
import { Redis } from 'ioredis';

// The breaker, rate limits and budgets every worker replica shares, on a real Redis: each store
// pair below is two replicas (two connections) of the same deployment.
const PREFIX = `{arbiter-t-ai-state-${process.pid}}`;
const MINUTE = 60_000;

describe('AI review state shared through Redis by worker replicas', () => {
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    a = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
    b = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(a, PREFIX);
    a.disconnect();
    b.disconnect();
  });
  beforeEach(() => deleteKeysWithPrefix(a, PREFIX));

  describe('rate limits', () => {
    // Mid-minute, so the sliding window's arithmetic is exercised, not just the bucket edge.
    const t0 = 1_000 * MINUTE + 30_000;

    it('requests per minute: replicas together get the limit, then the wait until the window has room', async () => {
      const [one, two] = [new RateLimiterStore(a, PREFIX), new RateLimiterStore(b, PREFIX)];
      const granted = [];
      for (let i = 0; i < 6; i++)
        granted.push(await (i % 2 ? one : two).acquire('llm', 4, 0, 10, t0 + i));
      expect(granted.slice(0, 4)).toEqual([0, 0, 0, 0]);
      expect(granted[4]).toBeGreaterThan(0);
      // Still in the same minute bucket: the wait runs to its end.
      expect(granted[4]).toBeLessThanOrEqual(30_000);
      // Next minute, at its start the previous minute still weighs fully: refused.
      expect(await one.acquire('llm', 4, 0, 10, t0 + 30_000)).toBeGreaterThan(0);
      // Three quarters into the next minute only a quarter of the 4 earlier calls count: 3 more fit.
      const later = t0 + 30_000 + 45_000;
      expect([
        await one.acquire('llm', 4, 0, 10, later),
        await two.acquire('llm', 4, 0, 10, later),
        await one.acquire('llm', 4, 0, 10, later),
      ]).toEqual([0, 0, 0]);
      expect(await two.acquire('llm', 4, 0, 10, later)).toBeGreaterThan(0);
    });

    it('tokens per minute: a call that would pass the token limit waits, however few requests went out', async () => {
      const [one, two] = [new RateLimiterStore(a, PREFIX), new RateLimiterStore(b, PREFIX)];
      expect(await one.acquire('llm', 0, 1_000, 600, t0)).toBe(0);
      expect(await two.acquire('llm', 0, 1_000, 600, t0)).toBeGreaterThan(0);
      expect(await two.acquire('llm', 0, 1_000, 400, t0)).toBe(0);
      // The provider reported fewer tokens than estimated: the difference is given back.
      await one.adjustTokens('llm', -500, t0);
      expect(await two.acquire('llm', 0, 1_000, 450, t0)).toBe(0);
      // Another provider has its own budget.
      expect(await two.acquire('other', 0, 1_000, 900, t0)).toBe(0);
    });

    it("a 429's Retry-After blocks every replica until it has passed", async () => {
      const [one, two] = [new RateLimiterStore(a, PREFIX), new RateLimiterStore(b, PREFIX)];
      await one.block('llm', 5_000);
      const wait = await two.acquire('llm', 100, 0, 1);
      expect(wait).toBeGreaterThan(4_000);
      expect(wait).toBeLessThanOrEqual(5_000);
      // Also with no limits configured at all.
      expect(await two.acquire('llm', 0, 0, 1)).toBeGreaterThan(4_000);
      expect(await two.acquire('other', 0, 0, 1)).toBe(0);
    });
  });

  describe('circuit breaker', () => {
    it('opens after consecutive failures on any replica, lets one probe through after the cooldown, closes on its success', async () => {
      const [one, two] = [
        new CircuitBreakerStore(a, PREFIX, 3, 1_000),
        new CircuitBreakerStore(b, PREFIX, 3, 1_000),
      ];
      const t = 5_000_000;
      expect(await one.failure('llm', t)).toBe('closed');
      await one.success('llm'); // a success in between: failures are consecutive only
      expect(await one.failure('llm', t)).toBe('closed');
      expect(await two.failure('llm', t)).toBe('closed');
      expect(await one.failure('llm', t)).toBe('open');
      expect([await one.allow('llm', t + 999), await two.allow('llm', t + 999)]).toEqual([
        'no',
        'no',
      ]);
      expect(await two.allow('other', t + 999)).toBe('yes');
      // After the cooldown exactly one replica gets the probe.
      expect(await one.allow('llm', t + 1_000)).toBe('probe');
      expect(await two.allow('llm', t + 1_001)).toBe('no');
      expect(await two.state('llm')).toBe('half_open');
      expect(await one.success('llm')).toBe('closed');
      expect(await two.allow('llm', t + 1_002)).toBe('yes');
    });

    it('a failed probe opens it again for another cooldown; a probe that never reports frees the slot', async () => {
      const [one, two] = [
        new CircuitBreakerStore(a, PREFIX, 1, 1_000),
        new CircuitBreakerStore(b, PREFIX, 1, 1_000),
      ];
      const t = 7_000_000;
      expect(await one.failure('llm', t)).toBe('open');
      expect(await one.allow('llm', t + 1_000)).toBe('probe');
      expect(await one.failure('llm', t + 1_100)).toBe('open');
      expect(await two.allow('llm', t + 2_000)).toBe('no');
      expect(await two.allow('llm', t + 2_100)).toBe('probe');
      // That replica died mid-probe: after another cooldown someone may probe again.
      expect(await one.allow('llm', t + 3_000)).toBe('no');
      expect(await one.allow('llm', t + 3_100)).toBe('probe');
    });
  });

  describe('daily budgets', () => {
    it('count spend from every replica per scope and day, and re-seed from the record when Redis lost it', async () => {
      const record = new Map<string, number>([['2026-11-26|total', 4.5]]);
      const fromRecord = async (day: string, scope: string) => record.get(`${day}|${scope}`) ?? 0;
      const [one, two] = [
        new BudgetStore(a, PREFIX, fromRecord),
        new BudgetStore(b, PREFIX, fromRecord),
      ];
      const day = '2026-11-26';
      await one.adjust(['total', 'pipeline:p1'], 0.25, day);
      await two.adjust(['total', 'pipeline:p1'], 0.5, day);
      expect(await one.spent('total', day)).toBeCloseTo(5.25, 9); // the record's 4.5 first, then both replicas
      expect(await two.spent('pipeline:p1', day)).toBeCloseTo(0.75, 9);
      // Budgets are daily (UTC): the next day starts from nothing.
      expect(await one.spent('total', '2026-11-27')).toBe(0);
      expect(budgetDay(Date.UTC(2026, 10, 26, 23, 59, 59))).toBe('2026-11-26');
      expect(budgetDay(Date.UTC(2026, 10, 27, 0, 0, 0))).toBe('2026-11-27');
    });

    it('calls in flight count: concurrent replicas cannot all pass a budget none of them has paid yet', async () => {
      const none = async () => 0;
      const [one, two] = [new BudgetStore(a, PREFIX, none), new BudgetStore(b, PREFIX, none)];
      const day = '2026-11-26';
      const limits = [
        { scope: 'pipeline:p1' as const, budgetUsd: 1 },
        { scope: 'total' as const, budgetUsd: undefined }, // counted, never limits
      ];
      await one.adjust(['pipeline:p1', 'total'], 0.9, day);
      // Eight calls at once from two replicas, each estimated at 0.2: one fits under the budget.
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).reserve(limits, 0.2, day)),
      );
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(results.filter((r) => r !== null)[0]).toEqual({
        scope: 'pipeline:p1',
        spentUsd: expect.closeTo(1.1, 9),
        budgetUsd: 1,
      });
      // The call cost 0.05, not 0.2: the difference is given back and the budget has room again.
      await one.adjust(['pipeline:p1', 'total'], 0.05 - 0.2, day);
      expect(await two.spent('pipeline:p1', day)).toBeCloseTo(0.95, 9);
      expect(await two.spent('total', day)).toBeCloseTo(0.95, 9);
      expect(await two.reserve(limits, 0.2, day)).toBeNull();
      // The total budget is checked too, after the pipeline's.
      expect(
        await one.reserve(
          [
            { scope: 'pipeline:p2', budgetUsd: 5 },
            { scope: 'total', budgetUsd: 1 },
          ],
          0.2,
          day,
        ),
      ).toEqual({
        scope: 'total',
        spentUsd: expect.closeTo(1.15, 9),
        budgetUsd: 1,
      });
      expect(await one.spent('pipeline:p2', day)).toBe(0); // refused: nothing reserved anywhere
    });

    it('alerts once per scope, day and budget, across replicas', async () => {
      const none = async () => 0;
      const [one, two] = [new BudgetStore(a, PREFIX, none), new BudgetStore(b, PREFIX, none)];
      const day = '2026-11-26';
      expect(await one.firstAlert('total', 10, day)).toBe(true);
      expect(await two.firstAlert('total', 10, day)).toBe(false);
      expect(await two.firstAlert('pipeline:p1', 10, day)).toBe(true);
      // An admin raised the budget and that one ran out too: a new alert.
      expect(await two.firstAlert('total', 20, day)).toBe(true);
      expect(await one.firstAlert('total', 10, '2026-11-27')).toBe(true);
    });
  });
});
