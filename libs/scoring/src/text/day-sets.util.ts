import { extractQuantities, type Quantity } from './numbers.util';
import { extractWeekdays } from './weekdays.util';

// Opening hours are written by single days ("Saturday"), by ranges ("Monday to Friday",
// "Isnin hingga Jumaat", "Lunes hanggang Biyernes", "Mon–Fri") and by collective words
// ("weekdays", "hujung minggu"), and an answer rewrites one as another: "6 am to 10 pm Monday to
// Friday, 8 am to 6 pm on Saturdays and Sundays" against "6 am to 10 pm on weekdays and 8 am to
// 6 pm on weekends" (support-answers-dev2). Each form stands for the set of days it covers.

/** A stretch of text that names a set of days (1 = Monday … 7 = Sunday). */
export interface DaySet {
  start: number;
  end: number;
  text: string;
  /** The days covered, in the order written ("Fri–Mon" → 5, 6, 7, 1). */
  days: number[];
  kind: 'name' | 'range' | 'collective';
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

// Collective words. "Working days" and its Malay and Tagalog forms are Monday to Friday in a
// schedule ("dibuka setiap hari bekerja") but a duration after a count ("5 hari bekerja").
const COLLECTIVE = new RegExp(
  '(?<!\\p{L})(?:' +
    '(week[- ]?days?|(?:working|business|work) ?days?|hari (?:bekerja|kerja)|' +
    'karaniwang araw|araw ng trabaho)' +
    '|(week[- ]?ends?|(?:hujung|akhir) (?:minggu|pekan)|katapusan ng linggo)' +
    ')(?!\\p{L})',
  'giu',
);

// "Monday to Friday", "Isnin hingga Jumaat", "Lunes hanggang Biyernes", "Mon–Fri".
const RANGE = /^\s*(?:to|until|till|through|thru|hingga|sehingga|sampai|hanggang|[-–—])\s*$/i;
// "between Monday and Friday", "antara Isnin dan Jumaat", "sa pagitan ng Lunes at Biyernes":
// "and" joins the two ends of a range only after "between".
const BETWEEN = /(?:between|antara|pagitan ng)\s+$/i;
const AND = /^\s*(?:and|dan|at)\s*$/i;

function isRange(text: string, a: Quantity, b: Quantity): boolean {
  const gap = text.slice(a.end, b.start);
  return RANGE.test(gap) || (AND.test(gap) && BETWEEN.test(text.slice(0, a.start)));
}

// Quantifiers that make a following "working days" a count ("a few working days", "beberapa
// hari bekerja"); spelled-out numbers are the number parser's, in English, Malay and Tagalog.
const QUANTIFIERS = new Set(['few', 'several', 'couple', 'beberapa', 'ilang']);

/** Whether a collective word at `start` follows a count ("5 working days", "lima hari bekerja"). */
function afterCount(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  if (/\d[\s-]*$/.test(before)) return true;
  const words = before.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (QUANTIFIERS.has(words[words.length - 1] ?? '')) return true;
  // Tagalog links a number with "na" ("apat na araw ng trabaho").
  const count = before.replace(/\s+na\s*$/i, ' ');
  return extractQuantities(count).some((q) => /^\s*$/.test(count.slice(q.end)));
}

function collectives(text: string): DaySet[] {
  const out: DaySet[] = [];
  COLLECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COLLECTIVE.exec(text))) {
    if (afterCount(text, m.index)) continue;
    const days = m[1] ? WEEKDAYS : WEEKEND;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], days, kind: 'collective' });
  }
  return out;
}

/**
 * The day sets of a text, in order: every day name, every written range (as well as its two
 * names), and every collective word that is not a count. `names`: the text's extractWeekdays,
 * when the caller has them.
 */
export function daySets(text: string, names: Quantity[] = extractWeekdays(text)): DaySet[] {
  const out: DaySet[] = names.map((q) => ({
    start: q.start,
    end: q.end,
    text: q.text,
    days: [q.value],
    kind: 'name',
  }));
  for (let i = 1; i < names.length; i++) {
    const [a, b] = [names[i - 1], names[i]];
    if (!isRange(text, a, b) || a.value === b.value) continue;
    const days: number[] = [];
    for (let d = a.value; days.length < 7; d = (d % 7) + 1) {
      days.push(d);
      if (d === b.value) break;
    }
    out.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), days, kind: 'range' });
  }
  out.push(...collectives(text));
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Every day a text covers by names, ranges and collective words. */
export function coveredDays(text: string): Set<number> {
  return new Set(daySets(text).flatMap((s) => s.days));
}

/**
 * Day names of a context as quantities (date key `dow-N`), with the days inside each written
 * range ("Mon to Wed" → Tue too) and those of each collective word ("weekends" → Sat, Sun), so
 * an answer's "Saturdays" is a fact the context holds.
 */
export function contextWeekdays(text: string): Quantity[] {
  const names = extractWeekdays(text);
  const out: Quantity[] = [...names];
  for (const set of daySets(text, names)) {
    if (set.kind === 'name') continue;
    const written = set.kind === 'range' ? [set.days[0], set.days[set.days.length - 1]] : [];
    for (const day of set.days)
      if (!written.includes(day))
        out.push({
          value: day,
          precision: 0,
          start: set.start,
          end: set.end,
          text: set.text,
          date: `dow-${day}`,
        });
  }
  return out;
}
