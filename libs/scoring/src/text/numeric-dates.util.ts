// Dates written in digits only: "15/5/2027", "14/09/2026", "15-5-2027", "15.5.2027", "15/5/27".
// Support answers in Malaysia and the Philippines write them all the time, for a passage's
// "15 Mei 2027" (my-tax-deadline on support-answers-dev5: read as the three figures 15, 5 and
// 2027, the right answer had ungrounded numbers). Malaysia, Singapore and the UK write the day
// first, the Philippines and the US the month: when both readings are dates ("5/6/2027") both
// are kept, and either one supports or is supported.
//
// Fractions, scores and ratios are no dates: a date needs a year, of four digits from 1900 to
// 2100, or of two digits after a '/' ("15/5/27"); "24/7", "1/2", "3/4 cup" and "10/10" have
// none, nor do "10.30" or "1.2.3". A day and month without a year ("15/5") are left alone: in
// an answer they are as often a fraction or a score. Bounded, non-nested pieces: linear on any
// input.
const NUMERIC_DATE_RE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}])/gu;

/** A date written in digits: where it is, and the date keys (YYYY-MM-DD) it can stand for. */
export interface NumericDate {
  start: number;
  end: number;
  text: string;
  /** The day of the month of the first reading (the day-first one when it is a date). */
  day: number;
  /** The first reading, and the other when both readings are dates ("5/6/2027"). */
  dates: [string] | [string, string];
}

/** The dates of a text written in digits ("15/5/2027", "09/14/2026", "15.5.2027"). */
export function numericDates(text: string): NumericDate[] {
  const out: NumericDate[] = [];
  NUMERIC_DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMERIC_DATE_RE.exec(text))) {
    const [whole, first, sep, second, y] = m;
    const end = m.index + whole.length;
    if (!startsAlone(text, m.index, out.at(-1)?.end) || !endsAlone(text, end, sep)) continue;
    const year = yearOf(y, sep);
    if (year === null) continue;
    const a = Number(first);
    const b = Number(second);
    const dayFirst = dateKey(year, b, a);
    const monthFirst = a === b ? null : dateKey(year, a, b);
    const at = { start: m.index, end, text: whole };
    if (dayFirst)
      out.push({ ...at, day: a, dates: monthFirst ? [dayFirst, monthFirst] : [dayFirst] });
    else if (monthFirst) out.push({ ...at, day: b, dates: [monthFirst] });
  }
  return out;
}

/**
 * Not inside a longer figure: no letter or digit right before, and no separator right after a
 * digit ("1.15.5.2027", "10:15/5/2027"), except the dash of a range of dates
 * ("1/5/2027-15/5/2027").
 */
function startsAlone(text: string, start: number, lastDateEnd: number | undefined): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  if (/[\p{L}\p{N}+]/u.test(before)) return false;
  if (!/[/.,:-]/.test(before)) return true;
  if (before === '-' && lastDateEnd === start - 1) return true;
  return !/\p{N}/u.test(text[start - 2] ?? '');
}

/** Not followed by more of a figure: "15.5.2027.3", "1/2/2024/5", "12-05-2024-88" (a phone). */
function endsAlone(text: string, end: number, sep: string): boolean {
  const after = text.slice(end, end + 2);
  if (/^[/.:]\p{N}/u.test(after)) return false;
  return !(sep === '-' && /^-\p{N}/u.test(after));
}

/** The year of a date: four digits from 1900 to 2100, or two after '/' ("15/5/27" is 2027). */
function yearOf(y: string, sep: string): number | null {
  if (y.length === 4) {
    const year = Number(y);
    return year >= 1900 && year <= 2100 ? year : null;
  }
  if (sep !== '/') return null;
  const yy = Number(y);
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

/** "YYYY-MM-DD" when the month and day make a date of that year (no 31/4, no 29/2/2027). */
function dateKey(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
