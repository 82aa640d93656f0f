// Did a rate get worse between two windows (e.g. the human reject rate of the previous model
// version and the new one)? A one-sided two-proportion z-test with a pooled variance; fine for
// the counts a day of traffic gives, and refused below a minimum count where it is not.

export interface Proportion {
  events: number;
  total: number;
}

export interface RateChange {
  before: number;
  after: number;
  difference: number;
  /** One-sided p-value for "after is higher than before". */
  pValue: number;
  significant: boolean;
}

/** Tests whether `after`'s rate is higher than `before`'s at level `alpha`; null with too few items. */
export function rateIncrease(
  before: Proportion,
  after: Proportion,
  alpha: number,
  minTotal = 30,
): RateChange | null {
  if (before.total < minTotal || after.total < minTotal) return null;
  const p1 = before.events / before.total;
  const p2 = after.events / after.total;
  const pooled = (before.events + after.events) / (before.total + after.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / before.total + 1 / after.total));
  const pValue = se === 0 ? (p2 > p1 ? 0 : 1) : 1 - normalCdf((p2 - p1) / se);
  return { before: p1, after: p2, difference: p2 - p1, pValue, significant: pValue < alpha };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26; absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
