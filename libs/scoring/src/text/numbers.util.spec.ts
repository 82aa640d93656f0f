import { extractQuantities } from './numbers.util';

// Month, number-word and ordinal patterns run only at the words where they can start: these
// are the edges of that (expected values recorded from the whole-text regex scan).
describe('extractQuantities word patterns', () => {
  it.each([
    [
      'Sepember 5, 2020 and sept. 7th',
      [
        ['5', 5, null],
        ['2020', 2020, null],
        ['sept. 7th', 7, '*-09-07'],
      ],
    ],
    [
      'on the 5th of May 2021, twenty-one people',
      [
        ['5th of May 2021', 5, '2021-05-05'],
        ['twenty-one', 21, null],
      ],
    ],
    [
      'twenty-ones and one and Twenty Two',
      [
        ['twenty', 20, null],
        ['one and Twenty Two', 23, null],
      ],
    ],
    [
      'x12 May, May_5, 12 mayor, 123 May',
      [
        ['5', 5, null],
        ['12', 12, null],
        ['123', 123, null],
      ],
    ],
    [
      'The first and SECOND of March; the tenth',
      [
        ['first', 1, null],
        ['SECOND', 2, null],
        ['tenth', 10, null],
      ],
    ],
    [
      'fifteen hundred and three thousand and two',
      [['fifteen hundred and three thousand and two', 1503002, null]],
    ],
    [
      'Jan 32 then jan 31',
      [
        ['32', 32, null],
        ['jan 31', 31, '*-01-31'],
      ],
    ],
    ['one of the two-thirds', [['two', 2, null]]],
  ])('%s', (text, expected) => {
    const found = extractQuantities(text).map((q) => [q.text, q.value, q.date ?? null]);
    expect(found).toEqual(expected);
  });
});
