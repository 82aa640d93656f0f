import {
  breakerAllowsAutoApproval,
  evaluateBreaker,
  forceBreaker,
  releaseBreaker,
  type BreakerEvidence,
  type BreakerSettings,
  type BreakerStatus,
} from './circuit-breaker.rules';

const settings: BreakerSettings = {
  maxOverrideRate: 0.1,
  window: 50,
  minSamples: 20,
  coolDownMs: 60_000,
  halfOpenShare: 0.25,
  halfOpenAudits: 20,
  maxGateFailureJump: 0.2,
  maxAiFaultJump: 0.3,
  jumpWindowMs: 3_600_000,
  minRouted: 50,
};
const T0 = 1_700_000_000_000;
const closed: BreakerStatus = { state: 'closed', since: T0 };
const audits = (
  clean: number,
  overturned: number,
  at = T0 + 1,
): BreakerEvidence['recentAudits'] => [
  ...Array.from({ length: clean }, () => ({ overturned: false, at })),
  ...Array.from({ length: overturned }, () => ({ overturned: true, at })),
];

describe('evaluateBreaker', () => {
  it.each([
    ['too few audits to judge, however bad', audits(10, 9), 'closed'],
    ['at the limit (10 % of 30)', audits(27, 3), 'closed'],
    ['above the limit (4 of 30)', audits(26, 4), 'open'],
    ['only the last `window` audits count', [...audits(0, 40), ...audits(50, 0)], 'closed'],
  ])('closed, %s → %s', (_, recentAudits, expected) => {
    expect(evaluateBreaker(closed, { recentAudits }, settings, T0 + 10).status.state).toBe(
      expected,
    );
  });

  it('a trip says why, with the figures', () => {
    const { transition } = evaluateBreaker(
      closed,
      { recentAudits: audits(20, 5) },
      settings,
      T0 + 10,
    );
    expect(transition).toMatchObject({
      from: 'closed',
      to: 'open',
      cause: 'override_rate',
      figures: { audits: 25, overturned: 5, overrideRate: 0.2, maxOverrideRate: 0.1 },
    });
    expect(transition?.message).toContain('5 of the last 25');
  });

  it('trips on a jump of hard-gate failures or AI faults over their baseline, given enough items', () => {
    const jump = { current: { events: 40, total: 100 }, baseline: { events: 10, total: 100 } };
    expect(
      evaluateBreaker(closed, { recentAudits: [], gateFailures: jump }, settings, T0).transition
        ?.cause,
    ).toBe('gate_failures');
    const faults = { current: { events: 45, total: 100 }, baseline: { events: 10, total: 100 } };
    expect(
      evaluateBreaker(closed, { recentAudits: [], aiFaults: faults }, settings, T0).transition
        ?.cause,
    ).toBe('ai_faults');
    const small = { current: { events: 40, total: 40 }, baseline: { events: 0, total: 100 } };
    expect(
      evaluateBreaker(closed, { recentAudits: [], gateFailures: small }, settings, T0).status.state,
    ).toBe('closed');
    const mild = { current: { events: 25, total: 100 }, baseline: { events: 10, total: 100 } };
    expect(
      evaluateBreaker(closed, { recentAudits: [], gateFailures: mild }, settings, T0).status.state,
    ).toBe('closed');
  });

  it('a jump trip names both windows; a fall, or a jump the policy does not judge, does not trip', () => {
    const jump = { current: { events: 40, total: 100 }, baseline: { events: 10, total: 100 } };
    const { transition } = evaluateBreaker(
      closed,
      { recentAudits: [], gateFailures: jump },
      settings,
      T0,
    );
    expect(transition).toMatchObject({
      figures: { current: 0.4, baseline: 0.1, maxJump: 0.2, items: 100, baselineItems: 100 },
    });
    expect(transition?.message).toBe(
      'hard-gate failures rose from 10.0 % (10 of 100) to 40.0 % (40 of 100), more than 20.0 % above the window before',
    );
    const fall = { current: jump.baseline, baseline: jump.current };
    expect(
      evaluateBreaker(closed, { recentAudits: [], gateFailures: fall }, settings, T0).transition,
    ).toBeUndefined();
    const off = { ...settings, maxGateFailureJump: Number.POSITIVE_INFINITY };
    expect(
      evaluateBreaker(closed, { recentAudits: [], gateFailures: jump }, off, T0).transition,
    ).toBeUndefined();
  });

  it('half-open is judged on its audits, not on a jump (the one that opened it is still in the window)', () => {
    const half: BreakerStatus = { state: 'half_open', since: T0 };
    const jump = { current: { events: 60, total: 100 }, baseline: { events: 0, total: 100 } };
    expect(
      evaluateBreaker(half, { recentAudits: [], gateFailures: jump }, settings, T0 + 1).status,
    ).toBe(half);
  });

  it('open half-opens after the cool-down, not before', () => {
    const open: BreakerStatus = { state: 'open', since: T0 };
    expect(
      evaluateBreaker(open, { recentAudits: audits(0, 50) }, settings, T0 + 59_999).status,
    ).toBe(open);
    const later = evaluateBreaker(open, { recentAudits: audits(0, 50) }, settings, T0 + 60_000);
    expect(later.status).toEqual({ state: 'half_open', since: T0 + 60_000 });
    expect(later.transition?.cause).toBe('cool_down');
  });

  describe('half-open', () => {
    const half: BreakerStatus = { state: 'half_open', since: T0 + 1000 };
    it('ignores audits from before it half-opened', () => {
      const before = audits(0, 30, T0 + 500);
      expect(evaluateBreaker(half, { recentAudits: before }, settings, T0 + 2000).status).toBe(
        half,
      );
    });
    it('closes after enough audits with overturns within the allowed rate', () => {
      const r = evaluateBreaker(
        half,
        { recentAudits: audits(18, 2, T0 + 1500) },
        settings,
        T0 + 2000,
      );
      expect(r.status).toEqual({ state: 'closed', since: T0 + 2000 });
      expect(r.transition?.cause).toBe('clean_audits');
    });
    it('waits while too few audits have come in', () => {
      expect(
        evaluateBreaker(half, { recentAudits: audits(19, 0, T0 + 1500) }, settings, T0 + 2000)
          .status,
      ).toBe(half);
    });
    it('reopens as soon as overturns exceed what a clean run allows', () => {
      const r = evaluateBreaker(
        half,
        { recentAudits: audits(1, 3, T0 + 1500) },
        settings,
        T0 + 2000,
      );
      expect(r.status.state).toBe('open');
      expect(r.transition).toMatchObject({
        cause: 'half_open_override',
        figures: { overturned: 3, allowed: 2 },
      });
    });
  });

  it('a forced state holds whatever the evidence, until released', () => {
    const forced = forceBreaker(closed, {
      state: 'closed',
      reason: 'known auditor mistake',
      by: 'lead@x',
      at: T0 + 5,
    });
    expect(forced.transition).toMatchObject({ from: 'closed', to: 'closed', cause: 'forced' });
    expect(
      evaluateBreaker(forced.status, { recentAudits: audits(0, 50) }, settings, T0 + 10).status,
    ).toBe(forced.status);
    const released = releaseBreaker(forced.status, 'lead@x', T0 + 20);
    expect(released.status).toEqual({ state: 'closed', since: T0 + 20 });
    expect(
      evaluateBreaker(released.status, { recentAudits: audits(0, 50) }, settings, T0 + 30).status
        .state,
    ).toBe('open');
  });

  it('forcing open stops automation at once; releasing an unforced breaker changes nothing', () => {
    const forced = forceBreaker(closed, {
      state: 'open',
      reason: 'provider incident',
      by: 'lead@x',
      at: T0,
    });
    expect(forced.status.state).toBe('open');
    expect(
      evaluateBreaker(forced.status, { recentAudits: [] }, settings, T0 + 10 * 60_000).status.state,
    ).toBe('open');
    expect(releaseBreaker(closed, 'lead@x', T0).transition).toBeUndefined();
  });
});

describe('breakerAllowsAutoApproval', () => {
  it.each([
    ['closed', 0.99, true],
    ['open', 0.0, false],
    ['half_open', 0.2, true],
    ['half_open', 0.25, false],
  ] as const)('%s with draw %p → %p', (state, draw, expected) => {
    expect(breakerAllowsAutoApproval(state, draw, 0.25)).toBe(expected);
  });
});
