import type { DataSource, EntityManager } from 'typeorm';

type Undo = () => void;

/** One transaction of the in-memory database: the undo log of the writes made through it. */
class InMemoryTransaction {
  readonly undo: Undo[] = [];
  open = true;
}

/** A write or lock through a manager that is not an open transaction of this database. */
export class ForeignManagerError extends Error {}

/**
 * Postgres' transaction semantics for in-memory repositories, so that a use case's atomicity is
 * tested and not assumed: a write made through the transaction's manager is undone when the
 * callback throws or the commit fails; a write made without it (the repository's default
 * DataSource) commits on its own at once, as it would in Postgres, and so survives a rollback.
 * Reads see every write at once (no isolation): the specs run one use case at a time.
 */
export class InMemoryDatabase {
  private commitFailure: Error | null = null;
  private openCount = 0;

  /** The DataSource a use case takes: only `transaction(callback)` is implemented. */
  readonly dataSource: DataSource = {
    transaction: <T>(run: (tx: EntityManager) => Promise<T>) => this.transaction(run),
  } as unknown as DataSource;

  /** The next transaction fails at its commit (a serialization failure, a lost connection). */
  failNextCommit(error = new Error('in-memory commit failed')): void {
    this.commitFailure = error;
  }

  /** Whether a transaction is open now (an event published now would precede its commit). */
  get inTransaction(): boolean {
    return this.openCount > 0;
  }

  async transaction<T>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    const transaction = new InMemoryTransaction();
    this.openCount++;
    try {
      const result = await run(transaction as unknown as EntityManager);
      if (this.commitFailure) {
        const failure = this.commitFailure;
        this.commitFailure = null;
        throw failure;
      }
      return result;
    } catch (error) {
      for (const undo of transaction.undo.reverse()) undo();
      throw error;
    } finally {
      transaction.open = false;
      this.openCount--;
    }
  }

  /**
   * Called by a repository for each write: through an open transaction, `undo` runs if that
   * transaction rolls back; without a manager (or with the DataSource) the write autocommits.
   */
  written(tx: EntityManager | DataSource | undefined, undo: Undo): void {
    if (tx === undefined || tx === this.dataSource) return;
    this.openTransaction(tx).undo.push(undo);
  }

  /** Throws unless `tx` is an open transaction of this database (for ports that must run inside one). */
  requireOpen(tx: EntityManager | DataSource | undefined): void {
    this.openTransaction(tx);
  }

  private openTransaction(tx: EntityManager | DataSource | undefined): InMemoryTransaction {
    const transaction = tx as unknown;
    if (!(transaction instanceof InMemoryTransaction))
      throw new ForeignManagerError('not a transaction of this in-memory database');
    if (!transaction.open) throw new ForeignManagerError('the transaction has already ended');
    return transaction;
  }
}

/** A deep copy as a jsonb column would store it (undefined fields dropped, Dates as strings). */
export function asJsonb<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * A deep copy of a row (plain objects, arrays, Dates), so a caller never holds the stored one.
 * Not structuredClone: its Dates come from another realm than the test's (Jest's `expect.any(Date)`).
 */
export function copyRow<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyRow) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyRow(v)])) as T;
  }
  return value;
}
