import { extractQuantities } from './numbers.util';
import { numericDates } from './numeric-dates.util';

describe('numericDates', () => {
  it.each<[string, [string, string[]][]]>([
    // Day first (Malaysia, Singapore, the UK), when only that reading is a date.
    ['Hai! BE e-Filing: 15/5/2027. Baki cukai perlu dibayar.', [['15/5/2027', ['2027-05-15']]]],
    ['Pendaftaran pelajar baharu pada 14/9/2026, dari 8am.', [['14/9/2026', ['2026-09-14']]]],
    ['Daftar masuk: Isnin 14/09/2026, 8.00 pagi', [['14/09/2026', ['2026-09-14']]]],
    ['The card expires on 31-12-2027.', [['31-12-2027', ['2027-12-31']]]],
    ['Tarikh akhir:15.5.2027', [['15.5.2027', ['2027-05-15']]]],
    ['Renew by 15/5/27 at the latest', [['15/5/27', ['2027-05-15']]]],
    // Month first (the Philippines, the US), when only that reading is a date.
    ['Ang huling araw ng bayad ay 09/14/2026 po.', [['09/14/2026', ['2026-09-14']]]],
    ['Due 12/25/99', [['12/25/99', ['1999-12-25']]]],
    // Both readings are dates: day first, then month first.
    ['Magbukas ang tindahan sa 5/6/2027.', [['5/6/2027', ['2027-06-05', '2027-05-06']]]],
    ['on 7/7/2027', [['7/7/2027', ['2027-07-07']]]],
    // A range of two dates.
    [
      'Promo 1/5/2027-15/5/2027 sahaja',
      [
        ['1/5/2027', ['2027-05-01', '2027-01-05']],
        ['15/5/2027', ['2027-05-15']],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(numericDates(text).map((d) => [d.text, d.dates])).toEqual(expected);
  });

  it.each([
    'We are open 24/7.',
    'Add 1/2 teaspoon, then 3/4 cup of milk',
    'Rated 10/10 by our customers',
    'Update to version 1.2.3 or 10.4.12',
    'Pi is 3.14 and the fee is 12.50',
    'Call 03-2615 8888 or 012-345 6789, or 1-300-88-1234',
    'Kaunter dibuka 10.30 pagi hingga 5.30 petang',
    'Scores of 3-1-2 and 6-4-21',
    'A day 32/1/2027, a month 15/13/2027, 29/2/2027 and 31/4/2027',
    'The years 15/5/1850 and 15/5/2150',
    'Two-digit years only after a slash: 15.5.27 and 15-5-27',
    'Longer figures: 1.15.5.2027, 15/5/2027/3, 123/5/2027, 10:15/5/2027, +603-12-2024',
    'A code A15/5/2027 or 15/5/2027B',
    'Day and month alone: 15/5 and 14/9',
  ])('no date in %s', (text) => {
    expect(numericDates(text)).toEqual([]);
  });

  it('is one figure of extractQuantities: the day, dated, not three numbers', () => {
    expect(
      extractQuantities('BE e-Filing: 15/5/2027, bayar RM300.').map((q) => [
        q.text,
        q.value,
        q.date,
      ]),
    ).toEqual([
      ['15/5/2027', 15, '2027-05-15'],
      ['300', 300, undefined],
    ]);
    expect(extractQuantities('Bukas sa 5/6/2027')).toMatchObject([
      { text: '5/6/2027', value: 5, date: '2027-06-05', altDate: '2027-05-06' },
    ]);
  });
});
