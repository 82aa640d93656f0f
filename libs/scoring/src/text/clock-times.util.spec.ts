import { computeSignals } from '../engine/score-output';
import { clockTimes } from './clock-times.util';
import { extractQuantities, quantityMatches } from './numbers.util';

// Times of day across the 12- and 24-hour clocks (en-hotel-late-checkout on
// support-answers-dev3: "until 2 pm" for "until 14:00").
const matches = (a: string, b: string): boolean => {
  const ctx = extractQuantities(b);
  return extractQuantities(a).every((q) => ctx.some((c) => quantityMatches(q, c)));
};

describe('clockTimes', () => {
  it.each<[string, number[][]]>([
    ['until 2 pm', [[840]]],
    ['at 11am or 2:30 p.m.', [[660], [870]]],
    ['12 pm and 12 am', [[720], [0]]],
    ['from 14:00 to 00:30', [[840], [30]]],
    // a 12-hour time without am/pm is either half of the day
    ['opens at 9:15', [[555, 1275]]],
    // Malay and Tagalog parts of the day after the hour
    ['10 pagi hingga 10 malam, 2.30 petang', [[600], [1320], [870]]],
    ['mula 3 ng hapon hanggang 8 ng gabi, 12 ng tanghali', [[900], [1200], [720]]],
    // "2 malam" is no clear hour, "3 hari" no part of a day
    ['2 malam, 3 hari', []],
    // neighbours: a decimal, a verse-like ratio of three figures, an hour past the clock
    ['1.2 pm of rain, 25:00, 3:15:20, 13 pm', []],
  ])('%s', (text, minutes) => {
    expect(clockTimes(text).map((t) => t.minutes)).toEqual(minutes);
  });
});

describe('times of day compared as times', () => {
  it.each<[string, string, boolean]>([
    ['late check-out until 2 pm', 'Late check-out until 14:00', true],
    ['check-out is at 11 am', 'Standard check-out is 11:00.', true],
    ['at 12 pm', 'at 12:00', true],
    ['at 12 am', 'at 00:00', true],
    ['from 5 AM to 10 PM', 'mula 5:00 AM hanggang 10:00 PM', true],
    ['opens at 9:15', 'opens at 9:15 pm', true],
    ['tutup 10 malam', 'closes at 10:00 PM', true],
    ['bukas 3 ng hapon', 'opens at 15:00', true],
    // neighbours: another time stays another time
    ['tutup 10 pagi', 'closes at 10:00 PM', false],
    ['late check-out until 3 pm', 'Late check-out until 14:00', false],
    ['at 12 am', 'at 12:00', false],
    ['at 2 am', 'until 14:00', false],
    ['until 14:30', 'until 14:00', false],
    // a bare figure is compared as before
    ['2 rooms', 'until 2 pm', true],
  ])('%s ~ %s', (a, b, same) => {
    expect(matches(a, b)).toBe(same);
  });

  const numbers = (context: string, text: string): unknown[] => {
    const [s] = computeSignals(
      { input: { context: [{ id: 'kb', text: context }] }, output: { text } },
      { signals: { numbers: { weight: 1 } } },
    );
    return (s.output.evidence as { ungrounded: unknown[] }).ungrounded;
  };
  const hotel =
    'Standard check-out is 11:00. Late check-out until 14:00 can be requested at the front desk and costs $25.';
  it('grounds "2 pm" in "14:00" and not "3 pm"', () => {
    expect(numbers(hotel, 'You can ask for late check-out until 2 pm for $25.')).toEqual([]);
    expect(numbers(hotel, 'You can ask for late check-out until 3 pm for $25.')).toHaveLength(1);
  });

  it('reads a percent as no date: "May 20%" is Tagalog "there is 20%"', () => {
    const [q] = extractQuantities('May 30% discount sa sapatos');
    expect([q.text, q.date]).toEqual(['30', undefined]);
    expect(matches('may 30% discount', 'matatapos sa 30 Nobyembre')).toBe(false);
    // neighbour: a day of the month still matches its date
    expect(matches('hanggang 30', 'matatapos sa 30 Nobyembre')).toBe(true);
  });
});
