import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { OptionalQueryBoolean } from './query-boolean';
import { OptionalQueryInt } from './query-int';

/** Filters of GET /v1/audit and its export; the time range is [from, to). */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: "The actor: a user's id or email" })
  @IsOptional()
  @Matches(
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^\s@]{1,200}@[^\s@]{1,200})$/i,
    {
      message: "actor must be a user's id (UUID) or email",
    },
  )
  actor?: string;

  @ApiPropertyOptional({
    description: 'An action (`pipeline.activate`), or every action of a kind (`pipeline.`)',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z-]*(\.[a-z-]*)?$/, {
    message: 'action must be an action such as pipeline.activate, or a kind such as pipeline.',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (ISO 8601, exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

/** GET /v1/audit: the filters and a page, newest first. */
export class AuditPageQueryDto extends AuditQueryDto {
  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the next cursor of a page' })
  cursor?: string;

  @OptionalQueryInt('limit', 500, { default: 50 })
  limit?: number;
}

/**
 * GET /v1/audit/export: the filters, and whether the calls in flight come too. Off by default: an
 * export has always been the log's entries only, and a reader of those lines may not expect a
 * `pending` status among them.
 */
export class AuditExportQueryDto extends AuditQueryDto {
  @OptionalQueryBoolean('includePending', {
    default: false,
    description:
      'Also export the calls in flight (announced, not answered yet), before the entries, each with status `pending`',
  })
  includePending?: boolean;
}

/**
 * GET /v1/audit/pending: the same filters (the time range on when each action was announced) and
 * a bound, newest first. No cursor: the list is the calls in flight now, and an announced call
 * leaves it as it is answered, so a second page would not continue the first.
 */
export class AuditPendingQueryDto extends AuditQueryDto {
  @OptionalQueryInt('limit', 500, { default: 50 })
  limit?: number;
}

/**
 * How an audited call ended. `done`: it succeeded. `failed`: it answered with a server error
 * (5xx); compare `before` and `after` to see whether it changed something anyway. `unconfirmed`:
 * its outcome never came back (the process stopped, or the entry could not be written) and it
 * may have acted; `after` is the target's state as read when the entry was finished, later.
 */
export type AuditEntryStatus = 'done' | 'failed' | 'unconfirmed';

/** One administrative action as the audit log shows it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string | null; email: string | null; role: string | null };
  /** e.g. `pipeline.activate`. */
  action: string;
  target: { kind: string; id: string | null };
  /** The state of the target before and after (secrets redacted); null where there was none. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** What was asked: the request body, secrets redacted. */
  request: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  status: AuditEntryStatus;
}

export interface AuditPageView {
  entries: AuditEntryView[];
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  next: string | null;
}

/**
 * An audited call announced but not answered yet: it is running, or its process stopped before it
 * answered. It leaves the list when it is answered (its entry appended, or nothing if refused) or,
 * unanswered, when the reconciler appends it `unconfirmed`. Its `id` is the id its entry will have.
 */
export interface AuditPendingView {
  id: string;
  /** When the call was announced, just before it ran. */
  announcedAt: string;
  actor: { id: string | null; email: string | null; role: string | null };
  action: string;
  /** `id` is null for a creation: what it creates is known only from its answer. */
  target: { kind: string; id: string | null };
  /** The state of the target before the call, and what was asked (secrets redacted). */
  before: Record<string, unknown> | null;
  request: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  status: 'pending';
}

/**
 * A call in flight as a line of the export (`includePending=true`): an entry's fields, so that one
 * reader takes every line, with `at` when the call was announced (the time filters match that too),
 * no `after` yet, and `status` pending. Its entry, once appended, has the same `id`.
 */
export interface AuditPendingExportLine extends Omit<AuditEntryView, 'after' | 'status'> {
  after: null;
  status: 'pending';
}

/** One line of GET /v1/audit/export. */
export type AuditExportLine = AuditEntryView | AuditPendingExportLine;

export interface AuditPendingListView {
  /** Newest first, at most `limit`. */
  pending: AuditPendingView[];
  /** Whether more calls in flight match than were listed. */
  more: boolean;
}
