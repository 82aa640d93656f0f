// Lengths of time in comparable units: "one week" is "7 araw", "isang oras" is "60 minuto"
// (tl-telco-promo, tl-airline-checkin), so a reply that changes the unit but not the time is
// not taken for one that changes the figure.

/** A length of time: minutes for minutes to weeks; months for months and years (a month has no fixed length in days). */
export interface Duration {
  per: 'minute' | 'month';
  amount: number;
  /** Where the unit word ends: the figure and its unit make one fact. */
  end: number;
  /** The unit word may be another noun too (Tagalog "taong" is also "tao" + -ng, person). */
  alsoNoun?: boolean;
}

const MINUTE = 1;
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Unit words of English, Malay and Tagalog, with their length. */
const UNITS: Record<string, { per: Duration['per']; size: number }> = {};
function units(per: Duration['per'], size: number, words: string): void {
  for (const w of words.split(' ')) UNITS[w] = { per, size };
}
units('minute', MINUTE, 'minute minutes min mins minit minuto');
units('minute', HOUR, 'hour hours hr hrs jam oras');
units('minute', DAY, 'day days hari araw');
units('minute', WEEK, 'week weeks minggu linggo');
units('minute', 2 * WEEK, 'fortnight fortnights');
units('month', 1, 'month months bulan buwan');
units('month', 12, 'year years yr yrs tahun taon');
// Tagalog links a unit to the word after it by -ng after a vowel or n ("dalawang taong
// lock-in" two-year lock-in, "isang linggong bakasyon", "anim na buwang palugit"): the unit
// stays a unit (tl-internet-installation on support-answers-dev3: "dalawang taong lock-in" for
// a "24-month lock-in"). "taong" is also "tao" (person) + -ng ("isang taong tumawag", someone
// called), so a lone "isang taong" is not taken for the figure 1 (countsOneOf).
units('minute', MINUTE, 'minutong');
units('minute', WEEK, 'linggong');
units('month', 1, 'buwang');
units('month', 12, 'taong');
const ALSO_NOUNS = new Set(['taong']);

// "5 hari bekerja", "10 araw ng trabaho", "7 working days": working days are no calendar time
// (7 working days is not a week), so those get no conversion.
const WORKING_AFTER_RE = /^\s+(?:bekerja|kerja|ng\s+trabaho|working|business)\b/i;
const UNIT_RE = /^[\s-]*(\p{L}+)/u;

/** The duration a number starts when a time unit follows it ("7 araw", "24-hour", "one week"). */
export function durationAfter(text: string, end: number, value: number): Duration | undefined {
  const m = UNIT_RE.exec(text.slice(end, end + 30));
  if (!m) return undefined;
  const u = UNITS[m[1].toLowerCase()];
  const unitEnd = end + m[0].length;
  if (!u || WORKING_AFTER_RE.test(text.slice(unitEnd, unitEnd + 20))) return undefined;
  const duration: Duration = { per: u.per, amount: value * u.size, end: unitEnd };
  return ALSO_NOUNS.has(m[1].toLowerCase()) ? { ...duration, alsoNoun: true } : duration;
}

/**
 * Whether "one" (or "isang", "satu") before this unit is the figure 1 of a length of time
 * ("one week", "isang oras"), not a pronoun ("one of them"). A day is left out: "one day" is
 * mostly "some day" in English (BEGIN's chat), "isang araw" too in Tagalog.
 */
export function countsOneOf(duration: Duration | undefined): boolean {
  return (
    duration !== undefined &&
    !duration.alsoNoun &&
    !(duration.per === 'minute' && duration.amount === DAY)
  );
}

// Malay "se-" + a unit is "one" of it ("sejam" an hour, "seminggu" a week), unless it follows a
// figure: "RM1,500 sehari", "dua kali seminggu" are rates (per day, a week).
const MALAY_ONE_RE = /(?<![\p{L}\p{N}])se(jam|minggu|bulan|tahun|minit)(?![\p{L}\p{N}])/gu;
const RATE_BEFORE_RE = /(?:\d\S*|\bkali|\bx)\s+$/iu;
// "Sehari" (a day) is mostly a rate too ("RM1,500 sehari", "20 sen sehari" per day): it is one
// day only as the length a "within"/"for" word asks for ("dalam tempoh sehari" within a day,
// ms-water-reconnection on support-answers-dev3, for "dalam masa 24 jam").
const ONE_DAY_RE = /(?<=\b(?:dalam|tempoh|masa|selama)\s+)sehari(?![\p{L}\p{N}-])/giu;

// What every match of those two has (in the same case folding as ONE_DAY_RE, the wider): one
// cheap pass skips both on a text without it, as most English texts are.
const MALAY_ONE_GATE_RE = /se(?:jam|minggu|bulan|tahun|minit|hari)/iu;

/** Malay "one hour", "one week"… written as one word ("sejam", "seminggu"), with their spans. */
export function malayOneUnits(
  text: string,
): { start: number; end: number; text: string; duration: Duration }[] {
  const out: { start: number; end: number; text: string; duration: Duration }[] = [];
  if (!MALAY_ONE_GATE_RE.test(text)) return out;
  MALAY_ONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MALAY_ONE_RE.exec(text))) {
    if (RATE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const u = UNITS[m[1]];
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, text: m[0], duration: { per: u.per, amount: u.size, end } });
  }
  ONE_DAY_RE.lastIndex = 0;
  while ((m = ONE_DAY_RE.exec(text))) {
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, text: m[0], duration: { per: 'minute', amount: DAY, end } });
  }
  return out;
}

/** Whether two durations are the same length of time. */
export function sameDuration(a: Duration | undefined, b: Duration | undefined): boolean {
  return a !== undefined && b !== undefined && a.per === b.per && a.amount === b.amount;
}

/** A length of time stated without a figure, with the figure it stands for. */
export interface IdiomDuration {
  start: number;
  end: number;
  text: string;
  value: number;
  duration: Duration;
}

// Idioms that state a length of time without a figure, as the figure a source would write:
// "around the clock" is 24 hours (en-bank-card-lost: "open around the clock" for a "24-hour
// hotline"), half an hour (Malay "setengah jam", Tagalog "kalahating oras") is 30 minutes, a
// fortnight 14 days. Checked like figures, so a line open 9 to 5 is not approved as 24-hour.
const IDIOMS: [RegExp, number, number][] = [
  [/\ba?round[-\s]the[-\s]clock\b/gi, 24, DAY],
  [/\b(?:half\s+an\s+hour|setengah\s+jam|kalahating\s+oras)\b/gi, 30, 30 * MINUTE],
  [/\ba\s+fortnight\b/gi, 14, 2 * WEEK],
];
/**
 * Every idiom ends with one of these, a whole word in any case: a text without one has no idiom
 * (extractQuantities looks for them in the pass it makes for number words anyway). Keep it in
 * step with IDIOMS.
 */
export const IDIOM_LAST_WORDS: readonly string[] = ['clock', 'hour', 'jam', 'oras', 'fortnight'];

/** The idioms of a text that state a length of time ("around the clock", "setengah jam"). */
export function idiomDurations(text: string): IdiomDuration[] {
  const out: IdiomDuration[] = [];
  for (const [re, value, minutes] of IDIOMS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      const duration: Duration = { per: 'minute', amount: minutes, end };
      out.push({ start: m.index, end, text: m[0], value, duration });
    }
  }
  return out;
}
