import type { AuditOutcome } from './escaped-error.estimator';
import {
  evaluateRollout,
  rolloutShare,
  stepBackOnTrip,
  type RolloutSettings,
} from './rollout.rules';

const settings: RolloutSettings = {
  steps: [0.05, 0.1, 0.25, 0.5, 1],
  minAudits: 60,
  targetError: 0.05,
  delta: 0.05,
};
const audits = (clean: number, overturned: number): AuditOutcome[] => [
  ...Array.from({ length: clean }, () => ({ overturned: false, sampleRate: 0.1 })),
  ...Array.from({ length: overturned }, () => ({ overturned: true, sampleRate: 0.1 })),
];
const T = 1_700_000_000_000;

describe('rollout rules', () => {
  it('advances one step with enough clean audits and a closed breaker', () => {
    const r = evaluateRollout({ step: 0, since: T }, audits(60, 0), 'closed', settings, T + 1);
    expect(r.status).toEqual({ step: 1, since: T + 1 });
    expect(r.transition).toMatchObject({
      from: 0,
      to: 1,
      fromShare: 0.05,
      toShare: 0.1,
      cause: 'evidence',
    });
    expect(r.transition?.figures.upperBound).toBeLessThanOrEqual(0.05);
  });

  it.each([
    ['too few audits', audits(59, 0), 'closed'],
    ['a bound above the target', audits(100, 3), 'closed'],
    ['a half-open breaker', audits(200, 0), 'half_open'],
    ['an open breaker', audits(200, 0), 'open'],
  ] as const)('holds with %s', (_, evidence, breaker) => {
    const status = { step: 2, since: T };
    expect(evaluateRollout(status, evidence, breaker, settings, T + 1).status).toBe(status);
  });

  it('stops at the last step', () => {
    const status = { step: 4, since: T };
    expect(evaluateRollout(status, audits(500, 0), 'closed', settings, T + 1).status).toBe(status);
    expect(rolloutShare(status, settings)).toBe(1);
  });

  it('a trip steps back one, never below the first', () => {
    const back = stepBackOnTrip({ step: 3, since: T }, settings, T + 5);
    expect(back.status).toEqual({ step: 2, since: T + 5 });
    expect(back.transition).toMatchObject({ fromShare: 0.5, toShare: 0.25, cause: 'breaker_trip' });
    const floor = stepBackOnTrip({ step: 0, since: T }, settings, T + 5);
    expect(floor.status).toEqual({ step: 0, since: T + 5 });
    expect(floor.transition).toBeUndefined();
  });
});
