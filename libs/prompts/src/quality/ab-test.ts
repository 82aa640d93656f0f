/** A share with its counts. */
export interface Proportion {
  hits: number;
  total: number;
}

export interface ProportionTest {
  /** Two-sided p-value of a two-proportion z-test; null when either arm has no samples. */
  pValue: number | null;
  z: number | null;
}

/** Two-proportion z-test with the pooled variance (adequate from ~10 hits and misses per arm). */
export function twoProportionTest(a: Proportion, b: Proportion): ProportionTest {
  if (a.total === 0 || b.total === 0) return { pValue: null, z: null };
  const pa = a.hits / a.total;
  const pb = b.hits / b.total;
  const pooled = (a.hits + b.hits) / (a.total + b.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  if (se === 0) return { pValue: pa === pb ? 1 : 0, z: null };
  const z = (pa - pb) / se;
  return { pValue: 2 * (1 - normalCdf(Math.abs(z))), z };
}

/** Standard normal CDF (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly =
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

/**
 * The arm to keep: the one with the lower human reject rate, when the difference is significant
 * at `alpha`; null while the evidence does not tell them apart.
 */
export function suggestedWinner(
  a: Proportion,
  b: Proportion,
  alpha = 0.05,
): { winner: 'a' | 'b' | null; test: ProportionTest } {
  const test = twoProportionTest(a, b);
  if (test.pValue === null || test.pValue >= alpha) return { winner: null, test };
  return { winner: a.hits / a.total <= b.hits / b.total ? 'a' : 'b', test };
}
