import type { CalibrationMap } from '../scoring.types';

/** Logistic function, stable for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Maps a raw logit to a calibrated probability. */
export function applyCalibration(map: CalibrationMap, logit: number): number {
  switch (map.method) {
    case 'platt':
      return sigmoid(-(map.a * logit + map.b));
    case 'isotonic':
      return interpolate(map.x, map.y, logit);
    default:
      return sigmoid(logit);
  }
}

/** Probabilities are kept this far from 0 and 1 before their logit is taken (logit ±13.8). */
const LOGIT_CLIP = 1e-6;

/** The logit of a probability, clipped so that 0 and 1 stay finite. */
export function probabilityLogit(p: number): number {
  const q = Math.min(1 - LOGIT_CLIP, Math.max(LOGIT_CLIP, Number.isFinite(p) ? p : 0));
  return Math.log(q / (1 - q));
}

/**
 * A policy's `scoring.calibration` over a model's own confidence: the map applied to the logit
 * of that confidence. The identity (or no map) leaves the confidence as it is.
 */
export function recalibrate(map: CalibrationMap | undefined, confidence: number): number {
  if (!map || map.method === 'identity') return confidence;
  return applyCalibration(map, probabilityLogit(confidence));
}

/** Piecewise-linear interpolation through sorted knots, flat outside them. */
export function interpolate(xs: number[], ys: number[], x: number): number {
  const n = xs.length;
  if (n === 0) return sigmoid(x);
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const span = xs[hi] - xs[lo];
  return span > 0 ? ys[lo] + ((ys[hi] - ys[lo]) * (x - xs[lo])) / span : ys[hi];
}
