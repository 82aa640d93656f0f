import { clopperPearsonUpper } from '@arbiter/scoring';
import { estimateEscapedErrors, type AuditOutcome } from './escaped-error.estimator';

const audits = (clean: number, overturned: number, sampleRate = 0.05): AuditOutcome[] => [
  ...Array.from({ length: clean }, () => ({ overturned: false, sampleRate })),
  ...Array.from({ length: overturned }, () => ({ overturned: true, sampleRate })),
];

describe('estimateEscapedErrors', () => {
  it('without audits there is no rate and the bound is 1 (no evidence)', () => {
    expect(estimateEscapedErrors([], 0.05)).toEqual({
      audits: 0,
      overturned: 0,
      errorRate: null,
      upperBound: 1,
      effectiveAudits: 0,
      delta: 0.05,
    });
  });

  it('with one sampling rate it is the plain share and the exact Clopper–Pearson bound', () => {
    const estimate = estimateEscapedErrors(audits(95, 5), 0.05);
    expect(estimate.errorRate).toBeCloseTo(0.05, 12);
    expect(estimate.effectiveAudits).toBeCloseTo(100, 9);
    expect(estimate.upperBound).toBeCloseTo(clopperPearsonUpper(5, 100, 0.05), 9);
    expect(estimate.upperBound).toBeGreaterThan(0.05);
  });

  it('59 clean audits bound the rate just under 5 % at δ = 5 % (ln δ / ln(1 − α))', () => {
    expect(estimateEscapedErrors(audits(59, 0), 0.05).upperBound).toBeLessThan(0.05);
    expect(estimateEscapedErrors(audits(58, 0), 0.05).upperBound).toBeGreaterThan(0.05);
  });

  it('weights each audit by the inverse of its sampling probability', () => {
    // 100 audits at 10 % stand for 1,000 approvals with 10 errors; 100 at 50 % for 200 with 50.
    const mixed = [...audits(90, 10, 0.1), ...audits(50, 50, 0.5)];
    const estimate = estimateEscapedErrors(mixed, 0.05);
    expect(estimate.errorRate).toBeCloseTo((100 + 100) / 1200, 12); // not the raw 60 / 200
    expect(estimate.overturned).toBe(60);
    expect(estimate.effectiveAudits).toBeLessThan(200);
    expect(estimate.effectiveAudits).toBeGreaterThan(100);
  });

  it('a smaller delta gives a wider bound', () => {
    const wide = estimateEscapedErrors(audits(190, 10), 0.01).upperBound;
    const narrow = estimateEscapedErrors(audits(190, 10), 0.2).upperBound;
    expect(wide).toBeGreaterThan(narrow);
  });

  it.each([0, 1, -0.1, Number.NaN])('refuses delta %p', (delta) => {
    expect(() => estimateEscapedErrors(audits(1, 0), delta)).toThrow(RangeError);
  });

  it.each([0, 1.5, -1, Number.NaN])('refuses a sampling rate of %p', (sampleRate) => {
    expect(() => estimateEscapedErrors([{ overturned: false, sampleRate }], 0.05)).toThrow(
      /sampleRate/,
    );
  });
});
