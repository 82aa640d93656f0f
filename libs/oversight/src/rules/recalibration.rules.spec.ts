import fc from 'fast-check';
import { chooseThreshold, clopperPearsonUpper } from '@arbiter/scoring';
import { proposeThreshold, reliabilityCurve, WeightedVerdict } from './recalibration.rules';

const settings = { targetError: 0.05, delta: 0.05 };

describe('proposeThreshold', () => {
  it('with every weight 1 it is the scan chooser on the same verdicts', () => {
    const verdict = fc.record({
      confidence: fc.integer({ min: 0, max: 50 }).map((x) => x / 50),
      acceptable: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(verdict, { maxLength: 400 }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (list, bias) => {
          // Skew the labels towards "acceptable" at high confidence, so thresholds exist.
          const verdicts = list.map((v) => ({
            ...v,
            acceptable: v.acceptable || v.confidence > bias,
            weight: 1,
          }));
          const ours = proposeThreshold(verdicts, settings);
          const theirs = chooseThreshold({
            scores: verdicts.map((v) => v.confidence),
            labels: verdicts.map((v) => v.acceptable),
            alpha: settings.targetError,
            delta: settings.delta,
          });
          expect(ours.threshold).toBe(theirs.threshold);
        },
      ),
    );
  });

  it('weighs an audited approval as the outputs it stands for', () => {
    // 200 reviewed items at 0.5–0.59, all acceptable; above 0.9, 30 audits at q = 0.1, 3 overturned.
    const reviewed: WeightedVerdict[] = Array.from({ length: 200 }, (_, i) => ({
      confidence: 0.5 + i / 2000,
      acceptable: true,
      weight: 1,
    }));
    const audits: WeightedVerdict[] = Array.from({ length: 30 }, (_, i) => ({
      confidence: 0.9 + i / 1000,
      acceptable: i >= 3,
      weight: 10,
    }));
    const weighted = proposeThreshold([...reviewed, ...audits], { targetError: 0.1, delta: 0.05 });
    // Unweighted, the 3 errors drown in 230 verdicts; weighted, they are 30 of 500 outputs.
    const unweighted = proposeThreshold(
      [...reviewed, ...audits.map((a) => ({ ...a, weight: 1 }))],
      { targetError: 0.1, delta: 0.05 },
    );
    expect(unweighted.threshold).toBe(0.5);
    expect(weighted.threshold).toBeNull();
  });

  it('reports the figures of the threshold it proposes', () => {
    const verdicts = Array.from({ length: 1000 }, (_, i) => ({
      confidence: i / 1000,
      acceptable: i >= 300,
      weight: 1,
    }));
    const proposal = proposeThreshold(verdicts, settings);
    if (proposal.threshold === null) throw new Error('expected a threshold');
    // Approving from 0.274 takes 726 outputs with 26 errors (3.6 %, bound ≤ 5 %); one more error does not fit.
    expect(proposal.threshold).toBe(0.274);
    expect(proposal.errorRate).toBeCloseTo(26 / 726, 10);
    expect(proposal.upperBound).toBeCloseTo(clopperPearsonUpper(26, 726, 0.05), 10);
    expect(proposal.upperBound).toBeLessThanOrEqual(0.05);
    expect(clopperPearsonUpper(27, 727, 0.05)).toBeGreaterThan(0.05);
    expect(proposal.approvedShare).toBeCloseTo(1 - proposal.threshold, 2);
    expect(proposal.effectiveVerdicts).toBeCloseTo(proposal.approvedShare * 1000, 6);
  });

  it('proposes none when every region errs too often, and refuses bad settings', () => {
    const verdicts = Array.from({ length: 100 }, (_, i) => ({
      confidence: i / 100,
      acceptable: i % 2 === 0,
      weight: 1,
    }));
    expect(proposeThreshold(verdicts, settings)).toMatchObject({ threshold: null });
    expect(() => proposeThreshold(verdicts, { targetError: 0, delta: 0.05 })).toThrow(
      /targetError/,
    );
    expect(() => proposeThreshold(verdicts, { targetError: 0.1, delta: 1 })).toThrow(/delta/);
    expect(() =>
      proposeThreshold([{ confidence: 1, acceptable: true, weight: 0.5 }], settings),
    ).toThrow(/weight/);
  });
});

describe('reliabilityCurve', () => {
  it('puts each verdict in its bin with weighted figures', () => {
    const curve = reliabilityCurve(
      [
        { confidence: 0.05, acceptable: false, weight: 1 },
        { confidence: 0.95, acceptable: true, weight: 1 },
        { confidence: 0.99, acceptable: false, weight: 3 },
        { confidence: 1, acceptable: true, weight: 1 },
      ],
      10,
    );
    expect(curve).toHaveLength(2);
    expect(curve[0]).toMatchObject({ from: 0, verdicts: 1, observedAcceptable: 0 });
    expect(curve[1].verdicts).toBe(3);
    expect(curve[1].observedAcceptable).toBeCloseTo(2 / 5, 10);
    expect(curve[1].meanConfidence).toBeCloseTo((0.95 + 3 * 0.99 + 1) / 5, 10);
  });
});
