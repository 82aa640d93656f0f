export * from './process-metrics';
export * from './observability.module';
