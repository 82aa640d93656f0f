import { AuditError, AuditErrorCode } from './audit.errors';

/** The filters of a read, as the caller wrote them. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The entries a reader may see: one workspace's, or (null) every entry, a platform admin's view. */
export type AuditScope = string | null;

/** Which actions, entries or intents alike: every filter optional. */
export interface AuditFilter {
  actorId?: string;
  actorEmail?: string;
  /** One action, or with a trailing dot every action of a kind. */
  action?: string;
  from?: Date;
  to?: Date;
  /** Only the actions of this workspace (a workspace's admins read theirs only). */
  workspaceId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter of a query, limited to the reader's scope; a range ending before it starts is refused. */
export function auditFilterOf(query: AuditQuery, scope: AuditScope): AuditFilter {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && from >= to)
    throw new AuditError(AuditErrorCode.BadRange, 'from must be before to');
  return {
    actorId: query.actor && UUID.test(query.actor) ? query.actor : undefined,
    actorEmail: query.actor && !UUID.test(query.actor) ? query.actor : undefined,
    action: query.action,
    from,
    to,
    workspaceId: scope ?? undefined,
  };
}

/**
 * The conditions of a filter on `audit_entries` or `audit_intents` (the same columns) aliased `a`,
 * joined with `users` aliased `u`; `param` binds a value and returns its placeholder. `at` is when
 * an entry was appended, or when an intent was announced.
 */
export function auditConditions(filter: AuditFilter, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filter.workspaceId) where.push(`a.workspace_id = ${param(filter.workspaceId)}::uuid`);
  if (filter.actorId) where.push(`a.actor_id = ${param(filter.actorId)}::uuid`);
  if (filter.actorEmail) where.push(`u.email = ${param(filter.actorEmail.toLowerCase())}`);
  if (filter.action?.endsWith('.')) where.push(`starts_with(a.action, ${param(filter.action)})`);
  else if (filter.action) where.push(`a.action = ${param(filter.action)}`);
  if (filter.from) where.push(`a.at >= ${param(filter.from)}`);
  if (filter.to) where.push(`a.at < ${param(filter.to)}`);
  return where;
}

/** A list of bound parameters and the function that adds one and names its placeholder. */
export function sqlParams(): { params: unknown[]; param: (value: unknown) => string } {
  const params: unknown[] = [];
  return {
    params,
    param: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}
