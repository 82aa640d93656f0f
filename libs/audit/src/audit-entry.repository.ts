import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryStatus } from '@arbiter/contracts';
import { ColumnMap, jsonOrNull, queryRows, selectList } from '@arbiter/persistence';
import { auditConditions, AuditFilter, sqlParams } from './audit-filter';

/** An entry to append. */
export interface NewAuditEntry {
  id: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetKind: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  /** The workspace acted in; null for a platform admin's action across workspaces. */
  workspaceId: string | null;
  /** How the call ended (an entry is written once, finished). */
  status: AuditEntryStatus;
}

/** A stored entry, with the actor's email (null once the user is gone) and its exact instant. */
export interface AuditEntryRow extends NewAuditEntry {
  at: Date;
  /** `at` at Postgres' microsecond precision: pages are cut on it, not on a rounded Date. */
  atExact: string;
  actorEmail: string | null;
}

/** Which entries: `after` is the (at, id) the previous page ended on. */
export interface AuditEntryFilter extends AuditFilter {
  after?: { at: string; id: string };
}

const COLUMN_MAP: ColumnMap<Omit<AuditEntryRow, 'actorEmail' | 'atExact'>> = {
  id: 'id',
  at: 'at',
  actorId: 'actor_id',
  actorRole: 'actor_role',
  action: 'action',
  targetKind: 'target_kind',
  targetId: 'target_id',
  before: 'before',
  after: 'after',
  request: 'request',
  reason: 'reason',
  requestId: 'request_id',
  ip: 'ip',
  workspaceId: 'workspace_id',
  status: 'status',
};
const SELECT = `${selectList(COLUMN_MAP, { table: 'a' })}, a.at::text AS "atExact", u.email AS "actorEmail"`;

/** The audit_entries table: append and read, nothing else (the table refuses the rest). */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly db: DataSource) {}

  /** Appends one entry, in the caller's transaction when given one. */
  async append(e: NewAuditEntry, tx: EntityManager | DataSource = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO audit_entries (id, actor_id, actor_role, action, target_kind, target_id, before, after, request, reason, request_id, ip, workspace_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        e.id,
        e.actorId,
        e.actorRole,
        e.action,
        e.targetKind,
        e.targetId,
        jsonOrNull(e.before),
        jsonOrNull(e.after),
        jsonOrNull(e.request),
        e.reason,
        e.requestId,
        e.ip,
        e.workspaceId,
        e.status,
      ],
    );
  }

  /** Up to `limit` entries matching the filter, newest first. */
  async page(filter: AuditEntryFilter, limit: number): Promise<AuditEntryRow[]> {
    const { params, param } = sqlParams();
    const where = auditConditions(filter, param);
    if (filter.after)
      where.push(
        `(a.at, a.id) < (${param(filter.after.at)}::timestamptz, ${param(filter.after.id)}::uuid)`,
      );
    return queryRows<AuditEntryRow>(
      this.db,
      `SELECT ${SELECT} FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.at DESC, a.id DESC LIMIT ${param(limit)}`,
      params,
    );
  }
}
