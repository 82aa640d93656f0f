import { Injectable } from '@nestjs/common';
import { AuditPendingListView } from '@arbiter/contracts';
import { auditFilterOf, AuditQuery, AuditScope } from './audit-filter';
import { AuditIntentRepository } from './audit-intent.repository';
import { pendingViewOf } from './audit-views';

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
    return { pending: rows.slice(0, limit).map(pendingViewOf), more: rows.length > limit };
  }
}
