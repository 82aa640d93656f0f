import type { CalibrationMap } from '../scoring.types';
import { sigmoid } from './apply.calibration';

/**
 * Fits Platt scaling p = 1 / (1 + exp(a·z + b)) by Newton's method on the log-loss, with
 * Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) so separable data cannot run to ±∞.
 */
export function fitPlatt(
  logits: number[],
  labels: (number | boolean)[],
): Extract<CalibrationMap, { method: 'platt' }> {
  const n = logits.length;
  let nPos = 0;
  labels.forEach((l) => (nPos += l === true || l === 1 ? 1 : 0));
  const nNeg = n - nPos;
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
      const d = t[i] - p;
      const w = p * (1 - p);
      g1 += d * logits[i];
      g2 += d;
      h11 += w * logits[i] * logits[i];
      h22 += w;
      h12 += w * logits[i];
    }
    const det = h11 * h22 - h12 * h12;
    if (Math.abs(det) < 1e-18) break;
    const da = (h22 * g1 - h12 * g2) / det;
    const db = (h11 * g2 - h12 * g1) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { method: 'platt', a, b };
}
