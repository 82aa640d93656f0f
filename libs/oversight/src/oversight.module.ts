import { Module } from '@nestjs/common';
import { DeliveryOutboxModule } from '@arbiter/delivery';
import { ReviewModule } from '@arbiter/review';
import { WorkflowModule } from '@arbiter/workflow';
import { AlertRepository } from './alerts/alert.repository';
import { Alerts } from './alerts/alerts.service';
import { DriftWatch } from './drift/drift-watch.service';
import { TrafficSampleRepository } from './drift/traffic-sample.repository';
import { AuditRecorder } from './audit/audit-recorder.service';
import { QaAuditRepository } from './audit/qa-audit.repository';
import { ApprovalGate } from './breaker/approval-gate.service';
import { AutomationBreaker } from './breaker/automation-breaker.service';
import { BreakerRepository } from './breaker/breaker.repository';
import { JumpWindowRepository } from './breaker/jump-window.repository';
import { OversightHistory } from './report/oversight-history.repository';
import { OversightReport } from './report/oversight-report.service';
import { ThresholdProposals } from './recalibration/threshold-proposal.service';
import { CalibrationRefits } from './recalibration/calibration-refit.service';
import { VerdictRepository } from './recalibration/verdict.repository';
import { AutomationRollout } from './rollout/automation-rollout.service';
import { RolloutRepository } from './rollout/rollout.repository';

const PROVIDERS = [
  BreakerRepository,
  JumpWindowRepository,
  QaAuditRepository,
  AutomationBreaker,
  ApprovalGate,
  AuditRecorder,
  OversightReport,
  RolloutRepository,
  AutomationRollout,
  VerdictRepository,
  ThresholdProposals,
  CalibrationRefits,
  OversightHistory,
  AlertRepository,
  Alerts,
  TrafficSampleRepository,
  DriftWatch,
];

/** The self-checking loop: audits of automatic approvals, the automation breaker, the estimate. */
@Module({
  imports: [WorkflowModule, ReviewModule, DeliveryOutboxModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class OversightModule {}
