import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'arbiter:audited';

/** What an audited route does, and to which target. */
export interface AuditedRoute {
  /** e.g. `pipeline.activate`: `<target kind>.<verb>`. */
  action: string;
  /** The kind of target (its state is read through the reader registered for this kind). */
  kind: string;
  /**
   * The route parameter naming the target, or `@client` for the calling client itself; absent,
   * the target is the `id` of what the route returns (a creation).
   */
  param?: string;
  /** An export: the entry says who read what, not the data read. */
  read?: boolean;
}

/**
 * Records one audit entry for each successful call of this route: the signed-in actor, the
 * target's state before and after, the request body, its reason, the request id and the address.
 */
export const Audited = (action: string, kind: string, param?: string) =>
  SetMetadata<string, AuditedRoute>(AUDITED, { action, kind, param });

/** Records who exported what (an export changes nothing, but who took the data out matters). */
export const AuditedExport = (action: string, kind: string, param?: string) =>
  SetMetadata<string, AuditedRoute>(AUDITED, { action, kind, param, read: true });
