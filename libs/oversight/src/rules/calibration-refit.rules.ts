// Refitting a pipeline's calibration from reviewers' verdicts, as pure rules: the Platt map that
// turns the model's own confidence into the probability reviewers find an output acceptable,
// fitted on verdicts weighted by how each was seen (see recalibration.rules.ts), with the fit's
// figures before and after, and the thresholds carried over so routing does not move by itself.
import { fitPlatt, probabilityLogit, recalibrate, sigmoid } from '@arbiter/scoring';
import {
  proposeThreshold,
  ReliabilityBin,
  reliabilityCurve,
  ThresholdProposal,
  ThresholdSettings,
  WeightedVerdict,
} from './recalibration.rules';

/** A verdict with the model's own confidence (before the policy's calibration) it was scored with. */
export interface CalibrationVerdict extends WeightedVerdict {
  modelConfidence: number;
}

export type PlattMap = { method: 'platt'; a: number; b: number };
/** What `scoring.calibration` may hold: a Platt map or the identity. */
export type PolicyCalibration = PlattMap | { method: 'identity' };

/** The fewest verdicts a refit stands on; fewer, or only one kind of verdict, and none is proposed. */
export const MIN_REFIT_VERDICTS = 20;

export interface CalibrationFigures {
  /** Weighted mean log-loss of the confidence against the verdicts (lower is better). */
  logLoss: number;
  /** Weighted mean squared error (Brier score). */
  brier: number;
  /** Weighted expected calibration error over tenths: |claimed − found acceptable|. */
  ece: number;
}

export type CalibrationRefit =
  | {
      calibration: PlattMap;
      effectiveVerdicts: number;
      /** The current calibration's figures on these verdicts, and the refitted one's. */
      fit: { before: CalibrationFigures; after: CalibrationFigures };
      reliability: { before: ReliabilityBin[]; after: ReliabilityBin[] };
      /** The Clopper–Pearson chooser's threshold on the refitted confidence. */
      threshold: ThresholdProposal;
    }
  | { calibration: null; reason: string; reliability: { before: ReliabilityBin[] } };

const round = (x: number, digits = 6): number => Number(x.toFixed(digits));

/** The weighted figures of a confidence against the verdicts. */
export function calibrationFigures(
  confidences: readonly number[],
  verdicts: readonly WeightedVerdict[],
): CalibrationFigures {
  const eps = 1e-6;
  let w = 0;
  let logLoss = 0;
  let brier = 0;
  verdicts.forEach((v, i) => {
    const p = Math.min(1 - eps, Math.max(eps, confidences[i]));
    const y = v.acceptable ? 1 : 0;
    w += v.weight;
    logLoss -= v.weight * (y ? Math.log(p) : Math.log(1 - p));
    brier += v.weight * (confidences[i] - y) ** 2;
  });
  // Expected calibration error over tenths, binned as reliabilityCurve bins.
  const bins = Array.from({ length: 10 }, () => ({ w: 0, conf: 0, ok: 0 }));
  verdicts.forEach((v, i) => {
    const bin = bins[Math.min(9, Math.max(0, Math.floor(confidences[i] * 10)))];
    bin.w += v.weight;
    bin.conf += v.weight * confidences[i];
    bin.ok += v.acceptable ? v.weight : 0;
  });
  const ece = bins.reduce((sum, b) => sum + (b.w > 0 ? Math.abs(b.conf - b.ok) / w : 0), 0);
  return w > 0 ? { logLoss: logLoss / w, brier: brier / w, ece } : { logLoss: 0, brier: 0, ece: 0 };
}

/**
 * The Platt map (on the logit of the model's own confidence) that best explains the weighted
 * verdicts, or why there is none: too few verdicts, only one kind, or verdicts that do not rise
 * with the model's confidence (a calibration can rescale a ranking, not reverse it).
 */
export function refitCalibration(
  verdicts: readonly CalibrationVerdict[],
  current: PolicyCalibration,
  settings: ThresholdSettings,
): CalibrationRefit {
  const before = verdicts.map((v) => recalibrate(current, v.modelConfidence));
  const reliabilityBefore = reliabilityCurve(
    verdicts.map((v, i) => ({ ...v, confidence: before[i] })),
  );
  const none = (reason: string): CalibrationRefit => ({
    calibration: null,
    reason,
    reliability: { before: reliabilityBefore },
  });
  const acceptable = verdicts.filter((v) => v.acceptable).length;
  if (verdicts.length < MIN_REFIT_VERDICTS)
    return none(`${verdicts.length} verdicts; a refit needs at least ${MIN_REFIT_VERDICTS}`);
  if (acceptable === 0 || acceptable === verdicts.length)
    return none(
      `all ${verdicts.length} verdicts are ${acceptable === 0 ? 'rejections' : 'approvals'}: nothing to tell confidences apart with`,
    );
  const fitted = fitPlatt(
    verdicts.map((v) => probabilityLogit(v.modelConfidence)),
    verdicts.map((v) => v.acceptable),
    verdicts.map((v) => v.weight),
  );
  if (!(fitted.a < 0) || !Number.isFinite(fitted.b))
    return none(
      `the verdicts do not rise with the model's confidence (fitted slope ${round(-fitted.a, 3)}): a calibration cannot fix a ranking, only rescale it`,
    );
  const calibration: PlattMap = { method: 'platt', a: round(fitted.a), b: round(fitted.b) };
  const after = verdicts.map((v) => recalibrate(calibration, v.modelConfidence));
  const recalibrated = verdicts.map((v, i) => ({ ...v, confidence: after[i] }));
  const weights = verdicts.reduce((s, v) => s + v.weight, 0);
  const squares = verdicts.reduce((s, v) => s + v.weight * v.weight, 0);
  return {
    calibration,
    effectiveVerdicts: (weights * weights) / squares,
    fit: {
      before: calibrationFigures(before, verdicts),
      after: calibrationFigures(after, verdicts),
    },
    reliability: { before: reliabilityBefore, after: reliabilityCurve(recalibrated) },
    threshold: proposeThreshold(recalibrated, settings),
  };
}

/**
 * A threshold on the confidence under one calibration, carried to the other so that it approves
 * the same outputs: the model confidence it stands for, mapped through the new calibration.
 * Rounded up at the sixth decimal (never approving more than before); 0 and 1 stay as they are.
 */
export function carryThreshold(
  threshold: number,
  from: PolicyCalibration,
  to: PolicyCalibration,
): number {
  if (threshold <= 0 || threshold >= 1) return threshold;
  // The inverse of `from` on the logit scale: identity z = logit(t); Platt logit(t) = −(a·z + b).
  const t = probabilityLogit(threshold);
  const z = from.method === 'platt' ? (-t - from.b) / from.a : t;
  const carried = to.method === 'platt' ? sigmoid(-(to.a * z + to.b)) : sigmoid(z);
  return Math.min(1, Math.ceil(carried * 1_000_000 - 1e-6) / 1_000_000);
}
