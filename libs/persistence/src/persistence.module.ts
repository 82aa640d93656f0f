import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        createDataSource(
          config.databaseUrl,
          config.databasePoolSize,
          config.databaseSynchronousCommit,
        ).initialize(),
    },
  ],
  exports: [DataSource],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Closed last (application shutdown runs after module destroy), once jobs and requests are done.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
