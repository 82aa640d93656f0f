import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loadConfig } from '@arbiter/config';
import { PersistenceModule } from '@arbiter/persistence';
import { QueueModule } from '@arbiter/queue';
import { OversightModule } from '@arbiter/oversight';
import { ReviewModule } from '@arbiter/review';
import { WorkflowModule } from '@arbiter/workflow';
import { DeliveryOutboxModule, HttpRuleService, RULE_SERVICE } from '@arbiter/delivery';
import { StatsModule } from '@arbiter/stats';
import { LoggerModule } from 'nestjs-pino';
import { AI_REVIEW_PROVIDERS } from './ai-review/ai-review.providers';
import { WorkerMetrics } from './common/worker-metrics.service';
import { DELIVER_PROVIDERS } from './deliver/deliver.providers';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { RecoverUnsettled } from './maintenance/recover-unsettled.use-case';
import { ScoreSubmission } from './score/score-submission.use-case';
import { ScoreProcessor } from './score/score.processor';
import { StatsReconcile } from './stats/stats-reconcile.use-case';
import { StatsRollup } from './stats/stats-rollup.use-case';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: (config ?? loadConfig()).logLevel } }),
        PersistenceModule,
        QueueModule,
        WorkflowModule,
        ReviewModule,
        DeliveryOutboxModule,
        StatsModule,
        OversightModule,
      ],
      providers: [WorkerMetrics, { provide: RULE_SERVICE, useClass: HttpRuleService }, ScoreSubmission, ScoreProcessor, RecoverUnsettled, MaintenanceProcessor, ...AI_REVIEW_PROVIDERS, ...DELIVER_PROVIDERS, StatsRollup, StatsReconcile],
      exports: [RecoverUnsettled, WorkerMetrics],
    };
  }
}
