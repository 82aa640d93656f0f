// What a policy's `qa` and `breaker` sections mean once their defaults are filled in. Pure: the
// score stage, the audit use case and the docs (docs/policy.md) all read the same numbers.
import { DEFAULT_BREAKER_WINDOW, parseDuration, Policy, routeDrawsFor } from '@arbiter/policy';
import type { PolicyCalibration } from './rules/calibration-refit.rules';
import type { BreakerSettings, BreakerState } from './rules/circuit-breaker.rules';
import type { RolloutSettings } from './rules/rollout.rules';

export const BREAKER_DEFAULTS = {
  maxOverrideRate: 0.1,
  window: DEFAULT_BREAKER_WINDOW,
  minSamples: 30,
  coolDownMs: 60 * 60 * 1000,
  halfOpenShare: 0.1,
  halfOpenAudits: 20,
  jumpWindowMs: 60 * 60 * 1000,
  minRouted: 50,
} as const;

export const QA_DEFAULTS = {
  /** While the breaker is open or half-open, this share of automatic approvals is audited. */
  sampleWhileBreakerOpen: 0.5,
  delta: 0.05,
  /** Audits do not hold a customer up: a day to do them unless the policy's SLA says otherwise. */
  slaMs: 24 * 60 * 60 * 1000,
} as const;

export type ApprovedBy = 'auto' | 'ai';

/**
 * The breaker's settings, or null when the policy has no `breaker` section: such a pipeline never
 * trips on evidence (a lead can still force it open).
 */
export function breakerSettingsOf(policy: Policy): BreakerSettings | null {
  const b = policy.breaker;
  if (!b) return null;
  return {
    maxOverrideRate: b.maxOverrideRate ?? BREAKER_DEFAULTS.maxOverrideRate,
    window: b.window ?? BREAKER_DEFAULTS.window,
    minSamples: b.minSamples ?? BREAKER_DEFAULTS.minSamples,
    coolDownMs: (b.coolDown && parseDuration(b.coolDown)) || BREAKER_DEFAULTS.coolDownMs,
    halfOpenShare: b.halfOpenShare ?? BREAKER_DEFAULTS.halfOpenShare,
    halfOpenAudits: b.halfOpenAudits ?? BREAKER_DEFAULTS.halfOpenAudits,
    // A jump the policy does not name is never exceeded: that trip is off.
    maxGateFailureJump: b.maxGateFailureJump ?? Number.POSITIVE_INFINITY,
    maxAiFaultJump: b.maxAiFaultJump ?? Number.POSITIVE_INFINITY,
    jumpWindowMs: (b.jumpWindow && parseDuration(b.jumpWindow)) || BREAKER_DEFAULTS.jumpWindowMs,
    minRouted: b.minRouted ?? BREAKER_DEFAULTS.minRouted,
  };
}

/** Whether the breaker judges jumps at all (either jump set): only then are the windows counted. */
export function judgesJumps(settings: BreakerSettings): boolean {
  return Number.isFinite(settings.maxGateFailureJump) || Number.isFinite(settings.maxAiFaultJump);
}

/** The share of automatic approvals of this kind that get an audit task, given the breaker. */
export function qaSampleRate(
  policy: Policy,
  approvedBy: ApprovedBy,
  breaker: BreakerState,
): number {
  const qa = policy.qa ?? {};
  const auto = qa.sampleAutoApproved ?? 0;
  const base = approvedBy === 'auto' ? auto : (qa.sampleAiApproved ?? auto);
  if (breaker === 'closed') return base;
  return Math.max(base, qa.sampleWhileBreakerOpen ?? QA_DEFAULTS.sampleWhileBreakerOpen);
}

export function auditDelta(policy: Policy): number {
  return policy.qa?.delta ?? QA_DEFAULTS.delta;
}

/**
 * Whether an automatic approval is audited, by the submission's deterministic QA draw (the same
 * draw decideRoute uses), and at what rate: the rate is stored with the decision because the
 * estimate weighs each audit by the inverse of the rate it was sampled at.
 */
export function auditSampleOf(
  policy: Policy,
  approvedBy: ApprovedBy,
  breaker: BreakerState,
  submissionId: string,
): { qaSample: boolean; qaSampleRate: number } {
  const rate = qaSampleRate(policy, approvedBy, breaker);
  return { qaSample: routeDrawsFor(submissionId).qa < rate, qaSampleRate: rate };
}

export const ROLLOUT_DEFAULTS = { minAudits: 50, targetError: 0.05 } as const;

/** The evidence-gated rollout's settings, or null when the policy has no `rollout.steps`. */
export function rolloutSettingsOf(policy: Policy): RolloutSettings | null {
  const r = policy.rollout;
  if (!r?.steps?.length) return null;
  return {
    steps: r.steps,
    minAudits: r.minAudits ?? ROLLOUT_DEFAULTS.minAudits,
    targetError: r.targetError ?? ROLLOUT_DEFAULTS.targetError,
    delta: auditDelta(policy),
  };
}

/** A policy's `scoring.calibration` as the loop reads it: a Platt map, else the identity. */
export function policyCalibration(policy: Policy | null | undefined): PolicyCalibration {
  const map = policy?.scoring?.calibration as Partial<PolicyCalibration> | undefined;
  if (map?.method === 'platt' && typeof map.a === 'number' && typeof map.b === 'number')
    return { method: 'platt', a: map.a, b: map.b };
  return { method: 'identity' };
}
