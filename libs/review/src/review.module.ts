import { Module } from '@nestjs/common';
import { WorkflowModule } from '@arbiter/workflow';
import { AuditVerdicts } from './audit-verdicts.service';
import { BrowseQueue } from './browse-queue.use-case';
import { ReviewDecisionRepository } from './repositories/review-decision.repository';
import { QueueTasksRepository } from './repositories/queue-tasks.repository';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { ReviewQueries } from './review-queries.use-case';
import { ClaimNextTask } from './claim-next-task.use-case';
import { DecideTask } from './decide-task.use-case';
import { HeldTasks } from './held-tasks.use-case';
import { LeaseRecovery } from './lease-recovery.use-case';
import { ReviewDispatch } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { ReviewReconciler } from './review-reconciler.use-case';
import { ReviewTaskCreator } from './review-task-creator.service';
import { SlaAging } from './sla-aging.use-case';
import { TaskEscalator } from './task-escalator.service';
import { TaskLease } from './task-lease.use-case';
import { TaskViewBuilder } from './task-view.service';
import { TaskWithdrawal } from './task-withdrawal.service';
import { PendingDecisionRepository } from './repositories/pending-decision.repository';
import { FinalizePendingDecisions } from './undo/finalize-pending-decisions.use-case';
import { RecentDecisions } from './undo/recent-decisions.use-case';
import { UndoDecision } from './undo/undo-decision.use-case';

const PROVIDERS = [
  ReviewTaskRepository,
  ReviewDecisionRepository,
  ReviewQueueRepository,
  QueueTasksRepository,
  ReviewQueries,
  BrowseQueue,
  AuditVerdicts,
  ReviewDispatch,
  ReviewNotifier,
  ReviewTaskCreator,
  TaskEscalator,
  TaskViewBuilder,
  ClaimNextTask,
  TaskLease,
  DecideTask,
  HeldTasks,
  LeaseRecovery,
  SlaAging,
  ReviewReconciler,
  TaskWithdrawal,
  PendingDecisionRepository,
  FinalizePendingDecisions,
  UndoDecision,
  RecentDecisions,
];

/** Human review: task creation on hand-over, claim/lease/decide, SLA and reconciliation. */
@Module({ imports: [WorkflowModule], providers: PROVIDERS, exports: PROVIDERS })
export class ReviewModule {}
