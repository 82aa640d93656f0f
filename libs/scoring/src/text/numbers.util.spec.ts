import { extractQuantities, quantityMatches, sameDate } from './numbers.util';

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

describe('extractQuantities in support answers', () => {
  it.each([
    ['call 1800 222 3334', ['1800', '222', '3334']],
    ['12 345 678 people', ['12 345 678']],
    ['minimum RM3,000 a month', ['3,000']],
    ['SGD15 or USD 12.50', ['15', '12.50']],
    ['a 5hb bill of 24GB', ['5', '24']],
    ['ABC123 is a code', []],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text).map((q) => q.text)).toEqual(expected);
  });
});

// One pass over the text finds where every kind of word-led figure can start (months, English,
// Malay and Tagalog number words and ordinals, the last words of the idioms of a duration):
// each kind is still read next to the others, and in the case each reads (expected values
// recorded from a pass of each kind over the whole text).
describe('extractQuantities word starts of every kind in one pass', () => {
  it.each<[string, [string, number][]]>([
    [
      'Kali pertama RM100, kali ketiga RM300; first one twenty-two',
      [
        ['pertama', 1],
        ['100', 100],
        ['ketiga', 3],
        ['300', 300],
        ['first', 1],
        ['one twenty-two', 23],
      ],
    ],
    // Malay and Tagalog number words are read in lower case only; their ordinals in any case.
    [
      'Dua puluh lima may 5 Mac, ikalawang palapag at Isa',
      [
        ['may 5', 5],
        ['ikalawang', 2],
      ],
    ],
    [
      'Seminggu, dalam tempoh sehari, KEDUA',
      [
        ['sehari', 1],
        ['KEDUA', 2],
      ],
    ],
    [
      'open AROUND THE CLOCK, in a fortnight, setengah jam lagi',
      [
        ['AROUND THE CLOCK', 24],
        ['a fortnight', 14],
        ['setengah jam', 30],
      ],
    ],
    // No idiom without its last word as a whole word.
    ['open round the clocks for hours', []],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text).map((q) => [q.text, q.value])).toEqual(expected);
  });
});

// A date written in digits supports, and is supported by, the same date written with a month
// name; both readings of an ambiguous one ("5/6/2027") count, a different day does not.
describe('quantityMatches on dates written in digits', () => {
  const date = (text: string) => extractQuantities(text).find((q) => q.date)!;
  it.each([
    ['BE e-Filing: 15/5/2027.', 'Tarikh akhir BE e-Filing ialah 15 Mei 2027.', true],
    ['Daftar masuk: Isnin 14/9/2026', 'Isnin, 14 September 2026: pendaftaran pelajar', true],
    ['Ang deadline ay 09/14/2026.', 'Deadline: September 14, 2026', true],
    ['The store opens on 5/6/2027.', 'The store opens on 5 June 2027.', true],
    ['The store opens on 5/6/2027.', 'The store opens on May 6, 2027.', true],
    ['The store opens on 5 June 2027.', 'Opening: 5/6/2027', true],
    ['Due 15 May.', 'Due 15/05/2027.', true],
    ['BE e-Filing: 16/5/2027.', 'Tarikh akhir BE e-Filing ialah 15 Mei 2027.', false],
    ['The store opens on 5/6/2027.', 'The store opens on 6 June 2027.', false],
    ['Due 2027-05-15', 'Due 15.05.2027', true],
  ])('%s ↔ %s: %s', (out, ctx, expected) => {
    expect(quantityMatches(date(out), date(ctx))).toBe(expected);
  });
});

// The exact figure a short answer's fact is held by (figure-support's sameFigure): a date by
// either reading, never by the same day of another month.
describe('sameDate', () => {
  const date = (text: string) => extractQuantities(text).find((q) => q.date)!;
  it.each([
    ['5/6/2027', 'May 6, 2027', true],
    ['5 June 2027', '5/6/2027', true],
    ['5/6/2027', '6 June 2027', false],
    ['15/5/2027', '15 May', false],
  ])('%s ↔ %s: %s', (a, b, expected) => {
    expect(sameDate(date(a), date(b))).toBe(expected);
  });
});
