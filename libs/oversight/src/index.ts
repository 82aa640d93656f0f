// The self-checking loop of Arbiter's automation. `rules/` is pure (no I/O, no framework).
export * from './rules/escaped-error.estimator';
export * from './rules/circuit-breaker.rules';
export * from './rules/rollout.rules';
export * from './rules/population-stability';
export * from './rules/rate-change';
export * from './rules/recalibration.rules';
