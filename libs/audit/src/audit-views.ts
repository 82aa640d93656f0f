import { AuditEntryView, AuditPendingExportLine, AuditPendingView } from '@arbiter/contracts';
import { AuditEntryRow } from './audit-entry.repository';
import { PendingIntentRow } from './audit-intent.repository';

/** An entry as the log's pages and its export show it. */
export function entryViewOf(row: AuditEntryRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, role: row.actorRole },
    action: row.action,
    target: { kind: row.targetKind, id: row.targetId },
    before: row.before,
    after: row.after,
    request: row.request,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
    status: row.status,
  };
}

/** A call in flight as the list of pending calls shows it. */
export function pendingViewOf(row: PendingIntentRow): AuditPendingView {
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

/** A call in flight as a line of the export: an entry's fields, in an entry's order. */
export function pendingExportLineOf(row: PendingIntentRow): AuditPendingExportLine {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, role: row.actorRole },
    action: row.action,
    target: { kind: row.targetKind, id: row.targetId },
    before: row.before,
    after: null,
    request: row.request,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
    status: 'pending',
  };
}
