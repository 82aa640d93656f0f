// Rollout of automation by evidence: the share of traffic allowed to auto-approve climbs a
// schedule (e.g. 5 % → 10 % → 25 % → 50 % → 100 %) one step at a time, each step only when the
// audits taken at the current step bound the escaped-error rate within the target; a breaker
// trip steps it back. Pure: the worker persists the status and records each transition.
import { estimateEscapedErrors, type AuditOutcome } from './escaped-error.estimator';
import type { BreakerState } from './circuit-breaker.rules';

export interface RolloutSettings {
  /** Increasing shares in (0, 1]: the share of would-be approvals that may auto-approve. */
  steps: readonly number[];
  /** Audits needed at a step before it may advance. */
  minAudits: number;
  /** Target error rate among automatic approvals; the step's upper bound must be within it. */
  targetError: number;
  delta: number;
}

export interface RolloutStatus {
  step: number;
  since: number;
}

export interface RolloutTransition {
  from: number;
  to: number;
  fromShare: number;
  toShare: number;
  cause: 'evidence' | 'breaker_trip';
  figures: Record<string, number>;
  message: string;
}

export interface RolloutEvaluation {
  status: RolloutStatus;
  transition?: RolloutTransition;
}

/** The share of would-be approvals allowed to auto-approve at this status. */
export function rolloutShare(status: RolloutStatus, settings: RolloutSettings): number {
  return settings.steps[Math.min(Math.max(status.step, 0), settings.steps.length - 1)];
}

/** Advances one step when the audits taken at the current step prove it safe and the breaker is closed. */
export function evaluateRollout(
  status: RolloutStatus,
  auditsAtStep: readonly AuditOutcome[],
  breaker: BreakerState,
  settings: RolloutSettings,
  now: number,
): RolloutEvaluation {
  const last = settings.steps.length - 1;
  if (status.step >= last || breaker !== 'closed') return { status };
  const estimate = estimateEscapedErrors(auditsAtStep, settings.delta);
  if (estimate.audits < settings.minAudits || estimate.upperBound > settings.targetError)
    return { status };
  const to = status.step + 1;
  return {
    status: { step: to, since: now },
    transition: {
      from: status.step,
      to,
      fromShare: settings.steps[status.step],
      toShare: settings.steps[to],
      cause: 'evidence',
      figures: {
        audits: estimate.audits,
        overturned: estimate.overturned,
        upperBound: estimate.upperBound,
        targetError: settings.targetError,
      },
      message: `${estimate.audits} audits at ${pct(settings.steps[status.step])}, error bound ${pct(estimate.upperBound)} ≤ target ${pct(settings.targetError)}: up to ${pct(settings.steps[to])}`,
    },
  };
}

/** A breaker trip steps the rollout back one step (never below the first). */
export function stepBackOnTrip(
  status: RolloutStatus,
  settings: RolloutSettings,
  now: number,
): RolloutEvaluation {
  if (status.step <= 0) return { status: { step: 0, since: now } };
  const to = status.step - 1;
  return {
    status: { step: to, since: now },
    transition: {
      from: status.step,
      to,
      fromShare: settings.steps[status.step],
      toShare: settings.steps[to],
      cause: 'breaker_trip',
      figures: {},
      message: `breaker tripped: back to ${pct(settings.steps[to])}`,
    },
  };
}

const pct = (x: number): string => `${+(x * 100).toFixed(2)} %`;
