import { DomainError } from '@arbiter/errors';

/** Why a read of the audit log was refused. */
export enum AuditErrorCode {
  BadCursor = 'audit.bad_cursor',
  BadRange = 'audit.bad_range',
}

export class AuditError extends DomainError<AuditErrorCode> {}
