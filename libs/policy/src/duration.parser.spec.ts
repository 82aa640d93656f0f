import { parseDuration } from './duration.parser';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['500ms', 500],
    ['0s', 0],
    ['1500', 1_500],
    ['0', 0],
    ['  45m  ', 2_700_000],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [''],
    ['   '],
    ['soon'],
    ['30'.concat('x')],
    ['m'],
    ['-5m'],
    ['1.5h'],
    ['30M'],
    ['30m1h'], // units out of order
    ['1h1h'], // unit repeated
    ['1w'],
    ['1h30'],
    ['h30m'],
    ['99999999999999999999d'], // beyond safe integers
    ['1e3'],
  ])('%j → null', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('refuses non-strings at run time', () => {
    expect(parseDuration(30 as unknown as string)).toBeNull();
    expect(parseDuration(undefined as unknown as string)).toBeNull();
  });
});
