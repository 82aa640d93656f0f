// Datasets built from reviewers' decisions, exported as JSONL, and regression runs that replay
// them through a prompt version and model, scored with the pipeline's policy.
export * from './datasets.errors';
export * from './page-cursor';
export * from './items/dataset.repository';
export * from './items/dataset-item.repository';
export * from './items/datasets.use-case';
export * from './runs/text-similarity';
export * from './runs/item-verdict';
export * from './runs/candidate-route';
export * from './runs/chat-text.provider';
export * from './runs/generation-chain';
export * from './runs/generation-chain.provider';
export * from './runs/regression-run.repository';
export * from './runs/run-summary';
export * from './runs/run-report.use-case';
export * from './runs/start-run.use-case';
export * from './runs/execute-run.use-case';
export * from './runs/recover-regression-runs.use-case';
export * from './triggers/model-sighting.repository';
export * from './triggers/regression-triggers.use-case';
export * from './datasets.module';
