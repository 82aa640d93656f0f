import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { AccountRepository } from './repositories/account.repository';
import { AiReviewRepository } from './repositories/ai-review.repository';
import { PipelineRepository } from './repositories/pipeline.repository';
import { ReviewDecisionRepository } from './repositories/review-decision.repository';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { DeliveryEventRepository } from './repositories/delivery-event.repository';
import { SubmissionRepository } from './repositories/submission.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';

const REPOSITORIES = [
  AiReviewRepository,
  SubmissionRepository,
  PipelineRepository,
  AccountRepository,
  ReviewTaskRepository,
  ReviewDecisionRepository,
  ReviewQueueRepository,
  DeliveryEventRepository,
  WebhookEndpointRepository,
];

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        createDataSource(config.databaseUrl, config.databasePoolSize, config.databaseSynchronousCommit).initialize(),
    },
    ...REPOSITORIES,
  ],
  exports: [DataSource, ...REPOSITORIES],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Closed last (application shutdown runs after module destroy), once jobs and requests are done.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
