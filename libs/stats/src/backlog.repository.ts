import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ColumnMap, queryRows, selectList } from '@arbiter/persistence';

/** One combination of the open-task counters. */
export interface BacklogCell {
  queue: string;
  priority: number;
  status: 'pending' | 'claimed';
  slaState: 'ok' | 'at_risk' | 'breached';
  count: number;
}

/** Where each counter key of BacklogCell lives in `backlog_counters` (the count is a sum). */
const CELL_KEY_COLUMN_MAP: ColumnMap<Omit<BacklogCell, 'count'>> = {
  queue: 'queue',
  priority: 'priority',
  status: 'status',
  slaState: 'sla_state',
};
const CELL_KEYS = selectList(CELL_KEY_COLUMN_MAP);

/** Per queue: the oldest pending task and the earliest open deadline (index probes). */
export interface QueueEdges {
  queue: string;
  oldestPendingAt: Date | null;
  nextDueAt: Date | null;
}

export interface CounterDrift {
  queue: string;
  /** Open tasks the counters were off by, summed over every combination (0: exact). */
  drift: number;
}

/**
 * The current state of the review floor, from the trigger-maintained counters (summed over
 * their not yet compacted rows) and one index probe per queue: cheap at any number of tasks.
 */
@Injectable()
export class BacklogRepository {
  constructor(private readonly db: DataSource) {}

  /** Open tasks by queue × priority × status × SLA state (only non-empty combinations). */
  async cells(queues?: string[]): Promise<BacklogCell[]> {
    const rows: BacklogCell[] = await this.db.query(
      `SELECT ${CELL_KEYS}, sum(count)::int AS count
         FROM backlog_counters WHERE ($1::text[] IS NULL OR queue = ANY($1))
        GROUP BY queue, priority, status, sla_state HAVING sum(count) <> 0
        ORDER BY queue, priority, status, sla_state`,
      [queues ?? null],
    );
    return rows;
  }

  /** Oldest pending and next deadline per queue, one probe of a partial index each. */
  async edges(queues?: string[]): Promise<QueueEdges[]> {
    return this.db.query(
      `SELECT q.name AS queue,
              (SELECT t.created_at FROM review_tasks t WHERE t.queue = q.name AND t.status = 'pending'
                ORDER BY t.created_at LIMIT 1) AS "oldestPendingAt",
              (SELECT t.due_at FROM review_tasks t WHERE t.queue = q.name AND t.status IN ('pending', 'claimed')
                ORDER BY t.due_at LIMIT 1) AS "nextDueAt"
         FROM review_queues q WHERE ($1::text[] IS NULL OR q.name = ANY($1)) ORDER BY q.name`,
      [queues ?? null],
    );
  }

  /** Every queue known to review. */
  async queues(): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM review_queues UNION SELECT DISTINCT queue FROM backlog_counters ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  /**
   * Recounts one queue's open tasks and rewrites its counters (one row per combination). The
   * exclusive advisory lock waits for every writer of the queue to commit and holds new ones
   * back, so the recount and the trigger's increments cannot interleave.
   */
  /**
   * Folds the counters' +1/-1 rows into one row per combination. One statement: it deletes the
   * rows its snapshot sees and inserts their sums; rows committed meanwhile stay for next time.
   */
  async compact(): Promise<void> {
    await this.db.query(
      `WITH d AS (DELETE FROM backlog_counters RETURNING queue, priority, status, sla_state, count)
       INSERT INTO backlog_counters (queue, priority, status, sla_state, count)
       SELECT queue, priority, status, sla_state, sum(count) FROM d
        GROUP BY queue, priority, status, sla_state HAVING sum(count) <> 0`,
    );
  }

  async reconcileQueue(queue: string): Promise<CounterDrift> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('arbiter.backlog'), hashtext($1))`, [
        queue,
      ]);
      // Separate statements: data-modifying CTEs of one statement share a snapshot and would collide.
      const [{ drift }] = await queryRows<{ drift: number }>(
        tx,
        `WITH actual AS (
           SELECT priority, status, sla_state, count(*)::bigint AS n FROM review_tasks
            WHERE queue = $1 AND status IN ('pending', 'claimed') GROUP BY priority, status, sla_state
         ), counted AS (
           SELECT priority, status, sla_state, sum(count)::bigint AS n FROM backlog_counters WHERE queue = $1
            GROUP BY priority, status, sla_state
         )
         SELECT coalesce(sum(abs(coalesce(a.n, 0) - coalesce(c.n, 0))), 0)::int AS drift
           FROM actual a FULL JOIN counted c USING (priority, status, sla_state)`,
        [queue],
      );
      await tx.query(`DELETE FROM backlog_counters WHERE queue = $1`, [queue]);
      await tx.query(
        `INSERT INTO backlog_counters (queue, priority, status, sla_state, count)
         SELECT $1, priority, status, sla_state, count(*) FROM review_tasks
          WHERE queue = $1 AND status IN ('pending', 'claimed') GROUP BY priority, status, sla_state`,
        [queue],
      );
      return { queue, drift };
    });
  }
}
