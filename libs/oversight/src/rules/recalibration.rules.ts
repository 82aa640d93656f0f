// Recalibration from reviewers' verdicts, as pure rules: which auto-approve threshold the
// verdicts support for a target error, and how reliable the confidence is. The verdicts are not
// a random sample (humans review what was routed to them; automatic approvals are only seen
// through audits), so each carries a weight of 1 / the probability it had of being seen.
import { clopperPearsonUpper } from '@arbiter/scoring';

export interface WeightedVerdict {
  /** The confidence the output was scored with. */
  confidence: number;
  /** The person's verdict: could it go out as it was? */
  acceptable: boolean;
  /** 1 / the probability this output's verdict was taken: 1 for a routed item every reviewer sees, 1/q for an audit sampled at q. */
  weight: number;
}

export interface ThresholdSettings {
  /** Target error rate among automatic approvals, in (0, 1). */
  targetError: number;
  /** Allowed probability that the bound is wrong, in (0, 1). */
  delta: number;
}

export type ThresholdProposal =
  | {
      threshold: number;
      /** Estimated share of traffic at or above the threshold (weighted). */
      approvedShare: number;
      /** Estimated error rate among outputs at or above it (weighted). */
      errorRate: number;
      /** Clopper–Pearson upper bound on it at 1 − δ, on Kish's effective sample size. */
      upperBound: number;
      effectiveVerdicts: number;
    }
  | { threshold: null; reason: string };

/**
 * The loosest threshold whose estimated error among the outputs it would approve has an upper
 * bound within the target. With unequal weights the bound is taken on Kish's effective number
 * of verdicts, (Σw)² / Σw², as the escaped-error estimator does; ties are approved together.
 */
export function proposeThreshold(
  verdicts: readonly WeightedVerdict[],
  settings: ThresholdSettings,
): ThresholdProposal {
  const { targetError, delta } = settings;
  if (!(targetError > 0 && targetError < 1)) throw new RangeError('targetError must be in (0, 1)');
  if (!(delta > 0 && delta < 1)) throw new RangeError('delta must be in (0, 1)');
  const sorted = [...verdicts].sort((a, b) => b.confidence - a.confidence);
  const total = sorted.reduce((sum, v) => sum + v.weight, 0);
  let weights = 0;
  let squares = 0;
  let errors = 0;
  let best: ThresholdProposal | null = null;
  for (let i = 0; i < sorted.length;) {
    const value = sorted[i].confidence;
    for (; i < sorted.length && sorted[i].confidence === value; i++) {
      const { weight, acceptable } = sorted[i];
      if (!(weight >= 1)) throw new RangeError(`weight must be ≥ 1, got ${weight}`);
      weights += weight;
      squares += weight * weight;
      if (!acceptable) errors += weight;
    }
    const effective = (weights * weights) / squares;
    const errorRate = errors / weights;
    const upperBound = clopperPearsonUpper(errorRate * effective, effective, delta);
    if (upperBound <= targetError)
      best = {
        threshold: value,
        approvedShare: weights / total,
        errorRate,
        upperBound,
        effectiveVerdicts: effective,
      };
  }
  return (
    best ?? {
      threshold: null,
      reason: `no threshold keeps the ${Math.round((1 - delta) * 100)} % upper bound on the error among approvals within ${targetError} on ${sorted.length} verdicts`,
    }
  );
}

export interface ReliabilityBin {
  from: number;
  to: number;
  /** Weighted mean confidence of the verdicts in the bin. */
  meanConfidence: number;
  /** Weighted share judged acceptable. */
  observedAcceptable: number;
  verdicts: number;
}

/** The reliability curve: in each confidence bin, the confidence claimed against the share found acceptable. */
export function reliabilityCurve(
  verdicts: readonly WeightedVerdict[],
  bins = 10,
): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ w: 0, conf: 0, ok: 0, n: 0 }));
  for (const v of verdicts) {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(v.confidence * bins)))];
    bin.w += v.weight;
    bin.conf += v.weight * v.confidence;
    bin.ok += v.acceptable ? v.weight : 0;
    bin.n++;
  }
  return sums.flatMap((bin, i) =>
    bin.n === 0
      ? []
      : [
          {
            from: i / bins,
            to: (i + 1) / bins,
            meanConfidence: bin.conf / bin.w,
            observedAcceptable: bin.ok / bin.w,
            verdicts: bin.n,
          },
        ],
  );
}
