export * from './process-metrics';
export * from './observability.module';
export * from './tracing';
