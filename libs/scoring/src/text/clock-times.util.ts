// Times of day written in the 12-hour or the 24-hour clock: "2 pm" is "14:00", "11 am" is
// "11:00", "12 pm" is noon ("12:00"), "12 am" midnight ("00:00"). A support answer says "until 2
// pm" for a context's "until 14:00" (en-hotel-late-checkout on support-answers-dev3: the figure
// 2 was taken for an ungrounded number and capped the answer at 0). Compared as times, a changed
// time still differs: "until 3 pm" is not "14:00".

/** A time of day found in text: where its hour and minute figures are, and what it can mean. */
export interface ClockTime {
  start: number;
  end: number;
  /**
   * Minutes after midnight it can stand for: one for "2 pm" or "14:00", two for a 12-hour time
   * written without am/pm ("2:00" is 02:00 or 14:00).
   */
  minutes: number[];
}

// "2 pm", "2pm", "2:30 p.m.", "2.30pm", "10:00 PM"; "14:00", "09:30". A clock figure is not
// part of a longer number ("1.2 pm" is no time) and the meridiem is a whole word ("2 pmol" is
// not). Bounded, non-nested pieces: linear on any input.
const CLOCK_RE =
  /(?<![\p{L}\p{N}.,:])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\b\.?|(?<![\p{L}\p{N}.,:])(\d{1,2}):(\d{2})(?![\d:])/giu;

/** The times of day of a text ("2 pm", "14:00", "5:00 AM"). */
export function clockTimes(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  CLOCK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLOCK_RE.exec(text))) {
    const end = m.index + m[0].length;
    if (m[3]) {
      const hour = Number(m[1]);
      const minute = Number(m[2] ?? 0);
      if (hour < 1 || hour > 12 || minute > 59) continue;
      const pm = m[3].toLowerCase() === 'p';
      // 12 am is midnight, 12 pm noon: the hour 12 counts from 0 before adding the half day.
      const minutes = ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
      out.push({ start: m.index, end, minutes: [minutes] });
      continue;
    }
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    if (hour > 24 || minute > 59) continue;
    const minutes = [hour * 60 + minute];
    // "2:00" alone may be 2 in the afternoon; "14:00", "00:30" and "12:00" can only be one time.
    if (hour >= 1 && hour < 12 && !/^0/.test(m[4])) minutes.push((hour + 12) * 60 + minute);
    out.push({ start: m.index, end, minutes });
  }
  return out;
}

/** Whether two times of day can be the same time ("2 pm" and "14:00"; "2:00" and "2 pm"). */
export function sameClockTime(a: readonly number[], b: readonly number[]): boolean {
  return a.some((x) => b.includes(x));
}
