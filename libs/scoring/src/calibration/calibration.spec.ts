import { applyCalibration } from './apply.calibration';
import { betaCdf, betaInv, clopperPearsonUpper } from './beta.calibration';
import { fitIsotonic } from './isotonic.calibration';
import { fitLogistic, logisticLogit } from './logistic.calibration';
import { auroc, brier, ece } from './metrics.calibration';
import { fitPlatt } from './platt.calibration';
import { chooseThreshold, minimumApprovals } from './threshold.calibration';

// jstat ships no types; only its ibetainv is used, as an independent reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ref = require('jstat') as { ibetainv: (p: number, a: number, b: number) => number };

/** Deterministic pseudo-random numbers (mulberry32) so tests never flake. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Clopper–Pearson', () => {
  it.each([
    // k errors, n approved, delta → known upper bound
    [0, 59, 0.05, 0.04951],
    [0, 10, 0.05, 0.25887],
    [1, 100, 0.05, 0.04656],
    [5, 100, 0.05, 0.10225],
    [3, 50, 0.1, 0.12876],
  ])('upper(k=%d, n=%d, delta=%d) ≈ %d', (k, n, delta, expected) => {
    expect(clopperPearsonUpper(k, n, delta)).toBeCloseTo(expected, 4);
  });

  it.each([
    [0.95, 1, 59],
    [0.95, 6, 95],
    [0.5, 2, 3],
    [0.01, 10, 10],
  ])('betaInv(%d, %d, %d) agrees with jstat', (p, a, b) => {
    expect(betaInv(p, a, b)).toBeCloseTo(ref.ibetainv(p, a, b), 8);
    expect(betaCdf(betaInv(p, a, b), a, b)).toBeCloseTo(p, 9);
  });

  it('needs about 59 clean approvals for alpha=5%, delta=5%', () => {
    expect(minimumApprovals(0.05, 0.05)).toBe(59);
    expect(minimumApprovals(0.02, 0.05)).toBe(149);
    expect(minimumApprovals(0.01, 0.05)).toBe(299);
  });

  it('is 1 when every item is an error or there are none', () => {
    expect(clopperPearsonUpper(5, 5, 0.05)).toBe(1);
    expect(clopperPearsonUpper(0, 0, 0.05)).toBe(1);
  });
});

describe('chooseThreshold', () => {
  it('picks the loosest threshold whose bound holds', () => {
    // 100 clean items at the top, then a block where half are wrong.
    const scores = [
      ...Array.from({ length: 100 }, (_, i) => 0.99 - i * 0.001),
      ...Array.from({ length: 100 }, (_, i) => 0.5 - i * 0.001),
    ];
    const labels = [...Array(100).fill(1), ...Array.from({ length: 100 }, (_, i) => i % 2)];
    const r = chooseThreshold({ scores, labels, alpha: 0.05, delta: 0.05 });
    expect(r.threshold).not.toBeNull();
    if (r.threshold === null) return;
    expect(r.errors / r.approved).toBeLessThanOrEqual(0.05);
    expect(r.upperBound).toBeLessThanOrEqual(0.05);
    expect(r.approved).toBeGreaterThanOrEqual(100);
    expect(r.threshold).toBeLessThanOrEqual(0.891);
  });

  it('reports why when no threshold exists', () => {
    const r = chooseThreshold({
      scores: [0.9, 0.8, 0.7],
      labels: [1, 1, 1],
      alpha: 0.05,
      delta: 0.05,
    });
    expect(r).toMatchObject({ threshold: null, needed: 59 });
    const noisy = chooseThreshold({
      scores: Array.from({ length: 200 }, (_, i) => i / 200),
      labels: Array.from({ length: 200 }, (_, i) => i % 3 === 0),
      alpha: 0.05,
      delta: 0.05,
    });
    expect(noisy.threshold).toBeNull();
  });

  it('never splits tied scores', () => {
    const scores = [...Array(80).fill(0.9), ...Array(20).fill(0.8)];
    const labels = [...Array(80).fill(1), ...Array(10).fill(1), ...Array(10).fill(0)];
    const r = chooseThreshold({ scores, labels, alpha: 0.05, delta: 0.05 });
    expect(r).toMatchObject({ threshold: 0.9, approved: 80, errors: 0 });
  });

  it('fixed-sequence mode stops at the first failure', () => {
    const scores = Array.from({ length: 300 }, (_, i) => 1 - i / 300);
    const labels = scores.map((_, i) => (i >= 60 && i < 70 ? 0 : 1));
    const scan = chooseThreshold({ scores, labels, alpha: 0.05, delta: 0.05 });
    const seq = chooseThreshold({
      scores,
      labels,
      alpha: 0.05,
      delta: 0.05,
      mode: 'fixed-sequence',
    });
    expect(scan.threshold).not.toBeNull();
    expect(
      seq.threshold === null || (scan.threshold !== null && seq.threshold >= scan.threshold),
    ).toBe(true);
  });

  it('rejects bad arguments', () => {
    expect(() => chooseThreshold({ scores: [1], labels: [], alpha: 0.05, delta: 0.05 })).toThrow(
      RangeError,
    );
    expect(() => chooseThreshold({ scores: [], labels: [], alpha: 0, delta: 0.05 })).toThrow(
      RangeError,
    );
  });
});

describe('metrics', () => {
  it.each([
    [[0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    [[0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    [[0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    [[0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
  ])('auroc(%j, %j) = %d', (s, l, v) => expect(auroc(s, l)).toBeCloseTo(v, 10));

  it('auroc is NaN with one class', () => expect(auroc([0.1, 0.2], [1, 1])).toBeNaN());

  it('ece and brier of a perfect and a poor forecaster', () => {
    expect(ece([1, 1, 0, 0], [1, 1, 0, 0])).toBeCloseTo(0, 10);
    expect(brier([1, 1, 0, 0], [1, 1, 0, 0])).toBe(0);
    expect(ece([0.9, 0.9, 0.9, 0.9], [1, 0, 1, 0])).toBeCloseTo(0.4, 10);
    expect(brier([0.5, 0.5], [1, 0])).toBeCloseTo(0.25, 10);
  });
});

describe('Platt and isotonic calibration', () => {
  const r = rng(7);
  const logits = Array.from({ length: 2000 }, () => r() * 8 - 4);
  // True probability sigmoid(0.5·z + 1): the raw logit is overconfident and shifted.
  const labels = logits.map((z) => (r() < 1 / (1 + Math.exp(-(0.5 * z + 1))) ? 1 : 0));

  it('Platt recovers the generating slope and offset', () => {
    const p = fitPlatt(logits, labels);
    expect(-p.a).toBeCloseTo(0.5, 1);
    expect(-p.b).toBeCloseTo(1, 0);
    const probs = logits.map((z) => applyCalibration(p, z));
    expect(ece(probs, labels)).toBeLessThan(0.04);
  });

  it('weighted Platt on a thinned sample fits the population, where the unweighted fit does not', () => {
    // A population the Platt family does not contain (a step), so who is in the sample matters:
    // a review queue sees every low-scored output, audits one in five of the high ones.
    const s = rng(11);
    const zs = Array.from({ length: 20_000 }, () => s() * 8 - 4);
    const ys = zs.map((z) => (s() < (z > 0 ? 0.95 : 0.4) ? 1 : 0));
    const kept = zs.map((z, i) => (z < 0 || i % 5 === 0 ? i : -1)).filter((i) => i >= 0);
    const pick = <T>(xs: T[]) => kept.map((i) => xs[i]);
    const population = fitPlatt(zs, ys);
    const weighted = fitPlatt(
      pick(zs),
      pick(ys),
      pick(zs).map((z) => (z < 0 ? 1 : 5)),
    );
    const unweighted = fitPlatt(pick(zs), pick(ys));
    expect(Math.abs(weighted.a - population.a)).toBeLessThan(0.03);
    expect(Math.abs(weighted.b - population.b)).toBeLessThan(0.1);
    expect(Math.abs(unweighted.a - population.a)).toBeGreaterThan(
      3 * Math.abs(weighted.a - population.a),
    );
    // Unit weights are the unweighted fit.
    expect(
      fitPlatt(
        zs,
        ys,
        zs.map(() => 1),
      ),
    ).toEqual(population);
  });

  it('isotonic is monotone and calibrated in-sample', () => {
    const iso = fitIsotonic(logits, labels);
    for (let i = 1; i < iso.y.length; i++) expect(iso.y[i]).toBeGreaterThanOrEqual(iso.y[i - 1]);
    const probs = logits.map((z) => applyCalibration(iso, z));
    expect(ece(probs, labels)).toBeLessThan(0.03);
  });

  it('isotonic pools adjacent violators', () => {
    expect(fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1])).toEqual({
      method: 'isotonic',
      x: [1, 2.5, 4],
      y: [0, 0.5, 1],
    });
  });

  it('logistic regression finds the informative feature', () => {
    const rows = Array.from({ length: 1000 }, () => [r(), r()]);
    const y = rows.map(([a]) => (r() < a ? 1 : 0));
    const fit = fitLogistic(rows, y, 1e-3);
    expect(Math.abs(fit.weights[0])).toBeGreaterThan(5 * Math.abs(fit.weights[1]));
    expect(
      auroc(
        rows.map((row) => logisticLogit(fit, row)),
        y,
      ),
    ).toBeGreaterThan(0.7);
  });

  it('logistic regression on an offset learns only what the offset gets wrong', () => {
    const rows = Array.from({ length: 2000 }, () => [r(), r()]);
    const truth = rows.map(([a, b]) => 4 * a - 2 * b - 1);
    const y = truth.map((t) => (r() < 1 / (1 + Math.exp(-t)) ? 1 : 0));
    // The offset already knows a's part: the fit is left with b's, and a gets (nearly) nothing.
    const offsets = rows.map(([a]) => 4 * a - 1);
    const fit = fitLogistic(rows, y, 1e-4, undefined, offsets);
    const [wa, wb] = fit.weights.map((w, j) => w / fit.scale[j]);
    expect(Math.abs(wa)).toBeLessThan(0.5);
    expect(wb).toBeLessThan(-1.2);
    expect(wb).toBeGreaterThan(-2.8);
    // Without the offset the same fit must carry a itself.
    const plain = fitLogistic(rows, y, 1e-4);
    expect(plain.weights[0] / plain.scale[0]).toBeGreaterThan(2.5);
  });
});
