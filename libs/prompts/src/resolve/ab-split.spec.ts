import { armFor } from './ab-split';

describe('sticky A/B arms', () => {
  const split = { a: 'production', b: 'staging', percent: 20 };
  it('gives a unit the same arm every time', () => {
    for (let i = 0; i < 100; i++)
      expect(armFor('p', `u${i}`, split)).toBe(armFor('p', `u${i}`, split));
  });

  it('sends about `percent` % of units to b', () => {
    const inB = Array.from({ length: 10_000 }, (_, i) => armFor('p', `unit-${i}`, split)).filter(
      (a) => a === 'b',
    ).length;
    expect(inB).toBeGreaterThan(1800);
    expect(inB).toBeLessThan(2200);
  });

  it('0 % never and 100 % always gives b; prompts split independently', () => {
    expect(armFor('p', 'u', { ...split, percent: 0 })).toBe('a');
    expect(armFor('p', 'u', { ...split, percent: 100 })).toBe('b');
    const a = Array.from({ length: 2000 }, (_, i) => armFor('one', `u${i}`, split));
    const b = Array.from({ length: 2000 }, (_, i) => armFor('two', `u${i}`, split));
    expect(a.filter((x, i) => x === b[i]).length).toBeLessThan(2000 * 0.8);
  });
});
