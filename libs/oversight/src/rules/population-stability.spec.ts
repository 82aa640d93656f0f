import {
  categoricalStability,
  numericStability,
  PSI_MAJOR,
  PSI_MODERATE,
} from './population-stability';

// A deterministic pseudo-random stream, so the tests are repeatable.
function uniforms(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  });
}

describe('population stability index', () => {
  it('is about zero for two samples of the same distribution', () => {
    expect(numericStability(uniforms(5000, 1), uniforms(5000, 2))!).toBeLessThan(0.02);
  });

  it('flags a shifted distribution as a major shift', () => {
    const shifted = uniforms(5000, 2).map((x) => x * 0.5); // all mass in the lower half
    expect(numericStability(uniforms(5000, 1), shifted)!).toBeGreaterThan(PSI_MAJOR);
  });

  it('a mild shift reads as moderate', () => {
    const mild = uniforms(5000, 2).map((x) => Math.min(1, x + 0.06));
    const value = numericStability(uniforms(5000, 1), mild)!;
    expect(value).toBeGreaterThan(PSI_MODERATE * 0.5);
    expect(value).toBeLessThan(PSI_MAJOR);
  });

  it('copes with constant features and ties (no split of equal values, no infinity)', () => {
    expect(numericStability([1, 1, 1, 1], [1, 1, 1])).toBe(0);
    expect(Number.isFinite(numericStability([0, 0, 0, 1], [1, 1, 1, 1])!)).toBe(true);
  });

  it('sees a shift beyond a baseline of few distinct values (one repeated answer length)', () => {
    expect(numericStability(Array(100).fill(31), Array(100).fill(1300))!).toBeGreaterThan(
      PSI_MAJOR,
    );
    expect(numericStability(Array(100).fill(31), Array(100).fill(31))!).toBe(0);
  });

  it('is null when either window is empty', () => {
    expect(numericStability([], [1])).toBeNull();
    expect(numericStability([1], [])).toBeNull();
    expect(categoricalStability({}, { en: 3 })).toBeNull();
  });

  it('compares category mixes, including categories only one side has', () => {
    expect(categoricalStability({ en: 80, ms: 20 }, { en: 79, ms: 21 })!).toBeLessThan(0.01);
    expect(categoricalStability({ en: 80, ms: 20 }, { en: 40, ms: 20, tl: 40 })!).toBeGreaterThan(
      PSI_MAJOR,
    );
  });
});
