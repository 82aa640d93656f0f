export * from './test-database';
export * from './expect-eventually';
export * from './redis-reset';
export * from './test-config';
export * from './in-memory';
export * from './runaway';
