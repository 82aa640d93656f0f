import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditReconcileScheduler } from './audit-reconcile.scheduler';

/**
 * The audit log's reads, the interceptor that records every @Audited route, and the reconciler
 * that records the calls the interceptor could not finish.
 */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }, AuditReconcileScheduler],
})
export class AuditApiModule {}
