import { Injectable } from '@nestjs/common';
import { AuditPendingListView, AuditPendingView } from '@arbiter/contracts';
import { auditFilterOf, AuditQuery, AuditScope } from './audit-filter';
import { AuditIntentRepository, PendingIntentRow } from './audit-intent.repository';

const DEFAULT_LIMIT = 50;

/**
 * The audited calls in flight: announced, not answered. An auditor looking right after an
 * incident sees here what a crashed process was doing, before the reconciler appends it to the
 * log as `unconfirmed` minutes later. A list of its own, not rows of the log: an intent has no
 * place in the log's `(at, id)` order (its entry is dated when appended), so mixing the two
 * would move items under a reader's cursor.
 */
@Injectable()
export class ListPendingAuditActions {
  constructor(private readonly intents: AuditIntentRepository) {}

  /** Up to `limit` calls in flight matching the query within the reader's scope, newest first. */
  async execute(
    query: AuditQuery,
    limit = DEFAULT_LIMIT,
    scope: AuditScope = null,
  ): Promise<AuditPendingListView> {
    const rows = await this.intents.pending(auditFilterOf(query, scope), limit + 1);
    return { pending: rows.slice(0, limit).map(toView), more: rows.length > limit };
  }
}

function toView(row: PendingIntentRow): AuditPendingView {
  return {
    id: row.id,
    announcedAt: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, role: row.actorRole },
    action: row.action,
    target: { kind: row.targetKind, id: row.targetId },
    before: row.before,
    request: row.request,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
    status: 'pending',
  };
}
