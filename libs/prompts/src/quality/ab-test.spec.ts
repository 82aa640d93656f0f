import { normalCdf, suggestedWinner, twoProportionTest } from './ab-test';

describe('A/B significance of human reject rates', () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.975],
    [-1.959964, 0.025],
    [3, 0.99865],
  ])('normalCdf(%p) ≈ %p', (x, p) => expect(normalCdf(x)).toBeCloseTo(p, 5));

  it('tells apart 10% from 30% rejects on 200 items each, and names the better arm', () => {
    const result = suggestedWinner({ hits: 60, total: 200 }, { hits: 20, total: 200 });
    expect(result.test.pValue).toBeLessThan(0.001);
    expect(result.winner).toBe('b');
  });

  it('suggests nothing when the difference is noise or an arm is empty', () => {
    expect(suggestedWinner({ hits: 5, total: 50 }, { hits: 6, total: 50 }).winner).toBeNull();
    expect(twoProportionTest({ hits: 0, total: 0 }, { hits: 3, total: 10 })).toEqual({
      pValue: null,
      z: null,
    });
  });

  it('gives p = 1 for identical arms with no variance, p = 0 for fully separated ones', () => {
    expect(twoProportionTest({ hits: 0, total: 10 }, { hits: 0, total: 10 }).pValue).toBe(1);
    expect(twoProportionTest({ hits: 10, total: 10 }, { hits: 0, total: 10 }).pValue).toBeLessThan(
      1e-4,
    );
  });
});
