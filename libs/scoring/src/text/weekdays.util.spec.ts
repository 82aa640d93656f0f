import { contextWeekdays } from './day-sets.util';
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
    ['', []],
  ])('%s', (text, expected) => {
    expect(days(extractWeekdays(text))).toEqual(expected);
  });
});

describe('contextWeekdays', () => {
  it.each([
    ['Monday to Friday 9 am', [1, 2, 3, 4, 5]],
    ['Isnin hingga Jumaat', [1, 2, 3, 4, 5]],
    ['Lunes hanggang Miyerkules', [1, 2, 3]],
    ['Fri–Mon', [1, 5, 6, 7]],
    ['Monday and Friday', [1, 5]],
    ['Saturday to Sunday', [6, 7]],
  ])('%s', (text, expected) => {
    expect(days(contextWeekdays(text))).toEqual(expected);
  });
});
