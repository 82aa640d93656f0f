import { extractQuantities } from '../text/numbers.util';
import { endsRange } from './fact-opposites.util';

const fact = (text: string) => {
  const [q] = extractQuantities(text);
  return { q, units: [], end: q.end, kind: null };
};

describe('endsRange', () => {
  it.each([
    ['The gym is open 6 am to 10 pm on weekdays.', '10 pm', true],
    ['The gym is open 6 am to 10 pm on weekdays.', '6 am', false],
    ['Kaunter dibuka dari 8 pagi hingga 1 petang.', '1 petang', true],
    ['Bukas mula 9 hanggang 5 ng hapon.', '5', true],
    ['Open 9–5 daily.', '5', true],
    // Two figures of separate clauses, or with more than a unit between them, are no range.
    ['Check-in opens at 6 am, and the gate closes at 10 pm.', '10 pm', false],
    ['It costs $10 to send and $25 to receive.', '$25', false],
  ])('%s (%s)', (text, figure, expected) => {
    expect(endsRange(text, fact(figure))).toBe(expected);
  });
});
