export * from './audit.errors';
export * from './audit.module';
export * from './audit-log.use-case';
export * from './audit-snapshots.registry';
export * from './secret-redaction';
export * from './reconcile-audit-intents.use-case';
export type { AuditQuery, AuditScope } from './audit-filter';
export * from './list-pending-audit-actions.use-case';
export * from './export-audit-log.use-case';
