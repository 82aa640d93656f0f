import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loadConfig } from '@arbiter/config';
import { PersistenceModule } from '@arbiter/persistence';
import { QueueModule } from '@arbiter/queue';
import { WorkflowModule } from '@arbiter/workflow';
import { LoggerModule } from 'nestjs-pino';
import { WorkerMetrics } from './common/worker-metrics.service';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { RecoverUnsettled } from './maintenance/recover-unsettled.use-case';
import { ScoreSubmission } from './score/score-submission.use-case';
import { ScoreProcessor } from './score/score.processor';

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
      ],
      providers: [WorkerMetrics, ScoreSubmission, ScoreProcessor, RecoverUnsettled, MaintenanceProcessor],
      exports: [RecoverUnsettled, WorkerMetrics],
    };
  }
}
