import type { CalibrationMap, ScoringModel, SignalResult } from '../scoring.types';
import type { SignalOutput } from './engine.types';
import { applyCalibration } from '../calibration/apply.calibration';

/** A computed signal before weighing: its policy weight and its output. */
export interface WeighedInput {
  name: string;
  policyWeight: number;
  output: SignalOutput;
}

const EPS = 0.02;

/** logit of a score clipped away from 0 and 1, so one signal cannot veto alone. */
export function scoreLogit(score: number): number {
  const p = Math.min(1 - EPS, Math.max(EPS, score));
  return Math.log(p / (1 - p));
}

/**
 * The fitted combiner: logit = bias + Σ weight·(x − mean)/scale over the model's features of
 * enabled signals; a missing signal adds `missing[signal]`; signals the model has no features
 * for add `priors[signal]·policyWeight·logit(score)`. A policy weight of 0 keeps a signal's
 * evidence visible without letting it count.
 */
export function combineFitted(
  inputs: WeighedInput[],
  model: ScoringModel,
): { logit: number; confidence: number; signals: SignalResult[] } {
  let logit = model.bias;
  const signals: SignalResult[] = inputs.map(({ name, policyWeight, output }) => {
    const features = model.features.filter((f) => f.signal === name);
    const missing = output.score === null;
    let contribution = 0;
    let weight = 0;
    if (policyWeight > 0) {
      if (missing) contribution = model.missing[name] ?? 0;
      else if (features.length) {
        for (const f of features) {
          const x = output.features[f.name];
          if (x !== undefined && Number.isFinite(x))
            contribution += (f.weight * (x - f.mean)) / f.scale;
          weight += Math.abs(f.weight);
        }
      } else {
        weight = (model.priors[name] ?? 0) * policyWeight;
        contribution = weight * scoreLogit(output.score as number);
      }
    }
    logit += contribution;
    return {
      name,
      score: output.score,
      missing,
      weight: round(weight),
      contribution: round(contribution),
      evidence: output.evidence,
    };
  });
  return { logit, confidence: applyCalibration(model.calibration, logit), signals };
}

/**
 * The policy-weights combiner: a logarithmic opinion pool, logit = Σ wᵢ·logit(sᵢ) / Σ wᵢ over
 * present signals. It is a weighted mean in logit space: with one signal it returns that
 * signal's score, and missing signals drop out instead of counting as 0.5.
 */
export function combineWeights(
  inputs: WeighedInput[],
  calibration: CalibrationMap,
): { logit: number; confidence: number; signals: SignalResult[] } {
  const total = inputs.reduce((s, i) => s + (i.output.score === null ? 0 : i.policyWeight), 0);
  let logit = 0;
  const signals: SignalResult[] = inputs.map(({ name, policyWeight, output }) => {
    const missing = output.score === null;
    const contribution =
      missing || total === 0 ? 0 : (policyWeight * scoreLogit(output.score as number)) / total;
    logit += contribution;
    return {
      name,
      score: output.score,
      missing,
      weight: policyWeight,
      contribution: round(contribution),
      evidence: output.evidence,
    };
  });
  // Nothing to go on: the logit stays at 0 → 0.5 under identity, below any sane autoApprove.
  return { logit, confidence: applyCalibration(calibration, logit), signals };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
