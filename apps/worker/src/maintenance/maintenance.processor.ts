import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { MaintenanceJob, QueueName, QueueProducer } from '@arbiter/queue';
import { Job } from 'bullmq';
import { QueueWorkerHost } from '../common/queue-worker.host';
import { RecoverUnsettled } from './recover-unsettled.use-case';

/** Repeatable housekeeping jobs; the schedulers are upserted at start, so every replica agrees. */
@Injectable()
export class MaintenanceProcessor extends QueueWorkerHost {
  protected readonly queueName = QueueName.Maintenance;
  protected readonly concurrency = 1;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly producer: QueueProducer,
    private readonly recoverUnsettled: RecoverUnsettled,
  ) {
    super(config);
  }

  override async onModuleInit(): Promise<void> {
    super.onModuleInit();
    await this.producer
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(MaintenanceJob.RecoverUnsettled, { every: this.config.worker.recoveryEveryMs }, {
        name: MaintenanceJob.RecoverUnsettled,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      });
  }

  protected process(job: Job): Promise<unknown> {
    switch (job.name) {
      case MaintenanceJob.RecoverUnsettled:
        return this.recoverUnsettled.execute();
      default:
        // A job nobody handles must be loud: it means a scheduler without a handler.
        throw new Error(`No handler for maintenance job "${job.name}"`);
    }
  }
}
