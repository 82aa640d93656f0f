// The self-checking loop of Arbiter's automation. `rules/` is pure (no I/O, no framework); the
// services around it record audits, keep each pipeline's breaker and report the estimates.
export * from './rules/escaped-error.estimator';
export * from './rules/circuit-breaker.rules';
export * from './rules/rollout.rules';
export * from './rules/population-stability';
export * from './rules/rate-change';
export * from './rules/recalibration.rules';
export * from './oversight.settings';
export * from './audit/qa-audit.repository';
export * from './audit/audit-recorder.service';
export * from './breaker/breaker.repository';
export * from './breaker/automation-breaker.service';
export * from './breaker/approval-gate.service';
export * from './rollout/rollout.repository';
export * from './rollout/automation-rollout.service';
export * from './recalibration/verdict.repository';
export * from './recalibration/threshold-proposal.service';
export * from './report/oversight-history.repository';
export * from './report/oversight-report.service';
export * from './alerts/alert.repository';
export * from './alerts/alerts.service';
export * from './drift/traffic-sample.repository';
export * from './drift/drift.rules';
export * from './drift/drift-watch.service';
export * from './oversight.module';
