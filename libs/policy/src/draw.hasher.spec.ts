import { DRAW_SALTS, drawFor, routeDrawsFor } from './draw.hasher';

const ids = Array.from(
  { length: 10_000 },
  (_, i) => `0190f3a1-7c2e-7b4d-9a1e-${String(i).padStart(12, '0')}`,
);

describe('drawFor', () => {
  it('is deterministic', () => {
    expect(drawFor('sub-1', 'qa')).toBe(drawFor('sub-1', 'qa'));
  });

  it('pins known values, so a change of algorithm (which reshuffles live A/B arms) is noticed', () => {
    expect(drawFor('', '')).toBe(0.722706486340339);
    expect(drawFor('sub-1', 'rollout')).toBe(0.16199716909331152);
  });

  it('stays in [0,1) for odd input', () => {
    for (const id of ['', ' ', 'ü', '😀', 'a'.repeat(10_000), '\u0000']) {
      const draw = drawFor(id, 'x');
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });

  it('separates salt and id', () => {
    expect(drawFor('c', 'ab')).not.toBe(drawFor('bc', 'a'));
  });

  it('is roughly uniform over 10k sequential ids (10 buckets, chi-square)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const id of ids) buckets[Math.floor(drawFor(id, 'split') * 10)]++;
    const chi2 = buckets.reduce((sum, n) => sum + (n - 1000) ** 2 / 1000, 0);
    // 9 degrees of freedom: p = 0.001 at 27.9.
    expect(chi2).toBeLessThan(27.9);
  });

  it('gives independent draws for different salts', () => {
    let both = 0;
    for (const id of ids)
      if (drawFor(id, DRAW_SALTS.rollout) < 0.5 && drawFor(id, DRAW_SALTS.qa) < 0.5) both++;
    expect(both / ids.length).toBeGreaterThan(0.22);
    expect(both / ids.length).toBeLessThan(0.28);
  });
});

describe('routeDrawsFor', () => {
  it('draws rollout and qa with their salts', () => {
    expect(routeDrawsFor('sub-9')).toEqual({
      rollout: drawFor('sub-9', 'rollout'),
      qa: drawFor('sub-9', 'qa'),
    });
  });
});
