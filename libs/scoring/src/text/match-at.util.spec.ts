import { eachMatchAt } from './match-at.util';

function globalLoop(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  const g = new RegExp(re.source, re.flags.replace('y', '') + 'g');
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) out.push([m.index, m[0]]);
  return out;
}

function atStarts(re: RegExp, text: string, starts: number[]): [number, string][] {
  const out: [number, string][] = [];
  eachMatchAt(re, text, starts, (m) => out.push([m.index, m[0]]));
  return out;
}

describe('eachMatchAt', () => {
  const re = /\b(?:one|two)(?:[\s-]+(?:one|two))*\b/iy;
  const everyPosition = (text: string): number[] => Array.from(text, (_, i) => i);

  it.each([['one two'], ['one-two-ones two'], ['bone one, TWO'], ['']])(
    'with every position a candidate, finds what a global exec loop finds: %s',
    (text) => expect(atStarts(re, text, everyPosition(text))).toEqual(globalLoop(re, text)),
  );

  it('skips candidates inside the previous match', () =>
    expect(atStarts(re, 'one two one', [0, 4, 8])).toEqual([[0, 'one two one']]));

  it('leaves the regex reusable', () => {
    atStarts(re, 'one', [0]);
    expect(re.lastIndex).toBe(0);
  });
});
