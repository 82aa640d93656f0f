import { recalibrate } from '@arbiter/scoring';
import {
  calibrationFigures,
  CalibrationVerdict,
  carryThreshold,
  refitCalibration,
} from './calibration-refit.rules';
import { proposeThreshold } from './recalibration.rules';

const settings = { targetError: 0.1, delta: 0.05 };
const identity = { method: 'identity' as const };

/** A deterministic stream in [0, 1). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Verdicts on a model that is overconfident: it says p, reviewers find an output acceptable with
 * probability sigmoid(0.5·logit(p) − 0.5). Items under 0.8 are all reviewed (weight 1); those at
 * or above it only through audits sampled at 20 % (weight 5).
 */
function overconfident(n: number, seed = 3): CalibrationVerdict[] {
  const r = rng(seed);
  const out: CalibrationVerdict[] = [];
  for (let i = 0; i < n; i++) {
    const p = 0.02 + 0.97 * r();
    const z = Math.log(p / (1 - p));
    const acceptable = r() < 1 / (1 + Math.exp(-(0.5 * z - 0.5)));
    const audited = p >= 0.8;
    if (audited && r() >= 0.2) continue;
    out.push({ confidence: p, modelConfidence: p, acceptable, weight: audited ? 5 : 1 });
  }
  return out;
}

describe('refitCalibration', () => {
  it('recovers the map reviewers imply, and the fit is better than before on every figure', () => {
    const refit = refitCalibration(overconfident(6000), identity, settings);
    if (refit.calibration === null) throw new Error(refit.reason);
    // p = 1 / (1 + exp(a·z + b)) with a = −0.5, b = 0.5 generated the verdicts.
    expect(refit.calibration.a).toBeCloseTo(-0.5, 1);
    expect(refit.calibration.b).toBeCloseTo(0.5, 1);
    const { before, after } = refit.fit;
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.brier).toBeLessThan(before.brier);
    expect(after.ece).toBeLessThan(0.03);
    expect(before.ece).toBeGreaterThan(0.1);
    // Above 0.9 the model claims 95 %; reviewers found far fewer acceptable. After the refit every
    // well-filled tenth claims what reviewers found.
    const top = refit.reliability.before.at(-1)!;
    expect(top.meanConfidence - top.observedAcceptable).toBeGreaterThan(0.15);
    for (const bin of refit.reliability.after.filter((b) => b.verdicts >= 200))
      expect(Math.abs(bin.meanConfidence - bin.observedAcceptable)).toBeLessThan(0.05);
  });

  it('proposes the threshold on the refitted scale: the same outputs as on the old one', () => {
    const verdicts = overconfident(6000);
    const refit = refitCalibration(verdicts, identity, { targetError: 0.4, delta: 0.05 });
    if (refit.calibration === null || refit.threshold.threshold === null)
      throw new Error('expected a calibration and a threshold');
    const approvedAfter = verdicts.filter(
      (v) => recalibrate(refit.calibration!, v.modelConfidence) >= refit.threshold.threshold!,
    );
    expect(approvedAfter.length).toBeGreaterThan(0);
    expect(refit.threshold.upperBound).toBeLessThanOrEqual(0.4);
    // The chooser ranks: on the old scale it picks the threshold that approves the same outputs.
    const old = refitCalibration(verdicts, identity, { targetError: 0.4, delta: 0.05 });
    expect(old.calibration).not.toBeNull();
    const onOldScale = proposeThreshold(verdicts, { targetError: 0.4, delta: 0.05 });
    const approvedBefore = verdicts.filter((v) => v.confidence >= onOldScale.threshold!);
    expect(approvedAfter.length).toBe(approvedBefore.length);
  });

  it('refits against the model confidence, whatever the current calibration says', () => {
    const verdicts = overconfident(3000);
    const first = refitCalibration(verdicts, identity, settings);
    const current = { method: 'platt' as const, a: -2, b: 1 };
    const again = refitCalibration(
      verdicts.map((v) => ({ ...v, confidence: recalibrate(current, v.modelConfidence) })),
      current,
      settings,
    );
    expect(again.calibration).toEqual(first.calibration);
    if (again.calibration === null || first.calibration === null) throw new Error('no refit');
    expect(again.fit.before.logLoss).not.toBeCloseTo(first.fit.before.logLoss, 3);
  });

  it('says why there is none: too few verdicts, one kind only, or a ranking the wrong way round', () => {
    const v = (modelConfidence: number, acceptable: boolean): CalibrationVerdict => ({
      confidence: modelConfidence,
      modelConfidence,
      acceptable,
      weight: 1,
    });
    expect(refitCalibration([v(0.9, true)], identity, settings)).toMatchObject({
      calibration: null,
      reason: expect.stringContaining('at least 20'),
    });
    const allGood = Array.from({ length: 30 }, (_, i) => v(i / 30, true));
    expect(refitCalibration(allGood, identity, settings)).toMatchObject({
      calibration: null,
      reason: expect.stringContaining('all 30 verdicts are approvals'),
    });
    const reversed = Array.from({ length: 40 }, (_, i) => v(i / 40, i < 20));
    expect(refitCalibration(reversed, identity, settings)).toMatchObject({
      calibration: null,
      reason: expect.stringContaining('do not rise with the model'),
    });
  });
});

describe('carryThreshold', () => {
  const platt = { method: 'platt' as const, a: -0.5, b: 0.5 };
  it('approves the same outputs on the new scale (rounded up: never more)', () => {
    const r = rng(9);
    const scores = Array.from({ length: 2000 }, () => r());
    for (const t of [0.35, 0.8, 0.92]) {
      const carried = carryThreshold(t, identity, platt);
      const old = scores.filter((p) => p >= t).length;
      const now = scores.filter((p) => recalibrate(platt, p) >= carried).length;
      expect(now).toBeLessThanOrEqual(old);
      expect(old - now).toBeLessThanOrEqual(2);
    }
  });
  it('goes back and forth, and keeps 0 and 1', () => {
    const other = { method: 'platt' as const, a: -1.2, b: -0.2 };
    const there = carryThreshold(0.9, platt, other);
    expect(carryThreshold(there, other, platt)).toBeCloseTo(0.9, 3);
    expect(carryThreshold(0.9, identity, identity)).toBe(0.9);
    expect(carryThreshold(0, identity, platt)).toBe(0);
    expect(carryThreshold(1, identity, platt)).toBe(1);
  });
});

describe('calibrationFigures', () => {
  it('weighs each verdict', () => {
    const verdicts = [
      { confidence: 0.9, acceptable: true, weight: 1 },
      { confidence: 0.9, acceptable: false, weight: 3 },
    ];
    const f = calibrationFigures([0.9, 0.9], verdicts);
    expect(f.brier).toBeCloseTo((0.01 + 3 * 0.81) / 4, 10);
    expect(f.ece).toBeCloseTo(0.9 - 0.25, 10);
  });
});
