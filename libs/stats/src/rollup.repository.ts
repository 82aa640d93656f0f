import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ColumnMap, queryRows, selectList } from '@arbiter/persistence';
import {
  DECISION_RANGE,
  decisionReviewerSql,
  EVENT_RANGE,
  eventFlowSql,
  eventReviewerSql,
  forgetRecentSql,
} from './rollup-facts.sql';

/** The two append-only sources rolled up, each read past its own watermark. */
export type RollupSource = 'events' | 'decisions';

const SOURCES: Record<RollupSource, { table: string; id: string }> = {
  events: { table: 'submission_events', id: 'id' },
  decisions: { table: 'review_decisions', id: 'seq' },
};

const SETTLED = `horizon_at IS NULL OR NOT EXISTS (
  SELECT 1 FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
     AND a.backend_xid IS NOT NULL AND a.xact_start <= horizon_at)`;

export interface Watermark {
  lastId: number;
  safeId: number;
}

/** Where each field of Watermark lives in `stats_watermarks` (bigints, read as numbers). */
const WATERMARK_COLUMN_MAP: ColumnMap<Watermark> = {
  lastId: 'last_id::float8',
  safeId: 'safe_id::float8',
};
const WATERMARK = selectList(WATERMARK_COLUMN_MAP);

/**
 * Rollup persistence: watermarks, one batch applied together with its watermark move (exactly
 * once: the facts and the new watermark commit or roll back together), and re-derivation.
 */
@Injectable()
export class RollupRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Moves the safe horizon forward: ids up to the previous horizon become safe once every
   * writing transaction (of this database) that was open when it was read has ended; a new
   * horizon is then read. A transaction that writes later gets a later id, so it cannot hide
   * below the horizon.
   */
  async advanceHorizon(source: RollupSource): Promise<Watermark> {
    const { table, id } = SOURCES[source];
    return this.db.transaction(async (tx) => {
      const row = await this.lock(tx, source);
      const [{ settled }] = await queryRows<{ settled: boolean }>(
        tx,
        `SELECT ${SETTLED} AS settled FROM stats_watermarks WHERE source = $1`,
        [source],
      );
      if (!settled) return row;
      const [moved] = await queryRows<Watermark>(
        tx,
        `UPDATE stats_watermarks SET safe_id = GREATEST(safe_id, horizon_id),
                horizon_id = GREATEST(horizon_id, (SELECT coalesce(max(${id}), 0) FROM ${table})),
                horizon_at = clock_timestamp(), updated_at = now()
          WHERE source = $1 RETURNING ${WATERMARK}`,
        [source],
      );
      return moved;
    });
  }

  /** Whether the current horizon has settled (no transaction that could still commit an id below it). */
  async horizonSettled(source: RollupSource): Promise<boolean> {
    const [row] = await queryRows<{ settled: boolean }>(
      this.db,
      `SELECT ${SETTLED} AS settled FROM stats_watermarks WHERE source = $1`,
      [source],
    );
    return row?.settled === true;
  }

  /** Rolls up the next batch of at most `limit` source rows up to the safe id; the count rolled up. */
  async applyBatch(source: RollupSource, limit: number): Promise<number> {
    const { table, id } = SOURCES[source];
    return this.db.transaction(async (tx) => {
      const mark = await this.lock(tx, source);
      const [{ end, n }] = await queryRows<{ end: number | null; n: number }>(
        tx,
        `SELECT max(${id})::float8 AS end, count(*)::int AS n FROM (
           SELECT ${id} FROM ${table} WHERE ${id} > $1 AND ${id} <= $2 ORDER BY ${id} LIMIT $3) b`,
        [mark.lastId, mark.safeId, limit],
      );
      if (n === 0) return 0;
      const params = [mark.lastId, end];
      if (source === 'events') {
        await tx.query(eventFlowSql(EVENT_RANGE.ids), params);
        await tx.query(eventReviewerSql(EVENT_RANGE.ids), params);
      } else {
        await tx.query(decisionReviewerSql(DECISION_RANGE.ids), params);
      }
      await tx.query(
        `UPDATE stats_watermarks SET last_id = $2, updated_at = now() WHERE source = $1`,
        [source, end],
      );
      return n;
    });
  }

  /**
   * Re-derives every bucket from `since` (an hour boundary) from the source rows up to the
   * watermarks, holding both watermarks so no batch runs meanwhile. Heals anything that drifted
   * (a row that committed after the watermark passed its id, a lost update).
   */
  async rederiveSince(since: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const events = await this.lock(tx, 'events');
      const decisions = await this.lock(tx, 'decisions');
      for (const sql of [...forgetRecentSql('stats_flow'), ...forgetRecentSql('stats_reviewer')])
        await tx.query(sql, [since]);
      await tx.query(eventFlowSql(EVENT_RANGE.recent), [since, events.lastId]);
      await tx.query(eventReviewerSql(EVENT_RANGE.recent), [since, events.lastId]);
      await tx.query(decisionReviewerSql(DECISION_RANGE.recent), [since, decisions.lastId]);
    });
  }

  /** How far each source's rollup is behind its newest row (for /metrics and tests). */
  async lag(): Promise<Record<RollupSource, number>> {
    const rows: { source: RollupSource; lag: number }[] = await this.db.query(
      `SELECT 'events' AS source, (SELECT coalesce(max(id), 0) FROM submission_events)
                - coalesce((SELECT last_id FROM stats_watermarks WHERE source = 'events'), 0) AS lag
       UNION ALL
       SELECT 'decisions', (SELECT coalesce(max(seq), 0) FROM review_decisions)
                - coalesce((SELECT last_id FROM stats_watermarks WHERE source = 'decisions'), 0)`,
    );
    return Object.fromEntries(rows.map((r) => [r.source, Number(r.lag)])) as Record<
      RollupSource,
      number
    >;
  }

  private async lock(tx: EntityManager, source: RollupSource): Promise<Watermark> {
    await tx.query(`INSERT INTO stats_watermarks (source) VALUES ($1) ON CONFLICT DO NOTHING`, [
      source,
    ]);
    const [row] = await queryRows<Watermark>(
      tx,
      `SELECT ${WATERMARK} FROM stats_watermarks WHERE source = $1 FOR UPDATE`,
      [source],
    );
    return row;
  }
}
