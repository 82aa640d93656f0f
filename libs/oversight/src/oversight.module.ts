import { Module } from '@nestjs/common';
import { DeliveryOutboxModule } from '@arbiter/delivery';
import { ReviewModule } from '@arbiter/review';
import { WorkflowModule } from '@arbiter/workflow';
import { AuditRecorder } from './audit/audit-recorder.service';
import { QaAuditRepository } from './audit/qa-audit.repository';
import { ApprovalGate } from './breaker/approval-gate.service';
import { AutomationBreaker } from './breaker/automation-breaker.service';
import { BreakerRepository } from './breaker/breaker.repository';
import { OversightReport } from './report/oversight-report.service';

const PROVIDERS = [
  BreakerRepository,
  QaAuditRepository,
  AutomationBreaker,
  ApprovalGate,
  AuditRecorder,
  OversightReport,
];

/** The self-checking loop: audits of automatic approvals, the automation breaker, the estimate. */
@Module({
  imports: [WorkflowModule, ReviewModule, DeliveryOutboxModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class OversightModule {}
