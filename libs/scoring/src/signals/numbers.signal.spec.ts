import { extractQuantities, parseNumberWords, quantityMatches } from '../text/numbers.util';
import { scoreOutput } from '../engine/score-output';
import type { ScoringInput, SignalResult } from '../scoring.types';

const context = [
  {
    id: 'policy',
    text: 'The policy covers water damage caused by burst pipes. Flood damage from rivers is excluded. The excess is 500 dollars per claim.',
  },
  {
    id: 'claim',
    text: 'Mrs Tan reported a burst pipe in her kitchen on 3 May 2024. The repair quote from Lim Plumbing was 1,500 dollars.',
  },
];

function signal(
  name: string,
  output: ScoringInput['output'],
  input: ScoringInput['input'] = { context },
): SignalResult {
  return scoreOutput({ input, output }, { signals: { [name]: { weight: 1 } }, validators: [] })
    .signals[0];
}

describe('number normalisation', () => {
  it.each([
    ['1.5k', 1500],
    ['1,500', 1500],
    ['fifteen hundred', 1500],
    ['$2.3 million', 2_300_000],
    ['two million three hundred and five', 2_000_305],
    ['twenty-five', 25],
    ['12 bn', 12e9],
    ['1 500', 1500],
    ['5 juta', 5e6],
  ])('%s → %d', (text, value) => expect(extractQuantities(text)[0]?.value).toBe(value));

  it.each([
    ['fifteen hundred', 1500],
    ['one hundred and one', 101],
    ['banana', null],
  ])('parseNumberWords(%s)', (text, value) => expect(parseNumberWords(text)).toBe(value));

  it.each([
    ['1.5 million', '1,523,400', true],
    ['1.5 million', '1,623,400', false],
    ['2020', '2021', false],
    ['21%', '21.4%', true],
    ['May 3, 2024', '3 May 2024', true],
    ['May 4, 2024', '3 May 2024', false],
    ['1,000', '1,000', true],
    ['1,000', '1,499', true],
    ['1,000', '1,500', false], // half-up: 1,500 rounds to 2,000
    ['3334', '3333', false],
    ['2 million', '2,400,000', true],
    ['2 million', '2,500,000', false],
  ])('%s matches %s: %s', (a, b, ok) =>
    expect(quantityMatches(extractQuantities(a)[0], extractQuantities(b)[0])).toBe(ok),
  );

  it('ignores "one" as a pronoun', () => expect(extractQuantities('one of the best')).toEqual([]));
});

describe('numbers signal', () => {
  it.each([
    ['same number in another notation', 'The quote was 1.5k dollars.', 1],
    ['number in words', 'The plumber asked fifteen hundred dollars.', 1],
    ['date in another format', 'The pipe burst on May 3, 2024.', 1],
    ['changed amount', 'The quote was 2,500 dollars and the excess 500.', 0.5],
    ['all invented', 'They paid 7,777 dollars on 9 June 2021.', 0],
  ])('%s', (_n, text, score) => expect(signal('numbers', { text }).score).toBeCloseTo(score, 5));

  it('is missing when the output has no numbers', () =>
    expect(signal('numbers', { text: 'Covered.' }).missing).toBe(true));

  it('points at the ungrounded number', () => {
    const ev = signal('numbers', { text: 'The excess is 700 dollars.' }).evidence as {
      ungrounded: { text: string; start: number }[];
    };
    expect(ev.ungrounded).toEqual([expect.objectContaining({ text: '700', start: 14 })]);
  });
});

describe('entities signal', () => {
  it.each([
    ['known names', 'The repair by Lim Plumbing was for Mrs Tan.', 1],
    ['invented company', 'The repair by Wong Builders was for Mrs Tan.', 0.3],
  ])('%s', (_n, text, min) =>
    expect(signal('entities', { text }).score).toBeGreaterThanOrEqual(min),
  );

  it('flags a name that is not in the context', () => {
    const s = signal('entities', { text: 'Mr Ahmad from Wong Builders fixed it.' });
    const ev = s.evidence as { ungrounded: { text: string }[] };
    expect(ev.ungrounded.map((u) => u.text)).toEqual(
      expect.arrayContaining(['Ahmad', 'Wong', 'Builders']),
    );
  });

  it('is missing for lower-case or caseless text', () => {
    expect(signal('entities', { text: 'the pipe burst.' }).missing).toBe(true);
    expect(signal('entities', { text: 'ท่อแตกในครัว' }).missing).toBe(true);
  });
});
