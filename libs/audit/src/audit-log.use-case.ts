import { Injectable } from '@nestjs/common';
import { AuditPageView } from '@arbiter/contracts';
import { decodeKeysetCursor, encodeKeysetCursor } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryRepository, AuditEntryRow } from './audit-entry.repository';
import { auditFilterOf, AuditQuery, AuditScope } from './audit-filter';
import { AuditIntentRepository, AuditOutcome, NewAuditIntent } from './audit-intent.repository';
import { entryViewOf } from './audit-views';
import { AuditError, AuditErrorCode } from './audit.errors';
import { asAuditState } from './secret-redaction';

/** One administrative action, as the edge that saw it describes it. */
export interface AuditAction {
  actor: { id: string | null; role: string | null };
  action: string;
  target: { kind: string; id: string | null };
  before?: unknown;
  after?: unknown;
  /** The request body; secrets are redacted before it is stored, as in before and after. */
  request?: unknown;
  reason?: string | null;
  requestId?: string | null;
  ip?: string | null;
  /** The workspace acted in; null (or absent) for a platform admin's action across workspaces. */
  workspaceId?: string | null;
}

/** How an announced call ended: its status, the target's state after, the target it made. */
export interface AuditSettlement {
  status: AuditOutcome['status'];
  after?: unknown;
  targetId?: string | null;
}

const DEFAULT_PAGE = 50;

/**
 * The audit log: append an administrative action (or announce it before it runs, then settle it);
 * read it by actor, action and time (ExportAuditLog writes it out).
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly intents: AuditIntentRepository,
  ) {}

  /** Appends one entry (in the caller's transaction when given one); secrets never reach the table. */
  async record(a: AuditAction, tx?: EntityManager | DataSource): Promise<void> {
    await this.entries.append({ ...asIntent(a), after: asAuditState(a.after), status: 'done' }, tx);
  }

  /**
   * Announces an action about to be taken (its `after` is ignored) and returns the id its entry
   * will have. Once this returns, the action cannot go unrecorded: the intent becomes an entry
   * when settled, or an `unconfirmed` one when nobody settles it.
   */
  async announce(a: AuditAction): Promise<string> {
    const intent = asIntent(a);
    await this.intents.announce(intent);
    return intent.id;
  }

  /** Appends the entry of an announced action; false if it was already settled (by the reconciler). */
  settle(id: string, s: AuditSettlement): Promise<boolean> {
    return this.intents.settle(id, {
      status: s.status,
      after: asAuditState(s.after),
      targetId: s.targetId,
    });
  }

  /** Forgets an announced action that was refused: it changed nothing, so it records nothing. */
  async withdraw(id: string): Promise<void> {
    await this.intents.withdraw(id);
  }

  /** One page, newest first, and the cursor of the next one. */
  async page(
    query: AuditQuery,
    cursor?: string,
    limit = DEFAULT_PAGE,
    scope: AuditScope = null,
  ): Promise<AuditPageView> {
    const filter = {
      ...auditFilterOf(query, scope),
      after: cursor ? decodeCursor(cursor) : undefined,
    };
    const rows = await this.entries.page(filter, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      entries: shown.map(entryViewOf),
      next: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
}

/** An action as its entry will store it, without an outcome; secrets redacted. */
function asIntent(a: AuditAction): NewAuditIntent {
  return {
    id: randomUUID(),
    actorId: a.actor.id,
    actorRole: a.actor.role,
    action: a.action,
    targetKind: a.target.kind,
    targetId: a.target.id,
    before: asAuditState(a.before),
    request: asAuditState(a.request),
    reason: a.reason ?? null,
    requestId: a.requestId ?? null,
    ip: a.ip ?? null,
    workspaceId: a.workspaceId ?? null,
  };
}

function encodeCursor(row: AuditEntryRow): string {
  return encodeKeysetCursor([row.atExact, row.id]);
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const parts = decodeKeysetCursor(cursor, ['instant', 'uuid']);
  if (!parts)
    throw new AuditError(AuditErrorCode.BadCursor, 'cursor must be the next cursor of a page');
  const [at, id] = parts;
  return { at, id };
}
