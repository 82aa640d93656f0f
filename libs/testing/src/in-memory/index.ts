// In-memory ports for the unit specs of use cases: no Postgres, no Redis, no Nest app.
export * from './in-memory-database';
export * from './workflow';
export * from './review';
export * from './pending-decisions';
export * from './review-dispatch';
export * from './delivery';
