export * from './entities';
export * from './data-source.factory';
export * from './persistence.module';
export * from './query-rows';
export * from './deterministic-uuid';
export * from './row-columns';
export * from './group-commit';
export * from './store-failures';
