import { normalCdf, rateIncrease } from './rate-change';

describe('rateIncrease', () => {
  it('finds a real rise significant', () => {
    const r = rateIncrease({ events: 20, total: 400 }, { events: 60, total: 400 }, 0.01)!;
    expect(r.before).toBe(0.05);
    expect(r.after).toBe(0.15);
    expect(r.significant).toBe(true);
    expect(r.pValue).toBeLessThan(1e-5);
  });

  it('does not call noise a rise, nor a fall', () => {
    expect(
      rateIncrease({ events: 20, total: 400 }, { events: 24, total: 400 }, 0.01)!.significant,
    ).toBe(false);
    expect(
      rateIncrease({ events: 60, total: 400 }, { events: 20, total: 400 }, 0.01)!.significant,
    ).toBe(false);
  });

  it('refuses to judge on too few items', () => {
    expect(rateIncrease({ events: 0, total: 10 }, { events: 10, total: 10 }, 0.05)).toBeNull();
  });

  it('handles rates of exactly 0 or 1 on both sides', () => {
    expect(
      rateIncrease({ events: 0, total: 50 }, { events: 0, total: 50 }, 0.05)!.significant,
    ).toBe(false);
  });

  it.each([
    [0, 0.5],
    [1.96, 0.975],
    [-1.96, 0.025],
    [3, 0.99865],
  ])('normalCdf(%p) ≈ %p', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 4);
  });
});
