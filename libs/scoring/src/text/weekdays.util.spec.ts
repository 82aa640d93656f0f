import { extractWeekdays } from './weekdays.util';

const days = (qs: { value: number }[]) => qs.map((q) => q.value).sort((a, b) => a - b);

describe('extractWeekdays', () => {
  it.each([
    ['open Monday and Sunday', [1, 7]],
    ['Isnin, Rabu dan Jumaat', [1, 3, 5]],
    ['tuwing Lunes at Huwebes', [1, 4]],
    ['Mon–Fri, Sat and Sun', [1, 5, 6, 7]],
    ['we sat in the sun', []],
    ['isang linggo (one week), sa Linggo', [7]],
    ['dalam 2 minggu, hujung minggu', []],
    ['MONDAYS only', [1]],
    // Whole words only: a day name inside a longer word is none.
    ['Sundance, Monsoon and Satay', []],
    ['Friday’s and Sunday-only hours', [5, 7]],
    ['tuwing LINGGO at minggu', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(days(extractWeekdays(text))).toEqual(expected);
  });
});
