import { clopperPearsonUpper } from './beta.calibration';

export interface ChooseThresholdInput {
  /** Calibrated confidences (higher = more likely acceptable). */
  scores: number[];
  /** 1 (or true) = acceptable, 0 (or false) = an error if approved. */
  labels: (number | boolean)[];
  /** Target error rate among approved items, e.g. 0.05. */
  alpha: number;
  /** Allowed probability that the bound is wrong, e.g. 0.05. */
  delta: number;
  /**
   * `scan` (default): the loosest threshold whose bound ≤ alpha, over all candidate thresholds.
   * `fixed-sequence`: Learn-then-Test style, walk from strict to loose and stop at the first
   * threshold that fails; controls the family-wise error over the search at the price of coverage.
   */
  mode?: 'scan' | 'fixed-sequence';
}

export type ChooseThresholdResult =
  | {
      threshold: number;
      approved: number;
      errors: number;
      upperBound: number;
      precision: number;
      coverage: number;
    }
  | { threshold: null; reason: string; needed: number };

/** Fewest approvals with zero errors for which a bound ≤ alpha is possible: ln(δ)/ln(1 − α). */
export function minimumApprovals(alpha: number, delta: number): number {
  return Math.ceil(Math.log(delta) / Math.log(1 - alpha));
}

/**
 * Chooses the loosest auto-approve threshold λ (approve when score ≥ λ) whose Clopper–Pearson
 * upper bound on the error rate among approved items is ≤ alpha at confidence 1 − delta.
 */
export function chooseThreshold(input: ChooseThresholdInput): ChooseThresholdResult {
  const { scores, labels, alpha, delta } = input;
  if (scores.length !== labels.length) throw new RangeError('scores and labels differ in length');
  if (!(alpha > 0 && alpha < 1) || !(delta > 0 && delta < 1))
    throw new RangeError('alpha and delta must be in (0, 1)');
  const needed = minimumApprovals(alpha, delta);
  const n = scores.length;
  if (n < needed)
    return {
      threshold: null,
      reason: `${n} labelled items; at least ${needed} approvals are needed for alpha=${alpha}, delta=${delta}`,
      needed,
    };
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let best: ChooseThresholdResult | null = null;
  let errors = 0;
  let failedOnce = false;
  for (let i = 0; i < n;) {
    const value = scores[order[i]];
    // Items with equal scores are approved together: a threshold cannot split a tie.
    while (i < n && scores[order[i]] === value) {
      if (!isPositive(labels[order[i]])) errors++;
      i++;
    }
    if (i < needed) continue;
    const bound = clopperPearsonUpper(errors, i, delta);
    if (bound <= alpha) {
      if (!(input.mode === 'fixed-sequence' && failedOnce)) {
        best = {
          threshold: value,
          approved: i,
          errors,
          upperBound: bound,
          precision: 1 - errors / i,
          coverage: i / n,
        };
      }
    } else {
      failedOnce = true;
      if (input.mode === 'fixed-sequence') break;
    }
  }
  return (
    best ?? {
      threshold: null,
      reason: `no threshold keeps the ${Math.round((1 - delta) * 100)}% upper bound on error among approved items ≤ ${alpha}`,
      needed,
    }
  );
}

function isPositive(label: number | boolean): boolean {
  return label === true || label === 1;
}
