import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig, ConfigModule, loadConfig } from '@arbiter/config';
import { LoggerModule } from 'nestjs-pino';
import { PersistenceModule } from '@arbiter/persistence';
import { AuthModule } from '@arbiter/auth';
import { ObservabilityModule } from '@arbiter/observability';
import { RequiredSubscribersModule, WorkflowModule } from '@arbiter/workflow';
import { QueueModule } from '@arbiter/queue';
import { DeliveryOutboxModule } from '@arbiter/delivery';
import { AuthApiModule } from './auth/auth-api.module';
import { BootstrapSeed } from './bootstrap/bootstrap-seed.service';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { DeliveryApiModule } from './delivery/delivery-api.module';
import { requestIdOf, requestLogFields } from './common/request-id';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { OversightApiModule } from './oversight/oversight-api.module';
import { PipelinesApiModule } from './pipelines/pipelines-api.module';
import { PromptsApiModule } from './prompts/prompts-api.module';
import { DatasetsApiModule } from './datasets/datasets-api.module';
import { ShadowApiModule } from './shadow/shadow-api.module';
import { AdminModule } from './admin/admin.module';
import { AuditApiModule } from './audit/audit-api.module';
import { ReviewApiModule } from './review/review-api.module';
import { StatsApiModule } from './stats/stats-api.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { WebUiModule } from './web/web-ui.module';
import { WorkspacesApiModule } from './workspaces/workspaces-api.module';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: (config ?? loadConfig()).logLevel,
            // Honour a caller's request id so one id follows a request across services.
            genReqId: (req) => requestIdOf(req),
            // Per-request lines at debug only: at 1,000 requests/s they would cost more than the work.
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
            // A request is logged by what identifies it, never its headers (so no credential
            // or cookie reaches a log); the default serializer's headers, and redacting them,
            // cost about 4 % of the api's CPU at intake's peak, at every level: pino-http binds
            // the serialized request to each request's logger whether or not a line is written.
            serializers: { req: requestLogFields },
          },
        }),
        ObservabilityModule.forService('arbiter-api'),
        PersistenceModule,
        WorkflowModule,
        // Reviewers decide here: their decisions' outcomes, tasks and announcements must follow.
        RequiredSubscribersModule.of([
          'review.create-task',
          'delivery.record-outcome',
          'intake.announce-route',
        ]),
        QueueModule,
        MetricsModule,
        AuthModule,
        AuthApiModule,
        // Before the audit interceptor: a target outside the caller's workspace is refused first.
        WorkspacesApiModule,
        PipelinesApiModule,
        SubmissionsModule,
        ReviewApiModule,
        AdminModule,
        DeliveryOutboxModule,
        DeliveryApiModule,
        WebUiModule,
        StatsApiModule,
        OversightApiModule,
        PromptsApiModule,
        DatasetsApiModule,
        ShadowApiModule,
        AuditApiModule,
      ],
      controllers: [HealthController],
      providers: [BootstrapSeed, { provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}
