import type { Quantity } from './numbers.util';

// Day names of English, Malay and Tagalog, Monday first. Opening hours and schedules are
// everyday support answers, and a day the schedule does not have ("Sunday" where the clinic opens
// Monday to Saturday) is a wrong fact no number check sees. Tagalog "linggo" and Malay "minggu"
// are also "week": they count as Sunday (Indonesian "Minggu") only capitalised.
const NAMES = [
  'monday mon mondays isnin lunes',
  'tuesday tue tues tuesdays selasa martes',
  'wednesday wed wednesdays rabu miyerkules miyerkoles',
  'thursday thu thur thurs thursdays khamis huwebes',
  'friday fri fridays jumaat jumat biyernes',
  'saturday sat saturdays sabtu sabado',
  'sunday sun sundays ahad Minggu Linggo',
];
const DAYS: Record<string, number> = Object.fromEntries(
  NAMES.flatMap((names, i) => names.split(' ').map((n) => [n, i + 1])),
);
// Only the whole words that may be day names, found by the regex engine: reading every word
// of a context and looking it up (lower-cased) cost more than all number parsing together.
// Case-insensitive with Unicode case folding, the candidates are a superset of the words whose
// exact or lower-cased form is a day name (the Kelvin sign folds to "k" as it lower-cases to
// it); the lookup below keeps only those, as it did when every word was read.
const CANDIDATE = new RegExp(
  `(?<!\\p{L})(?:${Object.keys(DAYS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?!\\p{L})`,
  'giu',
);

/** Day names of a text as quantities (date key `dow-N`), in order. */
export function extractWeekdays(text: string): Quantity[] {
  const out: Quantity[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
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
