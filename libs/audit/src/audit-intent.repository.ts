import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryStatus } from '@arbiter/contracts';
import { ColumnMap, jsonOrNull, queryRows, selectList } from '@arbiter/persistence';
import { NewAuditEntry } from './audit-entry.repository';
import { auditConditions, AuditFilter, sqlParams } from './audit-filter';

/** An audited call announced before it runs: its entry-to-be, without an outcome yet. */
export type NewAuditIntent = Omit<NewAuditEntry, 'after' | 'status'>;

/** How an announced call ended, as its entry records it. */
export interface AuditOutcome {
  status: AuditEntryStatus;
  after: Record<string, unknown> | null;
  /** The target, when only the outcome names it (the id of what a creation made). */
  targetId?: string | null;
}

/** An intent as a reader sees it: announced at `at`, by the actor of that email (null once gone). */
export interface PendingIntentRow extends NewAuditIntent {
  at: Date;
  /** `at` at Postgres' microsecond precision: an export's pages are cut on it. */
  atExact: string;
  actorEmail: string | null;
}

/** Which intents: `after` is the (at, id) the previous page ended on. */
export interface PendingIntentFilter extends AuditFilter {
  after?: { at: string; id: string };
}

/** An intent the reconciler finishes: enough to read its target's state. */
export interface UnsettledIntent {
  id: string;
  targetKind: string;
  targetId: string | null;
}

// Columns an intent shares with the entry it becomes. Not `at`: an entry is dated when it is
// appended, as before intents, so a reader pulling the log by `from=` never finds an entry
// appearing behind the point it already read (an unconfirmed one minutes late, say).
const INTENT_COLUMNS: ColumnMap<NewAuditIntent> = {
  id: 'id',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  action: 'action',
  targetKind: 'target_kind',
  targetId: 'target_id',
  before: 'before',
  request: 'request',
  reason: 'reason',
  requestId: 'request_id',
  ip: 'ip',
  workspaceId: 'workspace_id',
};
const FIELDS = Object.keys(INTENT_COLUMNS) as (keyof NewAuditIntent)[];
const COLUMNS = FIELDS.map((field) => INTENT_COLUMNS[field]);
const PENDING_SELECT = `${selectList(INTENT_COLUMNS, { table: 'a' })}, a.at, a.at::text AS "atExact", u.email AS "actorEmail"`;
const JSON_FIELDS = new Set<keyof NewAuditIntent>(['before', 'request']);

/**
 * The audit_intents table: an intent is written before an audited call runs and leaves the table
 * in the same statement that appends its entry, so a call is always either announced or recorded.
 */
@Injectable()
export class AuditIntentRepository {
  constructor(private readonly db: DataSource) {}

  /** Writes the intent, in its own transaction (it must outlive the call if the call dies). */
  async announce(intent: NewAuditIntent): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_intents (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      FIELDS.map((field) => (JSON_FIELDS.has(field) ? jsonOrNull(intent[field]) : intent[field])),
    );
  }

  /** Drops the intent of a refused call (it changed nothing); false if it was already settled. */
  async withdraw(id: string): Promise<boolean> {
    const rows = await queryRows(this.db, `DELETE FROM audit_intents WHERE id = $1 RETURNING id`, [
      id,
    ]);
    return rows.length > 0;
  }

  /**
   * Turns the intent into its entry in one statement: the intent goes and the entry comes together
   * or not at all, and of the request and a reconciler finishing it at once only one can (the
   * other finds no intent). False when it was already settled.
   */
  async settle(id: string, outcome: AuditOutcome): Promise<boolean> {
    const copied = COLUMNS.map((column) =>
      column === INTENT_COLUMNS.targetId ? `COALESCE(${column}, $2)` : column,
    );
    const rows = await queryRows(
      this.db,
      `WITH claimed AS (DELETE FROM audit_intents WHERE id = $1 RETURNING *)
       INSERT INTO audit_entries (${COLUMNS.join(', ')}, after, status)
       SELECT ${copied.join(', ')}, $3::jsonb, $4 FROM claimed
       RETURNING id`,
      [id, outcome.targetId ?? null, jsonOrNull(outcome.after), outcome.status],
    );
    return rows.length > 0;
  }

  /** Up to `limit` intents announced more than `olderThanMs` ago (database clock), oldest first. */
  unsettled(olderThanMs: number, limit: number): Promise<UnsettledIntent[]> {
    return queryRows<UnsettledIntent>(
      this.db,
      `SELECT id, target_kind AS "targetKind", target_id AS "targetId" FROM audit_intents
        WHERE at < now() - $1 * interval '1 millisecond' ORDER BY at, id LIMIT $2`,
      [olderThanMs, limit],
    );
  }

  /** Up to `limit` intents matching the filter, newest first. */
  pending(filter: PendingIntentFilter, limit: number): Promise<PendingIntentRow[]> {
    const { params, param } = sqlParams();
    const where = auditConditions(filter, param);
    if (filter.after)
      where.push(
        `(a.at, a.id) < (${param(filter.after.at)}::timestamptz, ${param(filter.after.id)}::uuid)`,
      );
    return queryRows<PendingIntentRow>(
      this.db,
      `SELECT ${PENDING_SELECT} FROM audit_intents a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.at DESC, a.id DESC LIMIT ${param(limit)}`,
      params,
    );
  }
}
