import { Global, Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log.use-case';
import { AuditSnapshots } from './audit-snapshots.registry';

/** The audit log; global, because every slice's administrative edge records into it. */
@Global()
@Module({
  providers: [AuditEntryRepository, AuditLog, AuditSnapshots],
  exports: [AuditLog, AuditSnapshots],
})
export class AuditModule {}
