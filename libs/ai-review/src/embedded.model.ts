import { applyCalibration, type CalibrationMap } from '@arbiter/scoring';

/** One coefficient of the second-stage model: contribution = weight · (value − mean) / scale. */
export interface EmbeddedModelFeature {
  name: string;
  weight: number;
  mean: number;
  scale: number;
}

/** The embedded reviewer's second-stage model: a logistic regression over its evidence, calibrated. */
export interface EmbeddedModel {
  version: string;
  description?: string;
  bias: number;
  features: EmbeddedModelFeature[];
  calibration: CalibrationMap;
}

/** Calibrated probability that the output is faithful; a feature absent from `values` counts as its mean. */
export function probabilityFaithful(model: EmbeddedModel, values: Record<string, number>): number {
  let logit = model.bias;
  for (const f of model.features) {
    const v = values[f.name];
    if (Number.isFinite(v)) logit += (f.weight * (v - f.mean)) / f.scale;
  }
  const p = applyCalibration(model.calibration, logit);
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}
