import { Global, Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log.use-case';
import { AuditIntentRepository } from './audit-intent.repository';
import { AuditSnapshots } from './audit-snapshots.registry';
import { ExportAuditLog } from './export-audit-log.use-case';
import { ListPendingAuditActions } from './list-pending-audit-actions.use-case';
import { ReconcileAuditIntents } from './reconcile-audit-intents.use-case';

/** The audit log; global, because every slice's administrative edge records into it. */
@Global()
@Module({
  providers: [
    AuditEntryRepository,
    AuditIntentRepository,
    AuditLog,
    AuditSnapshots,
    ReconcileAuditIntents,
    ListPendingAuditActions,
    ExportAuditLog,
  ],
  exports: [
    AuditLog,
    AuditSnapshots,
    ReconcileAuditIntents,
    ListPendingAuditActions,
    ExportAuditLog,
  ],
})
export class AuditModule {}
