import { Module } from '@nestjs/common';
import { WorkflowModule } from '@arbiter/workflow';
import { AuditVerdicts } from './audit-verdicts.service';
import { ClaimNextTask } from './claim-next-task.use-case';
import { DecideTask } from './decide-task.use-case';
import { LeaseRecovery } from './lease-recovery.use-case';
import { ReviewDispatch } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { ReviewReconciler } from './review-reconciler.use-case';
import { ReviewTaskCreator } from './review-task-creator.service';
import { SlaAging } from './sla-aging.use-case';
import { TaskEscalator } from './task-escalator.service';
import { TaskLease } from './task-lease.use-case';
import { TaskViewBuilder } from './task-view.service';

const PROVIDERS = [
  AuditVerdicts,
  ReviewDispatch,
  ReviewNotifier,
  ReviewTaskCreator,
  TaskEscalator,
  TaskViewBuilder,
  ClaimNextTask,
  TaskLease,
  DecideTask,
  LeaseRecovery,
  SlaAging,
  ReviewReconciler,
];

/** Human review: task creation on hand-over, claim/lease/decide, SLA and reconciliation. */
@Module({ imports: [WorkflowModule], providers: PROVIDERS, exports: PROVIDERS })
export class ReviewModule {}
