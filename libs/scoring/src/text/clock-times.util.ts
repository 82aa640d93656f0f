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
// not). Malay and Tagalog say the part of the day after the hour: "10 pagi" (morning, 10:00),
// "2 petang" (afternoon, 14:00), "10 malam" (night, 22:00), "3 ng hapon" (15:00), "8 ng gabi"
// (20:00). Bounded, non-nested pieces: linear on any input.
const CLOCK_RE =
  /(?<![\p{L}\p{N}.,:])(\d{1,2})(?:[:.](\d{2}))?(?:\s?([ap])\.?m\b\.?|\s+(pagi|tengah\s+hari|petang|malam|ng\s+umaga|ng\s+tanghali|ng\s+hapon|ng\s+gabi)\b)|(?<![\p{L}\p{N}.,:])(\d{1,2}):(\d{2})(?![\d:])/giu;

/** The hour of the 24-hour clock an hour of 1 to 12 is in a part of the day, or null. */
function hourOfDayPart(hour: number, part: string): number | null {
  const p = part.toLowerCase().replace(/\s+/g, ' ');
  // 12 am (pagi) is midnight, 12 pm noon: the hour 12 counts from 0 before adding the half day.
  if (p === 'a' || p === 'pagi' || p === 'ng umaga') return hour % 12;
  if (p === 'p' || p === 'petang' || p === 'ng hapon') return (hour % 12) + 12;
  // Noon and the hours just after it ("1 tengah hari" is 13:00).
  if (p === 'tengah hari' || p === 'ng tanghali')
    return hour === 12 || hour <= 2 ? (hour % 12) + 12 : null;
  // Night: from 6 to 11 in the evening, 12 is midnight; "2 malam" is no clear hour.
  if (hour === 12) return 0;
  return hour >= 6 ? hour + 12 : null;
}

/** The times of day of a text ("2 pm", "14:00", "5:00 AM", "10 malam"). */
export function clockTimes(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  CLOCK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLOCK_RE.exec(text))) {
    const end = m.index + m[0].length;
    if (m[1]) {
      const hour = Number(m[1]);
      const minute = Number(m[2] ?? 0);
      if (hour < 1 || hour > 12 || minute > 59) continue;
      const h = hourOfDayPart(hour, m[3] ?? m[4]);
      if (h !== null) out.push({ start: m.index, end, minutes: [h * 60 + minute] });
      continue;
    }
    const hour = Number(m[5]);
    const minute = Number(m[6]);
    if (hour > 24 || minute > 59) continue;
    const minutes = [hour * 60 + minute];
    // "2:00" alone may be 2 in the afternoon; "14:00", "00:30" and "12:00" can only be one time.
    if (hour >= 1 && hour < 12 && !/^0/.test(m[5])) minutes.push((hour + 12) * 60 + minute);
    out.push({ start: m.index, end, minutes });
  }
  return out;
}

/** Whether two times of day can be the same time ("2 pm" and "14:00"; "2:00" and "2 pm"). */
export function sameClockTime(a: readonly number[], b: readonly number[]): boolean {
  return a.some((x) => b.includes(x));
}
