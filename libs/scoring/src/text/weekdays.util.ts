import type { Quantity } from './numbers.util';

// Day names of English, Malay and Tagalog, 1 = Monday … 7 = Sunday. Opening hours and
// schedules are half of support traffic, and "Monday to Friday" for "Monday to Saturday" is a
// wrong fact no number check sees. Tagalog "linggo" is also "week": it counts as Sunday only
// capitalised ("Linggo").
const DAYS: Record<string, number> = {
  monday: 1,
  mon: 1,
  mondays: 1,
  isnin: 1,
  lunes: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  tuesdays: 2,
  selasa: 2,
  martes: 2,
  wednesday: 3,
  wed: 3,
  wednesdays: 3,
  rabu: 3,
  miyerkules: 3,
  miyerkoles: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursdays: 4,
  khamis: 4,
  huwebes: 4,
  friday: 5,
  fri: 5,
  fridays: 5,
  jumaat: 5,
  jumat: 5,
  biyernes: 5,
  saturday: 6,
  sat: 6,
  saturdays: 6,
  sabtu: 6,
  sabado: 6,
  sunday: 7,
  sun: 7,
  sundays: 7,
  ahad: 7,
  minggu: 7,
  Linggo: 7,
};
// "Monday to Friday", "Isnin hingga Jumaat", "Lunes hanggang Biyernes", "Mon–Fri".
const RANGE = /^\s*(?:to|until|till|through|thru|hingga|sehingga|sampai|hanggang|[-–—])\s*$/i;
const WORD = /[\p{L}]+/gu;

/** Day names of a text as quantities (date key `dow-N`), in order. */
export function extractWeekdays(text: string): Quantity[] {
  const out: Quantity[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const day = DAYS[m[0]] ?? DAYS[m[0].toLowerCase()];
    if (day === undefined) continue;
    // Three-letter forms only capitalised ("Sun", "Sat"): "sun" and "sat" are words too.
    if (
      m[0].length <= 4 &&
      m[0][0] === m[0][0].toLowerCase() &&
      !/^(mon|tue|wed|thu|fri)/.test(m[0])
    )
      continue;
    out.push({
      value: day,
      precision: 0,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      date: `dow-${day}`,
    });
  }
  return out;
}

/** Day names of a context, with the days inside each written range added ("Mon to Wed" → Tue too). */
export function contextWeekdays(text: string): Quantity[] {
  const days = extractWeekdays(text);
  const out = [...days];
  for (let i = 1; i < days.length; i++) {
    const [a, b] = [days[i - 1], days[i]];
    if (!RANGE.test(text.slice(a.end, b.start))) continue;
    for (let d = a.value + 1; d !== b.value && d - a.value < 7; d++) {
      const day = ((d - 1) % 7) + 1;
      if (day === b.value) break;
      out.push({ ...a, value: day, date: `dow-${day}` });
    }
  }
  return out;
}
