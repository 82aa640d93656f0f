import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { MaintenanceJob, QueueName, QueueProducer } from '@arbiter/queue';
import { AutomationBreaker, DriftWatch } from '@arbiter/oversight';
import { LeaseRecovery, ReviewReconciler, SlaAging } from '@arbiter/review';
import { Job } from 'bullmq';
import { RecoverAiReview } from '../ai-review/recover-ai-review.use-case';
import { QueueWorkerHost } from '../common/queue-worker.host';
import { StatsReconcile } from '../stats/stats-reconcile.use-case';
import { StatsRollup } from '../stats/stats-rollup.use-case';
import { ReconcileDeliveries } from '../deliver/reconcile-deliveries.use-case';
import { RecoverUnsettled } from './recover-unsettled.use-case';

interface Schedule {
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Repeatable housekeeping jobs. The schedulers are upserted at start (every replica agrees on
 * them; BullMQ runs each once per tick across replicas); a job nobody handles fails loudly.
 */
@Injectable()
export class MaintenanceProcessor extends QueueWorkerHost {
  protected readonly queueName = QueueName.Maintenance;
  protected readonly concurrency = 1;
  private readonly schedules: Record<MaintenanceJob, Schedule>;
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
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
  ) {
    super(config);
    const recovery = config.worker.recoveryEveryMs;
    this.schedules = {
      [MaintenanceJob.RecoverUnsettled]: { everyMs: recovery, run: () => recoverUnsettled.execute() },
      [MaintenanceJob.RecoverAiReview]: { everyMs: recovery, run: () => recoverAiReview.execute() },
      [MaintenanceJob.ReconcileDeliveries]: { everyMs: recovery, run: () => reconcileDeliveries.execute() },
      [MaintenanceJob.ReviewLeases]: { everyMs: config.review.maintenanceEveryMs, run: () => leaseRecovery.execute() },
      [MaintenanceJob.ReviewSla]: { everyMs: config.review.maintenanceEveryMs, run: () => slaAging.execute() },
      [MaintenanceJob.ReviewReconcile]: { everyMs: config.review.reconcileEveryMs, run: () => reviewReconciler.execute() },
      [MaintenanceJob.StatsRollup]: { everyMs: config.stats.rollupEveryMs, run: () => statsRollup.execute() },
      [MaintenanceJob.StatsReconcile]: { everyMs: config.stats.reconcileEveryMs, run: () => statsReconcile.execute() },
      // Open breakers whose cool-down ran out half-open; as often as the review upkeep.
      [MaintenanceJob.BreakerCoolDown]: { everyMs: config.review.maintenanceEveryMs, run: () => breaker.sweep() },
      [MaintenanceJob.DriftWatch]: { everyMs: config.drift.everyMs, run: () => driftWatch.execute() },
    };
  }

  override async onModuleInit(): Promise<void> {
    super.onModuleInit();
    for (const name of Object.keys(this.schedules) as MaintenanceJob[]) await this.upsertSchedule(name);
    // The schedules live in Redis. If Redis loses its data (a flush, a failover to an empty
    // replica), nothing would ever run again (not even the reconciler that puts review tasks
    // back), so every replica checks they exist and restores any that went missing.
    this.scheduleCheck = setInterval(() => void this.restoreMissingSchedules(), this.config.worker.scheduleCheckEveryMs);
    this.scheduleCheck.unref();
  }

  override async onModuleDestroy(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await super.onModuleDestroy();
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
    if (restored.length) this.logger.warn(`maintenance schedules missing from Redis, restored: ${restored.join(', ')}`);
    return restored;
  }

  private async upsertSchedule(name: MaintenanceJob): Promise<void> {
    await this.producer.queue(QueueName.Maintenance).upsertJobScheduler(name, { every: this.schedules[name].everyMs }, {
      name,
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
  }

  protected process(job: Job): Promise<unknown> {
    const schedule = this.schedules[job.name as MaintenanceJob];
    if (!schedule) throw new Error(`No handler for maintenance job "${job.name}"`);
    return schedule.run();
  }
}
