import { DEFAULT_ROLLBACK } from '../registry/prompt-document';
import { rollbackVerdict, VersionEvidence } from './rollback.rules';

const settings = {
  ...DEFAULT_ROLLBACK,
  minSamples: 10,
  minAudits: 10,
  maxRejectRateIncrease: 0.1,
  maxAuditedErrorIncrease: 0.05,
};
const ev = (
  humanDecided: number,
  humanRejected: number,
  audits = 0,
  auditedError: number | null = null,
): VersionEvidence => ({ humanDecided, humanRejected, audits, auditedError });

describe('automatic rollback rule', () => {
  it.each<[string, VersionEvidence, VersionEvidence, boolean]>([
    ['reject rate up 30 points on enough samples', ev(20, 8), ev(20, 2), true],
    ['reject rate up exactly the limit', ev(20, 4), ev(20, 2), false],
    ['reject rate up but too few current samples', ev(9, 9), ev(20, 0), false],
    ['reject rate up but too few previous samples', ev(20, 20), ev(9, 0), false],
    ['reject rate down', ev(20, 0), ev(20, 10), false],
    ['audited error up 10 points', ev(0, 0, 20, 0.15), ev(0, 0, 20, 0.05), true],
    ['audited error up on too few audits', ev(0, 0, 5, 0.5), ev(0, 0, 20, 0.0), false],
    ['no evidence at all', ev(0, 0), ev(0, 0), false],
  ])('%s → rollback %p', (_name, current, previous, expected) => {
    const verdict = rollbackVerdict(current, previous, settings);
    expect(verdict.rollback).toBe(expected);
    if (expected) expect(Object.keys(verdict.figures).length).toBeGreaterThan(0);
  });
});
