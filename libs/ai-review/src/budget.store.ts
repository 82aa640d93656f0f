import type { RedisClient } from '@arbiter/queue';

/** A budget scope: the whole deployment, or one pipeline. */
export type BudgetScope = 'total' | `pipeline:${string}`;

/** Spend of one scope and day, read from the record when Redis lost it. */
export type SpendFromRecord = (day: string, scope: BudgetScope) => Promise<number>;

const TTL_SECONDS = 3 * 86_400;

/** A scope and its daily budget (none: counted, never limited). */
export interface BudgetLimit {
  scope: BudgetScope;
  budgetUsd: number | undefined;
}

export interface BudgetReached {
  scope: BudgetScope;
  spentUsd: number;
  budgetUsd: number;
}

/** KEYS: spend counters; ARGV: usd, ttl, then one budget per key (-1: none). Returns {index, spent} of a scope at its budget, or nil after reserving. */
const RESERVE = `
local usd = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local budget = tonumber(ARGV[2 + i])
  local spent = tonumber(redis.call('GET', key) or '0')
  if budget >= 0 and spent >= budget then return {i, tostring(spent)} end
end
for _, key in ipairs(KEYS) do
  redis.call('INCRBYFLOAT', key, usd)
  redis.call('EXPIRE', key, ARGV[2])
end
return nil`;

/** Today's date in UTC (budgets are daily, reset at 00:00 UTC). */
export function budgetDay(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * Daily spend per scope, as Redis counters shared by every worker replica. Postgres keeps the
 * record (ai_review_calls, ai_budget_spend); a counter Redis lost is re-seeded from it.
 */
export class BudgetStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly fromRecord: SpendFromRecord,
  ) {}

  // Under the prefix's hash tag: one Redis Cluster slot, so RESERVE and the MULTI in adjust may
  // span every scope's key.
  private key(day: string, scope: BudgetScope): string {
    return `${this.prefix}:ai:spend:${day}:${scope}`;
  }

  /** USD spent today in a scope. */
  async spent(scope: BudgetScope, day = budgetDay()): Promise<number> {
    const key = this.key(day, scope);
    const value = await this.redis.get(key);
    if (value !== null) return Number(value);
    const recorded = await this.fromRecord(day, scope);
    // NX: a replica that counted meanwhile wins; its value already includes the record.
    await this.redis.set(key, String(recorded), 'EX', TTL_SECONDS, 'NX');
    return Number((await this.redis.get(key)) ?? recorded);
  }

  /**
   * Before a call: unless a scope has reached its budget, counts the call's estimated cost in
   * every scope at once (atomically, across replicas), so calls already in flight count against
   * the budget and concurrent calls cannot all pass a check made before any of them was paid.
   * Returns the first scope at its budget (nothing reserved), or null.
   */
  async reserve(
    limits: BudgetLimit[],
    usd: number,
    day = budgetDay(),
  ): Promise<BudgetReached | null> {
    for (const { scope } of limits) await this.spent(scope, day); // seed from the record first
    const keys = limits.map(({ scope }) => this.key(day, scope));
    const budgets = limits.map(({ budgetUsd }) => budgetUsd ?? -1);
    const reached = (await this.redis.eval(
      RESERVE,
      keys.length,
      ...keys,
      Math.max(0, usd),
      TTL_SECONDS,
      ...budgets,
    )) as [number, string] | null;
    if (!reached) return null;
    const { scope, budgetUsd } = limits[reached[0] - 1];
    return { scope, spentUsd: Number(reached[1]), budgetUsd: budgetUsd as number };
  }

  /** Adds `usd` to each scope: the difference between a call's real cost and its reservation (negative to give it back). */
  async adjust(scopes: BudgetScope[], usd: number, day = budgetDay()): Promise<void> {
    if (!usd) return;
    for (const scope of scopes) await this.spent(scope, day); // seed from the record first
    const multi = this.redis.multi();
    for (const scope of scopes)
      multi.incrbyfloat(this.key(day, scope), usd).expire(this.key(day, scope), TTL_SECONDS);
    await multi.exec();
  }

  /**
   * True the first time it is called for a scope, day and budget: the alert goes out once, and
   * once more if an admin raises the budget and the raised one is spent too.
   */
  async firstAlert(scope: BudgetScope, budgetUsd: number, day = budgetDay()): Promise<boolean> {
    const key = `${this.prefix}:ai:budget-alert:${day}:${scope}:${budgetUsd}`;
    return (await this.redis.set(key, '1', 'EX', TTL_SECONDS, 'NX')) === 'OK';
  }
}
