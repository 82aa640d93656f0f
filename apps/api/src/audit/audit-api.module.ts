import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';

/** The audit log's reads, and the interceptor that records every @Audited route. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class AuditApiModule {}
