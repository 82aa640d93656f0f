import type { CalibrationMap } from '../scoring.types';

/**
 * Fits isotonic regression by pool-adjacent-violators: the non-decreasing step function of the
 * logit closest to the labels in squared error. Knots are block centres, applied with linear
 * interpolation. Overfits below ~1,000 labels: prefer Platt there.
 */
export function fitIsotonic(
  logits: number[],
  labels: (number | boolean)[],
): Extract<CalibrationMap, { method: 'isotonic' }> {
  const order = logits.map((_, i) => i).sort((a, b) => logits[a] - logits[b]);
  const sumY: number[] = [];
  const sumX: number[] = [];
  const weight: number[] = [];
  for (const i of order) {
    sumY.push(labels[i] === true || labels[i] === 1 ? 1 : 0);
    sumX.push(logits[i]);
    weight.push(1);
    // Merge while the last block's mean is below the previous one's.
    while (sumY.length > 1) {
      const k = sumY.length - 1;
      if (sumY[k - 1] / weight[k - 1] <= sumY[k] / weight[k]) break;
      sumY[k - 1] += sumY[k];
      sumX[k - 1] += sumX[k];
      weight[k - 1] += weight[k];
      sumY.pop();
      sumX.pop();
      weight.pop();
    }
  }
  const x = sumX.map((s, k) => s / weight[k]);
  const y = sumY.map((s, k) => s / weight[k]);
  return { method: 'isotonic', x, y };
}
