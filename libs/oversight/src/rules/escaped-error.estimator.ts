import { clopperPearsonUpper } from '@arbiter/scoring';

/** One audit of an automatic approval (auto or AI): did a person overturn it? */
export interface AuditOutcome {
  /** True when the auditor disagreed with the automatic approval: an error that escaped. */
  overturned: boolean;
  /** The probability with which this approval was sampled for audit, in (0, 1]. */
  sampleRate: number;
}

export interface EscapedErrorEstimate {
  audits: number;
  overturned: number;
  /**
   * Share of automatic approvals that were wrong, each audit weighted by 1 / its sampling
   * probability (Hájek estimator), so a period audited at 20 % does not outweigh one at 2 %
   * just because it produced more audits. Null without audits.
   */
  errorRate: number | null;
  /**
   * One-sided Clopper–Pearson upper bound on that rate at confidence 1 − δ. With unequal
   * weights it is taken on Kish's effective sample size (Σw)² / Σw², the usual design-effect
   * correction; with one sampling rate it is the exact bound. 1 without audits: no evidence.
   */
  upperBound: number;
  /** Kish's effective number of audits (equals `audits` when every rate is the same). */
  effectiveAudits: number;
  delta: number;
}

/** Estimates the error rate among automatic approvals from their audits, with an upper bound. */
export function estimateEscapedErrors(
  audits: readonly AuditOutcome[],
  delta: number,
): EscapedErrorEstimate {
  if (!(delta > 0 && delta < 1)) throw new RangeError('delta must be in (0, 1)');
  let weights = 0;
  let squares = 0;
  let weightedErrors = 0;
  let overturned = 0;
  for (const audit of audits) {
    if (!(audit.sampleRate > 0 && audit.sampleRate <= 1))
      throw new RangeError(`sampleRate must be in (0, 1], got ${audit.sampleRate}`);
    const w = 1 / audit.sampleRate;
    weights += w;
    squares += w * w;
    if (audit.overturned) {
      weightedErrors += w;
      overturned++;
    }
  }
  if (audits.length === 0)
    return { audits: 0, overturned: 0, errorRate: null, upperBound: 1, effectiveAudits: 0, delta };
  const errorRate = weightedErrors / weights;
  const effectiveAudits = (weights * weights) / squares;
  return {
    audits: audits.length,
    overturned,
    errorRate,
    upperBound: clopperPearsonUpper(errorRate * effectiveAudits, effectiveAudits, delta),
    effectiveAudits,
    delta,
  };
}
