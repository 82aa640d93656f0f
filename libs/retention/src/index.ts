export * from './erasure.rules';
export * from './retention.repository';
export * from './submission-erasure.service';
export * from './retention-sweep.use-case';
export * from './erase-by-external-id.use-case';
export * from './retention.module';
