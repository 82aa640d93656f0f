import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { MaintenanceJob, QueueName, QueueProducer } from '@arbiter/queue';
import { AutomationBreaker, DriftWatch } from '@arbiter/oversight';
import {
  FinalizePendingDecisions,
  LeaseRecovery,
  ReviewReconciler,
  SlaAging,
} from '@arbiter/review';
import { PromptRollbackWatch } from '@arbiter/prompts';
import { Datasets, RecoverRegressionRuns, RegressionTriggers } from '@arbiter/datasets';
import { Job } from 'bullmq';
import { RecoverAiReview } from '@arbiter/ai-review';
import { QueueHandler } from '../common/queue-handler';
import { StatsReconcile, StatsRollup } from '@arbiter/stats';
import { ReconcileDeliveries } from '@arbiter/delivery';
import { RecoverUnsettled } from '@arbiter/intake';
import { ScheduledRecalibration } from '@arbiter/pipelines';
import { RetentionSweep } from '@arbiter/retention';

interface Schedule {
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Repeatable housekeeping jobs. The schedulers are upserted at start (every replica agrees on
 * them; BullMQ runs each once per tick across replicas); a job nobody handles fails loudly.
 */
@Injectable()
export class MaintenanceHandler
  implements QueueHandler<QueueName.Maintenance>, OnModuleInit, OnModuleDestroy
{
  readonly queue = QueueName.Maintenance;
  private readonly logger = new Logger(MaintenanceHandler.name);
  private readonly schedules: Record<MaintenanceJob, Schedule>;
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producer: QueueProducer,
    recoverUnsettled: RecoverUnsettled,
    recoverAiReview: RecoverAiReview,
    reconcileDeliveries: ReconcileDeliveries,
    leaseRecovery: LeaseRecovery,
    slaAging: SlaAging,
    reviewReconciler: ReviewReconciler,
    statsRollup: StatsRollup,
    statsReconcile: StatsReconcile,
    breaker: AutomationBreaker,
    driftWatch: DriftWatch,
    recalibration: ScheduledRecalibration,
    retentionSweep: RetentionSweep,
    promptRollbackWatch: PromptRollbackWatch,
    datasets: Datasets,
    regressionTriggers: RegressionTriggers,
    recoverRegressionRuns: RecoverRegressionRuns,
    finalizePendingDecisions: FinalizePendingDecisions,
  ) {
    const recovery = config.worker.recoveryEveryMs;
    this.schedules = {
      [MaintenanceJob.RecoverUnsettled]: {
        everyMs: recovery,
        run: () => recoverUnsettled.execute(),
      },
      [MaintenanceJob.RecoverAiReview]: { everyMs: recovery, run: () => recoverAiReview.execute() },
      [MaintenanceJob.ReconcileDeliveries]: {
        everyMs: recovery,
        run: () => reconcileDeliveries.execute(),
      },
      [MaintenanceJob.ReviewLeases]: {
        everyMs: config.review.maintenanceEveryMs,
        run: () => leaseRecovery.execute(),
      },
      [MaintenanceJob.ReviewSla]: {
        everyMs: config.review.maintenanceEveryMs,
        run: () => slaAging.execute(),
      },
      // Each decision's own delayed run ends its window on time; this catches any it missed.
      [MaintenanceJob.FinalizePendingDecisions]: {
        everyMs: config.review.maintenanceEveryMs,
        run: () => finalizePendingDecisions.execute(),
      },
      [MaintenanceJob.ReviewReconcile]: {
        everyMs: config.review.reconcileEveryMs,
        run: () => reviewReconciler.execute(),
      },
      [MaintenanceJob.StatsRollup]: {
        everyMs: config.stats.rollupEveryMs,
        run: () => statsRollup.execute(),
      },
      [MaintenanceJob.StatsReconcile]: {
        everyMs: config.stats.reconcileEveryMs,
        run: () => statsReconcile.execute(),
      },
      // Open breakers whose cool-down ran out half-open, and closed ones of pipelines whose
      // policy judges jumps are judged on their windows; as often as the review upkeep.
      [MaintenanceJob.BreakerCoolDown]: {
        everyMs: config.review.maintenanceEveryMs,
        run: () => breaker.sweep(),
      },
      [MaintenanceJob.DriftWatch]: {
        everyMs: config.drift.everyMs,
        run: () => driftWatch.execute(),
      },
      [MaintenanceJob.ScheduledRecalibration]: {
        everyMs: config.recalibrationCheckEveryMs,
        run: () => recalibration.execute(),
      },
      [MaintenanceJob.RetentionSweep]: {
        everyMs: config.retention.everyMs,
        run: () => retentionSweep.execute(),
      },
      [MaintenanceJob.PromptRollbackWatch]: {
        everyMs: config.prompts.watchEveryMs,
        run: () => promptRollbackWatch.execute(),
      },
      [MaintenanceJob.DatasetCollect]: {
        everyMs: config.datasets.collectEveryMs,
        run: () => datasets.collectAll(),
      },
      [MaintenanceJob.RegressionDaily]: {
        everyMs: config.datasets.regressionEveryMs,
        run: () => regressionTriggers.daily(),
      },
      [MaintenanceJob.RegressionModelWatch]: {
        everyMs: config.datasets.modelWatchEveryMs,
        run: () => regressionTriggers.modelWatch(),
      },
      [MaintenanceJob.RecoverRegressionRuns]: {
        everyMs: recovery,
        run: () => recoverRegressionRuns.execute(),
      },
    };
  }

  concurrency(): number {
    return 1;
  }

  async onModuleInit(): Promise<void> {
    for (const name of Object.keys(this.schedules) as MaintenanceJob[])
      await this.upsertSchedule(name);
    // The schedules live in Redis. If Redis loses its data (a flush, a failover to an empty
    // replica), nothing would ever run again (not even the reconciler that puts review tasks
    // back), so every replica checks they exist and restores any that went missing.
    this.scheduleCheck = setInterval(
      () => void this.restoreMissingSchedules(),
      this.config.worker.scheduleCheckEveryMs,
    );
    this.scheduleCheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.scheduleCheck);
  }

  /** Re-creates the schedules Redis no longer has; returns their names. */
  async restoreMissingSchedules(): Promise<MaintenanceJob[]> {
    const queue = this.producer.queue(QueueName.Maintenance);
    const restored: MaintenanceJob[] = [];
    try {
      for (const name of Object.keys(this.schedules) as MaintenanceJob[]) {
        if (await queue.getJobScheduler(name)) continue;
        await this.upsertSchedule(name);
        restored.push(name);
      }
    } catch (error) {
      this.logger.warn(`maintenance schedule check failed: ${(error as Error).message}`);
    }
    if (restored.length)
      this.logger.warn(
        `maintenance schedules missing from Redis, restored: ${restored.join(', ')}`,
      );
    return restored;
  }

  private async upsertSchedule(name: MaintenanceJob): Promise<void> {
    await this.producer.queue(QueueName.Maintenance).upsertJobScheduler(
      name,
      { every: this.schedules[name].everyMs },
      {
        name,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }

  process(job: Job): Promise<unknown> {
    const schedule = this.schedules[job.name as MaintenanceJob];
    if (!schedule) throw new Error(`No handler for maintenance job "${job.name}"`);
    return schedule.run();
  }
}
