import { Redis } from 'ioredis';

/** A budget scope: the whole deployment, or one pipeline. */
export type BudgetScope = 'total' | `pipeline:${string}`;

/** Spend of one scope and day, read from the record when Redis lost it. */
export type SpendFromRecord = (day: string, scope: BudgetScope) => Promise<number>;

const TTL_SECONDS = 3 * 86_400;

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
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly fromRecord: SpendFromRecord,
  ) {}

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

  /** Adds a call's cost to each scope. */
  async add(scopes: BudgetScope[], usd: number, day = budgetDay()): Promise<void> {
    if (!(usd > 0)) return;
    for (const scope of scopes) await this.spent(scope, day); // seed from the record first
    const multi = this.redis.multi();
    for (const scope of scopes) multi.incrbyfloat(this.key(day, scope), usd).expire(this.key(day, scope), TTL_SECONDS);
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
