import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { OversightHistory } from '../report/oversight-history.repository';
import type {
  BreakerState,
  BreakerStatus,
  BreakerTransition,
  ForcedBreaker,
} from '../rules/circuit-breaker.rules';

interface BreakerRow {
  state: BreakerState;
  since: Date;
  forced: ForcedBreaker | null;
}

const CLOSED_SINCE_EVER: BreakerStatus = { state: 'closed', since: 0 };
// Closed since the epoch: every audit of the pipeline so far counts towards the first window.
const CREATE_CLOSED = `INSERT INTO pipeline_breakers (pipeline_id, since) VALUES ($1, to_timestamp(0)) ON CONFLICT DO NOTHING`;

/**
 * The pipeline's breaker lock: approvals hold it shared, changes exclusive, until their
 * transaction ends. An advisory lock, not a share lock on the row (FOR SHARE): transactions
 * share-locking one row at once make PostgreSQL create a multixact for each new locker, which
 * cost more database CPU than the approvals themselves once score groups overlapped.
 */
const BREAKER_LOCK_KEY = `hashtext('arbiter.breaker'), hashtext($1::text)`;
const LOCK_SHARED = `SELECT pg_advisory_xact_lock_shared(${BREAKER_LOCK_KEY})`;
const LOCK_EXCLUSIVE = `SELECT pg_advisory_xact_lock(${BREAKER_LOCK_KEY})`;

const toStatus = (row: BreakerRow | undefined): BreakerStatus =>
  row
    ? {
        state: row.state,
        since: row.since.getTime(),
        ...(row.forced ? { forced: row.forced } : {}),
      }
    : CLOSED_SINCE_EVER;

/** Each pipeline's breaker row (pipeline_breakers); its moves go into the pipeline's history. */
@Injectable()
export class BreakerRepository {
  constructor(
    private readonly db: DataSource,
    private readonly events: OversightHistory,
  ) {}

  /**
   * The breaker's state under the pipeline's breaker lock held shared, inside the caller's
   * transaction: a change (which holds it exclusive, see `lock`) waits for every approval that
   * read "closed" to commit, and every approval after it reads "open" (the read is its own
   * statement, after the lock, so under READ COMMITTED it sees the committed change). The row is
   * created on first use.
   */
  async readShared(tx: EntityManager, pipelineId: string): Promise<BreakerStatus> {
    await tx.query(LOCK_SHARED, [pipelineId]);
    const read = () =>
      queryRows<BreakerRow>(
        tx,
        `SELECT state, since, forced FROM pipeline_breakers WHERE pipeline_id = $1`,
        [pipelineId],
      );
    let [row] = await read();
    if (!row) {
      await tx.query(CREATE_CLOSED, [pipelineId]);
      [row] = await read();
    }
    return toStatus(row);
  }

  /** The breaker's state under its lock held exclusive (created closed if missing), for a change. */
  async lock(tx: EntityManager, pipelineId: string): Promise<BreakerStatus> {
    await tx.query(LOCK_EXCLUSIVE, [pipelineId]);
    await tx.query(CREATE_CLOSED, [pipelineId]);
    const [row] = await queryRows<BreakerRow>(
      tx,
      `SELECT state, since, forced FROM pipeline_breakers WHERE pipeline_id = $1 FOR UPDATE`,
      [pipelineId],
    );
    return toStatus(row);
  }

  async read(pipelineId: string): Promise<BreakerStatus> {
    const [row] = await queryRows<BreakerRow>(
      this.db,
      `SELECT state, since, forced FROM pipeline_breakers WHERE pipeline_id = $1`,
      [pipelineId],
    );
    return toStatus(row);
  }

  /** Writes the new status and its transition into the pipeline's history, in the caller's transaction. */
  async save(
    tx: EntityManager,
    pipelineId: string,
    policyVersionId: string | null,
    status: BreakerStatus,
    transition: BreakerTransition,
    actor: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE pipeline_breakers SET state = $2, since = to_timestamp($3 / 1000.0), forced = $4,
              policy_version_id = coalesce($5, policy_version_id), updated_at = now()
        WHERE pipeline_id = $1`,
      [
        pipelineId,
        status.state,
        status.since,
        status.forced ? JSON.stringify(status.forced) : null,
        policyVersionId,
      ],
    );
    await this.events.record(
      {
        pipelineId,
        kind: 'breaker',
        fromState: transition.from,
        toState: transition.to,
        cause: transition.cause,
        figures: transition.figures,
        message: transition.message,
        actor,
      },
      tx,
    );
  }

  /** Pipelines whose breaker is open (not forced), with the policy version that opened it. */
  openPipelines(): Promise<{ pipelineId: string; policyVersionId: string | null }[]> {
    return queryRows(
      this.db,
      `SELECT pipeline_id AS "pipelineId", policy_version_id AS "policyVersionId"
         FROM pipeline_breakers WHERE state = 'open' AND forced IS NULL`,
    );
  }
}
