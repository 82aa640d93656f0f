import {
  countsOneOf,
  durationAfter,
  idiomDurations,
  malayOneUnits,
  sameDuration,
  type Duration,
} from './durations.util';
import { clockTimes, sameClockTime, type ClockTime } from './clock-times.util';
import { eachMatchAt } from './match-at.util';
import { numericDates } from './numeric-dates.util';
import { extractLocalNumberWords, extractLocalOrdinals } from './number-words.util';
import { MONTH, NUMBER_WORD, ORDINAL, wordStarts } from './word-starts.util';

/** A number, date or quantity found in text, with its normalised value. */
export interface Quantity {
  /** Numeric value after normalisation ("1.5k" → 1500, "fifteen hundred" → 1500). */
  value: number;
  /** Digits after the decimal point as written: lets "1.5 million" match 1,523,000 when rounded. */
  precision: number;
  start: number;
  end: number;
  text: string;
  /** Canonical date key (YYYY-MM-DD, YYYY-MM) when the match is a date. */
  date?: string;
  /**
   * The other reading of a date written in digits when both are dates: "5/6/2027" is 5 June
   * day first (`date`), 6 May month first (`altDate`).
   */
  altDate?: string;
  /** The length of time when a time unit follows ("7 araw", "one week"): compared across units. */
  duration?: Duration;
  /** The time of day the figure is the hour or minute of ("2 pm", "14:00"). */
  clock?: ClockTime;
  /** Followed by "%": a share, never a day of a date. */
  percent?: boolean;
}

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  hundred: 100,
  lakh: 1e5,
  crore: 1e7,
  juta: 1e6,
  ribu: 1e3,
  libo: 1e3,
  milyon: 1e6,
};
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // Malay and Tagalog month names ("12 Mac", "15 Nobyembre"): their dates are dates too.
  januari: 1,
  februari: 2,
  mac: 3,
  mei: 5,
  julai: 7,
  ogos: 8,
  oktober: 10,
  disember: 12,
  enero: 1,
  pebrero: 2,
  marso: 3,
  abril: 4,
  mayo: 5,
  hunyo: 6,
  hulyo: 7,
  agosto: 8,
  setyembre: 9,
  oktubre: 10,
  nobyembre: 11,
  disyembre: 12,
};

// Digits with thousands separators or decimals, an optional scale word or suffix. Each piece
// is a bounded, non-nested pattern: linear on any input. A number starts after a non-letter or
// right after a currency code ("RM3,000", "SGD15"), never inside a number ("3,000" is not "000");
// a thousands group is exactly three digits ("222 3334" is two numbers, not "222 333" and "4").
const DIGIT_RE =
  /(?:(?<![\p{L}\p{N}.,])|(?<=(?<!\p{L})(?:RM|Rp|MYR|SGD|USD|PHP|THB|IDR|HKD|AUD|EUR|GBP)))([-−]?\d{1,3}(?:[,\u202F\u00A0 ]\d{3}(?!\d))+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)(?:\s?(k|m|mn|mm|b|bn|t|tn|thousand|million|millions|billion|billions|trillion|hundred|lakh|crore|juta|ribu)(?![\p{L}]))?/giu;
const ISO_DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
// Sticky: tried only at the starts wordStarts finds (word-starts.util.ts, see eachMatchAt). Each of their
// matches starts with a whole \b-delimited word: a month, a day, a number word or an ordinal.
const WORD_NUMBER_RE = new RegExp(
  `\\b(?:zero|${NUMBER_WORD})(?:(?:[\\s-]+|\\s+and\\s+)(?:${NUMBER_WORD}))*\\b`,
  'iy',
);
const MONTH_DAY_RE = new RegExp(
  `\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\.?(?:,?\\s+(\\d{4}))?\\b`,
  'iy',
);
const ORDINAL_RE = new RegExp(`\\b(${ORDINAL})\\b`, 'iy');

/** Parses a run of English number words: "fifteen hundred" → 1500, "two million three hundred" → 2000300. */
export function parseNumberWords(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of text.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || !w) continue;
    if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALE) {
      total += (current || 1) * SCALE[w];
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

/** The quantities of one text found so far, and the spans they take: no two overlap. */
interface Found {
  text: string;
  out: Quantity[];
  taken: [number, number][];
}

// Module-level, not closures of extractQuantities: it runs on every context sentence, and a
// closure made per call is work of its own.
function add(found: Found, q: Quantity): void {
  const { text, taken } = found;
  if (taken.some(([a, b]) => q.start < b && q.end > a)) return;
  taken.push([q.start, q.end]);
  if (!q.date) q.duration = q.duration ?? durationAfter(text, q.end, q.value);
  if (!q.date && PERCENT_AFTER_RE.test(text.slice(q.end, q.end + 2))) q.percent = true;
  found.out.push(q);
}

const PERCENT_AFTER_RE = /^\s?%/;

/** "one" alone is mostly a pronoun ("one of the"), not a quantity, unless a time unit follows. */
function isFigure(text: string, value: number, words: string, end: number): boolean {
  return value > 1 || /\s/.test(words) || countsOneOf(durationAfter(text, end, value));
}

/** Finds the numbers, amounts and dates of a text, normalised for comparison. */
export function extractQuantities(text: string): Quantity[] {
  const found: Found = { text, out: [], taken: [] };
  const out = found.out;
  let m: RegExpExecArray | null;
  // Dates and digit numbers all need an ASCII digit (`\d`): a text without one skips those
  // three regexes.
  const digits = hasDigit(text);
  ISO_DATE_RE.lastIndex = 0;
  while (digits && (m = ISO_DATE_RE.exec(text)))
    add(found, {
      value: Number(m[1]),
      precision: 0,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      date: `${m[1]}-${m[2]}-${m[3]}`,
    });
  if (digits)
    for (const d of numericDates(text))
      add(found, {
        value: d.day,
        precision: 0,
        start: d.start,
        end: d.end,
        text: d.text,
        date: d.dates[0],
        ...(d.dates[1] && { altDate: d.dates[1] }),
      });
  const starts = wordStarts(text);
  if (digits)
    eachMatchAt(MONTH_DAY_RE, text, starts.dates, (m) => {
      const month = MONTHS[(m[1] ?? m[5]).toLowerCase().replace(/\.$/, '')];
      const day = Number(m[2] ?? m[4]);
      const year = m[3] ?? m[6];
      // A percent is no day: Tagalog "May 20% discount" is "there is a 20% discount".
      if (
        !month ||
        day < 1 ||
        day > 31 ||
        PERCENT_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))
      )
        return;
      const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      add(found, {
        value: day,
        precision: 0,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        date: year ? `${year}-${md}` : `*-${md}`,
      });
    });
  DIGIT_RE.lastIndex = 0;
  while (digits && (m = DIGIT_RE.exec(text))) {
    const raw = m[1].replace(/[,\u202F\u00A0 ]/g, '').replace('−', '-');
    const num = Number(raw);
    if (!Number.isFinite(num)) continue;
    const scale = m[2] ? SCALE[m[2].toLowerCase()] : 1;
    // A lone "m"/"b"/"t" after a number is a unit only in money-like contexts ("$5m"), not "5 m away".
    const precision = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
    add(found, {
      value: num * (scale ?? 1),
      precision: scale && scale > 1 ? precision + Math.log10(scale) : precision,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  }
  eachMatchAt(WORD_NUMBER_RE, text, starts.numbers, (m) => {
    const value = parseNumberWords(m[0]);
    if (value === null || !isFigure(text, value, m[0], m.index + m[0].length)) return;
    add(found, { value, precision: 0, start: m.index, end: m.index + m[0].length, text: m[0] });
  });
  for (const n of extractLocalNumberWords(text, starts.localNumbers))
    if (isFigure(text, n.value, n.text, n.end)) add(found, { ...n, precision: 0 });
  for (const n of malayOneUnits(text)) add(found, { ...n, value: 1, precision: 0 });
  if (starts.idioms) for (const n of idiomDurations(text)) add(found, { ...n, precision: 0 });
  for (const n of extractLocalOrdinals(text, starts.localOrdinals))
    add(found, { ...n, precision: 0 });
  eachMatchAt(ORDINAL_RE, text, starts.ordinals, (m) => {
    if (isAdverbialFirst(text, m.index, m[1])) return;
    add(found, {
      value: ORDINALS[m[1].toLowerCase()],
      precision: 0,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  });
  if (digits)
    for (const t of clockTimes(text))
      for (const q of out) if (q.start >= t.start && q.end <= t.end) q.clock = t;
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "First" as an adverb of order: a step before another ("lock your card in the app first, then
 * ring…", "First, call us", "at first", "first of all"), not the figure 1. A rank stays a
 * figure: "the first payment", "first and second", "was released first" (HaluEval's "which came
 * first" answers, right or wrong by that rank).
 */
function isAdverbialFirst(text: string, start: number, word: string): boolean {
  if (word.toLowerCase() !== 'first') return false;
  const after = text.slice(start + word.length, start + word.length + 16);
  const before = text.slice(Math.max(0, start - 4), start);
  if (/^\s*,?\s*(?:and\s+)?then\b|^\s+of\s+all\b/i.test(after) || /\bat\s+$/i.test(before))
    return true;
  return /^\s*,/.test(after) && /(?:^|[.!?:;]\s*)$/.test(text.slice(Math.max(0, start - 3), start));
}

/** Whether the text has an ASCII digit (what `\d` matches, with or without the u flag). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether an output quantity is supported by a context quantity: equal, or equal after rounding to the output's precision. */
export function quantityMatches(out: Quantity, ctx: Quantity): boolean {
  if (out.date && ctx.date)
    return dateKeys(out).some((o) =>
      dateKeys(ctx).some((c) => o === c || (o.startsWith('*-') && c.endsWith(o.slice(1)))),
    );
  // A day of a month may be written without its month ("15 hingga 30 Nobyembre"), a share
  // never is one: "30%" is not the 30th (tl-shop-sale on support-answers-dev2).
  if (out.date || ctx.date) return out.value === ctx.value && !out.percent && !ctx.percent;
  // Two times of day are compared as times: "2 pm" is "14:00", "3 pm" is not.
  if (out.clock && ctx.clock) return sameClockTime(out.clock.minutes, ctx.clock.minutes);
  if (out.value === ctx.value || sameDuration(out.duration, ctx.duration)) return true;
  const a = Math.abs(out.value);
  const b = Math.abs(ctx.value);
  if (a === 0 || b === 0 || Math.sign(out.value) !== Math.sign(ctx.value)) return false;
  // Rounded mention: "1.5 million" for 1,523,400, "21%" for 21.4%. Only numbers that look
  // rounded (a scale word, or two trailing zeros) get a tolerance: 2020 must not match 2021.
  if (
    Number.isInteger(out.value) &&
    !Number.isInteger(ctx.value) &&
    Math.round(ctx.value) === out.value
  )
    return true;
  const looksRounded = out.precision >= 3 || (Number.isInteger(a) && a >= 100 && a % 100 === 0);
  if (!looksRounded) return false;
  const magnitude = 10 ** (Math.floor(Math.log10(a)) - significantDigits(a) + 1);
  // Half-up rounding: 1,499 is "1,000", 1,500 is not.
  return Math.abs(a - b) < magnitude / 2 - 1e-9 * a;
}

/** The date keys a dated quantity can stand for: both readings of "5/6/2027". */
function dateKeys(q: Quantity): string[] {
  if (!q.date) return [];
  return q.altDate ? [q.date, q.altDate] : [q.date];
}

/** Whether two dated quantities can be the same date, by any of their readings. */
export function sameDate(a: Quantity, b: Quantity): boolean {
  const keys = dateKeys(b);
  return dateKeys(a).some((k) => keys.includes(k));
}

function significantDigits(x: number): number {
  const s = String(x).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, s.length);
}
