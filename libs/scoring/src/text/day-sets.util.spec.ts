import { contextWeekdays, coveredDays, daySets } from './day-sets.util';

const sorted = (days: Iterable<number>): number[] => [...days].sort((a, b) => a - b);

describe('contextWeekdays', () => {
  it.each([
    ['Monday to Friday 9 am', [1, 2, 3, 4, 5]],
    ['Isnin hingga Jumaat', [1, 2, 3, 4, 5]],
    ['Lunes hanggang Miyerkules', [1, 2, 3]],
    ['Fri–Mon', [1, 5, 6, 7]],
    ['Monday and Friday', [1, 5]],
    ['Saturday to Sunday', [6, 7]],
    // Collective words stand for their days.
    ['open 6 am to 10 pm on weekdays', [1, 2, 3, 4, 5]],
    ['8 am to 6 pm on weekends', [6, 7]],
  ])('%s', (text, expected) => {
    expect(sorted(new Set(contextWeekdays(text).map((q) => q.value)))).toEqual(expected);
  });
});

describe('coveredDays', () => {
  it.each([
    // Ranges, in the three languages and with a dash or "through".
    ['Monday through Saturday', [1, 2, 3, 4, 5, 6]],
    ['Mon–Fri', [1, 2, 3, 4, 5]],
    ['tuwing Lunes hanggang Biyernes', [1, 2, 3, 4, 5]],
    ['between Monday and Wednesday', [1, 2, 3]],
    ['antara Isnin dan Rabu', [1, 2, 3]],
    ['sa pagitan ng Lunes at Miyerkules', [1, 2, 3]],
    // Without "between", "and" lists two days.
    ['Monday and Wednesday', [1, 3]],
    ['between 9 am and 5 pm on Monday and Wednesday', [1, 3]],
    // Collective words in a schedule.
    ['Kaunter dibuka setiap hari bekerja.', [1, 2, 3, 4, 5]],
    ['Harga berbeza pada hujung minggu.', [6, 7]],
    ['Bukas tuwing karaniwang araw.', [1, 2, 3, 4, 5]],
    ['Sarado sa katapusan ng linggo.', [6, 7]],
    ['Open on working days only.', [1, 2, 3, 4, 5]],
    // After a count, "working days" is a duration, not a day set.
    ['Refunds take 5 working days.', []],
    ['Refunds take within five working days.', []],
    ['Bayaran balik dalam tempoh lima hari bekerja.', []],
    ['Darating sa loob ng 10 araw ng trabaho.', []],
    ['Makukuha sa loob ng apat na araw ng trabaho.', []],
    ['Delivered in 3-5 business days.', []],
    ['It takes a few working days.', []],
    // "Minggu" and "linggo" alone are "week".
    ['dalam 2 minggu', []],
  ])('%s', (text, expected) => {
    expect(sorted(coveredDays(text))).toEqual(expected);
  });

  it('keeps a range and its two names, in the order written', () => {
    expect(daySets('Fri–Mon and weekends').map((s) => [s.kind, s.days])).toEqual([
      ['range', [5, 6, 7, 1]],
      ['name', [5]],
      ['name', [1]],
      ['collective', [6, 7]],
    ]);
  });
});
