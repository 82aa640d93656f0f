import { chooseVersion } from './version.chooser';

const ids = Array.from({ length: 10_000 }, (_, i) => `sub-${i}-${(i * 7919) % 10_007}`);
const share = (percent: number): number =>
  ids.filter((id) => chooseVersion(id, { activeVersion: 1, split: { version: 2, percent } }) === 2)
    .length / ids.length;

describe('chooseVersion', () => {
  it.each([
    ['no split', { activeVersion: 3 }, 3],
    ['null split', { activeVersion: 3, split: null }, 3],
    ['0 %', { activeVersion: 3, split: { version: 4, percent: 0 } }, 3],
    ['negative %', { activeVersion: 3, split: { version: 4, percent: -10 } }, 3],
    ['NaN %', { activeVersion: 3, split: { version: 4, percent: NaN } }, 3],
    ['100 %', { activeVersion: 3, split: { version: 4, percent: 100 } }, 4],
    ['over 100 %', { activeVersion: 3, split: { version: 4, percent: 250 } }, 4],
  ])('%s', (_name, state, expected) => {
    for (const id of ids.slice(0, 200)) expect(chooseVersion(id, state)).toBe(expected);
  });

  it('is deterministic per submission', () => {
    const state = { activeVersion: 1, split: { version: 2, percent: 50 } };
    const first = ids.map((id) => chooseVersion(id, state));
    expect(ids.map((id) => chooseVersion(id, state))).toEqual(first);
    expect(new Set(first)).toEqual(new Set([1, 2]));
  });

  it.each([1, 10, 25, 50, 90])(
    'sends about %d %% of 10k submissions to the split version',
    (percent) => {
      expect(Math.abs(share(percent) - percent / 100)).toBeLessThan(0.015);
    },
  );

  it('keeps earlier split members in the split when the percentage grows', () => {
    const state = (percent: number) => ({ activeVersion: 1, split: { version: 2, percent } });
    for (const id of ids) {
      if (chooseVersion(id, state(10)) === 2) expect(chooseVersion(id, state(20))).toBe(2);
    }
  });
});
