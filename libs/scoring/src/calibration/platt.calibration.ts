import type { CalibrationMap } from '../scoring.types';
import { sigmoid } from './apply.calibration';

/**
 * Fits Platt scaling p = 1 / (1 + exp(a·z + b)) by Newton's method on the log-loss, with
 * Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) so separable data cannot run to ±∞.
 * With `weights`, each example counts that many times (in the loss and in N₊, N₋): how a sample
 * that was not drawn uniformly stands for its population.
 */
export function fitPlatt(
  logits: number[],
  labels: (number | boolean)[],
  weights?: number[],
): Extract<CalibrationMap, { method: 'platt' }> {
  const n = logits.length;
  const w = weights ?? new Array<number>(n).fill(1);
  let nPos = 0;
  let total = 0;
  labels.forEach((l, i) => {
    total += w[i];
    nPos += l === true || l === 1 ? w[i] : 0;
  });
  const nNeg = total - nPos;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  const t = labels.map((l) => (l === true || l === 1 ? hi : lo));
  let a = -1; // p = sigmoid(-(a z + b)): a < 0 keeps "higher logit, higher p"
  let b = Math.log((nNeg + 1) / (nPos + 1));
  for (let iter = 0; iter < 100; iter++) {
    let g1 = 0,
      g2 = 0,
      h11 = 1e-12,
      h22 = 1e-12,
      h12 = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(-(a * logits[i] + b));
      // d(loss)/d(a z + b) = t − p for this parameterisation
      const d = w[i] * (t[i] - p);
      const h = w[i] * p * (1 - p);
      g1 += d * logits[i];
      g2 += d;
      h11 += h * logits[i] * logits[i];
      h22 += h;
      h12 += h * logits[i];
    }
    const det = h11 * h22 - h12 * h12;
    if (Math.abs(det) < 1e-18) break;
    const da = (h22 * g1 - h12 * g2) / det;
    const db = (h11 * g2 - h12 * g1) / det;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
    // A full Newton step can overshoot far from the optimum and run away (Lin, Lin and Weng,
    // "A note on Platt's probabilistic outputs", 2007): halve it until the loss goes down.
    const before = loss(a, b);
    let step = 1;
    while (step > 1e-10 && !(loss(a - step * da, b - step * db) < before + 1e-12)) step /= 2;
    if (step <= 1e-10) break;
    a -= step * da;
    b -= step * db;
  }
  return { method: 'platt', a, b };

  /** The weighted log-loss on the smoothed targets, computed without overflow. */
  function loss(a: number, b: number): number {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const f = a * logits[i] + b;
      sum += w[i] * (t[i] * log1pExp(f) + (1 - t[i]) * log1pExp(-f));
    }
    return sum;
  }
}

/** log(1 + e^x), stable for large |x|. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
