export * from './entities';
export * from './data-source.factory';
export * from './persistence.module';
export * from './repositories/submission.repository';
export * from './repositories/pipeline.repository';
export * from './repositories/account.repository';
