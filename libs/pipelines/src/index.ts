export * from './pipeline-admin.use-case';
export * from './pipelines-dir.loader';
export * from './policy-checker';
export * from './pipelines.module';
export * from './pipelines.errors';
export * from './pipeline-oversight.use-case';
export * from './scheduled-recalibration.use-case';
