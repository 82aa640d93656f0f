import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loadConfig } from '@arbiter/config';
import { AiReviewModule } from '@arbiter/ai-review';
import { DeliveryOutboxModule } from '@arbiter/delivery';
import { ScoreStageModule } from '@arbiter/intake';
import { ObservabilityModule } from '@arbiter/observability';
import { OversightModule } from '@arbiter/oversight';
import { PipelinesModule } from '@arbiter/pipelines';
import { PersistenceModule } from '@arbiter/persistence';
import { QueueModule } from '@arbiter/queue';
import { RetentionModule } from '@arbiter/retention';
import { ReviewModule } from '@arbiter/review';
import { StatsModule } from '@arbiter/stats';
import { RequiredSubscribersModule, SUBSCRIBERS, WorkflowModule } from '@arbiter/workflow';
import { PromptsModule } from '@arbiter/prompts';
import { DatasetsModule } from '@arbiter/datasets';
import { ShadowModule, ShadowScorer } from '@arbiter/shadow';
import { RegressionHandler } from './regression/regression.handler';
import { LoggerModule } from 'nestjs-pino';
import { AiReviewHandler } from './ai-review/ai-review.handler';
import { QUEUE_HANDLERS, QueueHandler } from './common/queue-handler';
import { QueueWorkers } from './common/queue-workers.service';
import { WorkerMetrics } from './common/worker-metrics.service';
import { DeliverHandler } from './deliver/deliver.handler';
import { MaintenanceHandler } from './maintenance/maintenance.handler';
import { ScoreHandler } from './score/score.handler';

const HANDLERS = [
  ScoreHandler,
  AiReviewHandler,
  DeliverHandler,
  MaintenanceHandler,
  RegressionHandler,
];

/** The worker: each slice's stage plugged into its queue's processor. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: (config ?? loadConfig()).logLevel } }),
        ObservabilityModule.forService('arbiter-worker'),
        PersistenceModule,
        QueueModule,
        WorkflowModule,
        ReviewModule,
        DeliveryOutboxModule,
        StatsModule,
        OversightModule,
        ScoreStageModule,
        AiReviewModule,
        PipelinesModule,
        RetentionModule,
        PromptsModule,
        DatasetsModule,
        ShadowModule,
        // Every stage runs here, so every subscriber must.
        RequiredSubscribersModule.of(SUBSCRIBERS),
      ],
      providers: [
        WorkerMetrics,
        ...HANDLERS,
        {
          provide: QUEUE_HANDLERS,
          inject: HANDLERS,
          useFactory: (...handlers: QueueHandler[]) => handlers,
        },
        QueueWorkers,
        ShadowScorer,
      ],
      exports: [WorkerMetrics],
    };
  }
}
