import type { EntityManager } from 'typeorm';

/** A change single sign-on made to a user, for the audit log. */
export interface SsoAuditEntry {
  actor: { id: string; role: string };
  action: string;
  target: { kind: 'user'; id: string };
  before: unknown;
  after: unknown;
  reason: string;
  /** The address the sign-in came from. */
  ip: string | null;
}

/**
 * Where single sign-on records the users it creates and the roles it changes, in the
 * transaction of the change. The audit slice sits above auth, so the api binds it (AuditLog).
 */
export const SSO_AUDIT = Symbol('SSO_AUDIT');
export interface SsoAudit {
  record(entry: SsoAuditEntry, tx: EntityManager): Promise<void>;
}
