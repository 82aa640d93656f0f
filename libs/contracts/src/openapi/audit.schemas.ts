import type {
  AuditEntryView,
  AuditPageView,
  AuditPendingListView,
  AuditPendingView,
} from '../audit.dto';
import {
  arrayOf,
  boolean,
  dateTime,
  enumOf,
  freeObject,
  nullable,
  objectOf,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';

/** Schemas of the audit log. */
export const AUDIT_SCHEMAS: Record<string, SchemaObject> = {
  AuditEntry: objectOf<AuditEntryView>({
    id: uuid,
    at: dateTime,
    actor: objectOf<AuditEntryView['actor']>({
      id: nullable(uuid),
      email: nullable(string()),
      role: nullable(string()),
    }),
    action: string({ example: 'pipeline.activate' }),
    target: objectOf<AuditEntryView['target']>({ kind: string(), id: nullable(string()) }),
    before: nullable(freeObject('The target before the action (secrets redacted)')),
    after: nullable(freeObject('The target after the action (secrets redacted)')),
    request: nullable(freeObject('The request body (secrets redacted)')),
    reason: nullable(string()),
    requestId: nullable(string()),
    ip: nullable(string()),
    status: enumOf(['done', 'failed', 'unconfirmed'] satisfies AuditEntryView['status'][], {
      description:
        'How the call ended: done (it succeeded); failed (it answered with a server error: compare before and after to see whether it changed something anyway); unconfirmed (its outcome never came back, the process stopped or the entry could not be written, so it may have acted: after is the state read later)',
    }),
  }),
  AuditPage: objectOf<AuditPageView>({
    entries: arrayOf(ref('AuditEntry')),
    next: nullable(string({ description: 'Cursor of the next (older) page' })),
  }),
  AuditPending: objectOf<AuditPendingView>({
    id: uuid,
    announcedAt: dateTime,
    actor: objectOf<AuditPendingView['actor']>({
      id: nullable(uuid),
      email: nullable(string()),
      role: nullable(string()),
    }),
    action: string({ example: 'pipeline.activate' }),
    target: objectOf<AuditPendingView['target']>({
      kind: string(),
      id: nullable(string({ description: 'Null for a creation, until it answers' })),
    }),
    before: nullable(freeObject('The target before the action (secrets redacted)')),
    request: nullable(freeObject('The request body (secrets redacted)')),
    reason: nullable(string()),
    requestId: nullable(string()),
    ip: nullable(string()),
    status: enumOf(['pending'] satisfies AuditPendingView['status'][], {
      description:
        'Announced, not answered yet: running, or its process stopped; it becomes an entry (done, failed or unconfirmed) with the same id, or nothing if refused',
    }),
  }),
  AuditPendingList: objectOf<AuditPendingListView>({
    pending: arrayOf(ref('AuditPending')),
    more: { ...boolean, description: 'More calls in flight match than were listed' },
  }),
};
