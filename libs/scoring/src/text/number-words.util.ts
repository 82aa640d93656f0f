import { eachMatchAt } from './match-at.util';

// Numbers spelled out in Malay and Tagalog ("lima hari bekerja", "tatlumpung araw", "dua
// puluh lima"), read like the English number words of numbers.util.ts: a support answer
// paraphrases "5 business days" as "lima hari bekerja" (ms-shop-refund) or "30 araw" as
// "tatlumpung araw" (tl-shop-return), and the figure must be checked, not lost.

/** How a number word combines with the words before it. */
type Part =
  | { kind: 'unit'; value: number }
  /** Malay "puluh": ten times the unit before it ("dua puluh" = 20). */
  | { kind: 'tens' }
  /** Malay "belas": ten plus the unit before it ("dua belas" = 12). */
  | { kind: 'teen' }
  /** Tagalog "labing"/"labin" ("labing-isa" = 11): ten plus the unit after it. */
  | { kind: 'teenBefore' }
  /** "ratus", "daan": a hundred times what comes before (1 when nothing does). */
  | { kind: 'hundred'; times: number }
  /** "ribu", "libo", "juta": closes a group of thousands or millions. */
  | { kind: 'scale'; value: number; times: number };

const unit = (value: number): Part => ({ kind: 'unit', value });

// Malay (and the Indonesian spellings a Malay reply also uses: "delapan"). "se-" is "one":
// "sepuluh" 10, "seratus" 100, "seribu" 1,000.
const MALAY: Record<string, Part> = {
  satu: unit(1),
  dua: unit(2),
  tiga: unit(3),
  empat: unit(4),
  lima: unit(5),
  enam: unit(6),
  tujuh: unit(7),
  lapan: unit(8),
  delapan: unit(8),
  sembilan: unit(9),
  sepuluh: unit(10),
  sebelas: unit(11),
  puluh: { kind: 'tens' },
  belas: { kind: 'teen' },
  ratus: { kind: 'hundred', times: 0 },
  seratus: { kind: 'hundred', times: 1 },
  ribu: { kind: 'scale', value: 1e3, times: 0 },
  seribu: { kind: 'scale', value: 1e3, times: 1 },
  juta: { kind: 'scale', value: 1e6, times: 0 },
  sejuta: { kind: 'scale', value: 1e6, times: 1 },
};

// Tagalog: units, teens ("labing-isa", "labindalawa"), tens written as one word ("tatlumpu"),
// "daan" (hundred), "libo" (thousand). Their linked forms are derived in partOf.
const TAGALOG: Record<string, Part> = {
  isa: unit(1),
  dalawa: unit(2),
  tatlo: unit(3),
  apat: unit(4),
  lima: unit(5),
  anim: unit(6),
  pito: unit(7),
  walo: unit(8),
  siyam: unit(9),
  sampu: unit(10),
  labing: { kind: 'teenBefore' },
  labin: { kind: 'teenBefore' },
  labindalawa: unit(12),
  labintatlo: unit(13),
  labinlima: unit(15),
  labimpito: unit(17),
  labingwalo: unit(18),
  labinsiyam: unit(19),
  dalawampu: unit(20),
  tatlumpu: unit(30),
  apatnapu: unit(40),
  limampu: unit(50),
  animnapu: unit(60),
  pitumpu: unit(70),
  walumpu: unit(80),
  siyamnapu: unit(90),
  daan: { kind: 'hundred', times: 0 },
  raan: { kind: 'hundred', times: 0 },
  sandaan: { kind: 'hundred', times: 1 },
  libo: { kind: 'scale', value: 1e3, times: 0 },
  sanlibo: { kind: 'scale', value: 1e3, times: 1 },
  milyon: { kind: 'scale', value: 1e6, times: 0 },
  // Spanish-derived numbers, as common in Tagalog speech as the native ones for prices, ages,
  // percents and clock times ("bente porsyento" 20 percent, "bente singko" 25, "trenta'y
  // singko" 35): tl-transport-senior-discount on support-answers-dev3 said 20% as "Bente
  // porsyento". Left out: "uno", "dos", "tres", "sais" and "dose", English or Spanish words
  // of their own ("the dos and don'ts", "a dose").
  bente: unit(20),
  beinte: unit(20),
  trenta: unit(30),
  treinta: unit(30),
  kuwarenta: unit(40),
  kwarenta: unit(40),
  singkuwenta: unit(50),
  singkwenta: unit(50),
  sisenta: unit(60),
  setenta: unit(70),
  otsenta: unit(80),
  nobenta: unit(90),
  kuwatro: unit(4),
  kwatro: unit(4),
  singko: unit(5),
  siyete: unit(7),
  otso: unit(8),
  nuwebe: unit(9),
  diyes: unit(10),
  onse: unit(11),
  trese: unit(13),
  katorse: unit(14),
  kinse: unit(15),
};
// Those Spanish-derived words are no names, so they count capitalised too ("Bente porsyento po
// ang bawas", a sentence's first word), unlike "Lima" and "Isa".
const SPANISH_DERIVED = Object.keys(TAGALOG).slice(Object.keys(TAGALOG).indexOf('bente'));

const WORDS: Record<string, Part> = { ...MALAY, ...TAGALOG };

/**
 * The part a lower-case word plays, with the Tagalog linker taken off: "-ng" after a vowel
 * ("tatlumpung araw", "limang piso", "isang oras"), "-g" after n ("daang piso"), and "'t"
 * ("at", and: "dalawampu't lima" = 25).
 */
function partOf(word: string): Part | undefined {
  const w = word.replace(/['’][ty]$/, '').toLowerCase();
  const direct = WORDS[w];
  if (direct) return direct;
  if (!w.endsWith('ng')) return undefined;
  const vowelLinked = /[aeiou]$/.test(w.slice(0, -2)) ? TAGALOG[w.slice(0, -2)] : undefined;
  return vowelLinked ?? TAGALOG[w.slice(0, -1)];
}

/** The value of a run of Malay or Tagalog number words, or null when the run is no number ("ribu" alone). */
export function parseLocalNumberWords(words: readonly string[]): number | null {
  let total = 0;
  let group = 0;
  let last = 0;
  let teen = false;
  let units = 0;
  for (const word of words) {
    const part = partOf(word);
    if (!part) return null;
    if (part.kind === 'unit') {
      group += last;
      last = part.value + (teen ? 10 : 0);
      teen = false;
      units++;
    } else if (part.kind === 'tens' || part.kind === 'teen') {
      if (!last) return null;
      group += part.kind === 'tens' ? last * 10 : last + 10;
      last = 0;
    } else if (part.kind === 'teenBefore') {
      group += last;
      last = 0;
      teen = true;
    } else if (part.kind === 'hundred') {
      const times = part.times || group + last;
      if (!times) return null;
      group = times * 100;
      last = 0;
      units++;
    } else {
      const times = part.times || group + last;
      if (!times) return null;
      total += times * part.value;
      group = 0;
      last = 0;
      units++;
    }
  }
  return units && !teen ? total + group + last : null;
}

// Every form the extractor looks for, linked forms included; lower case only: "Lima" (Peru's
// capital) and "Isa" (a name) are capitalised, the numbers are not.
const FORMS = [
  ...Object.keys(WORDS),
  ...SPANISH_DERIVED.map((w) => w[0].toUpperCase() + w.slice(1)),
]
  .flatMap((w) => [w, /[aeiou]$/.test(w) ? `${w}ng` : /n$/.test(w) ? `${w}g` : w])
  .sort((a, b) => b.length - a.length);
// ASCII word boundaries without the u flag: a third faster on long contexts, and the forms are
// ASCII (a form inside a word with accented letters, "éduaé", is not worth the cost).
const LOCAL_WORD_RE = new RegExp(`\\b(?:${[...new Set(FORMS)].join('|')})(?:['’][ty])?\\b`, 'g');
// The same, tried only at given starts (see eachMatchAt).
const LOCAL_WORD_AT_RE = new RegExp(LOCAL_WORD_RE.source, 'y');

/**
 * The forms of the number words, for a caller that finds where they start in a pass of its own
 * over the text (extractQuantities): one alternation of every kind of number word costs less
 * than one pass of each kind.
 */
export const LOCAL_NUMBER_FORMS: readonly string[] = [...new Set(FORMS)];

/** A run of Malay or Tagalog number words in a text, with its value. */
export interface LocalNumber {
  value: number;
  start: number;
  end: number;
  text: string;
}

/**
 * The runs of Malay or Tagalog number words of a text ("dua puluh lima", "labing-isa").
 * `starts`: every place a form of LOCAL_NUMBER_FORMS starts (more do no harm), when the caller
 * has found them; without, the text is searched.
 */
export function extractLocalNumberWords(text: string, starts?: readonly number[]): LocalNumber[] {
  const runs: { start: number; end: number; words: string[] }[] = [];
  for (const m of matchesOf(text, LOCAL_WORD_RE, LOCAL_WORD_AT_RE, starts)) {
    const prev = runs[runs.length - 1];
    // Words of one number are parted by spaces, or by a hyphen after Tagalog "labing"
    // ("labing-isa"); "dua-dua" is a reduplication, not 2 + 2.
    const gap = text.slice(prev?.end ?? 0, m.index);
    const joined = /^\s+$/.test(gap) || (gap === '-' && /^labin/.test(prev?.words.at(-1) ?? ''));
    if (prev && joined) {
      prev.words.push(m[0]);
      prev.end = m.index + m[0].length;
    } else runs.push({ start: m.index, end: m.index + m[0].length, words: [m[0]] });
  }
  const out: LocalNumber[] = [];
  for (const run of runs) {
    // A half of a reduplication is no figure: "kedua-dua" (both), "satu-satu" (one by one).
    const around =
      text.slice(Math.max(0, run.start - 2), run.start) + '|' + text.slice(run.end, run.end + 2);
    if (/\p{L}-\||\|-\p{L}/u.test(around)) continue;
    const value = parseLocalNumberWords(run.words);
    if (value !== null)
      out.push({ value, start: run.start, end: run.end, text: text.slice(run.start, run.end) });
  }
  return out;
}

// Ordinals: Malay "pertama", "ke-" + a number word ("kedua", "ketiga"); Tagalog "una",
// "ika-" + a number word ("ikalawa", "ikatlo"), with the linker ("unang", "ikatlong"). They
// rank fees and steps as English "first", "second" do ("kali ketiga RM300", ms-gov-ic).
const ORDINALS: Record<string, number> = {
  pertama: 1,
  una: 1,
  ikalawa: 2,
  ikatlo: 3,
};
for (const [word, part] of Object.entries(MALAY))
  if (part.kind === 'unit' && part.value > 1 && part.value <= 10 && !word.startsWith('se'))
    ORDINALS[`ke${word}`] = part.value;
ORDINALS.kesepuluh = 10;
for (const [word, part] of Object.entries(TAGALOG))
  if (part.kind === 'unit' && part.value > 3 && part.value <= 10)
    ORDINALS[`ika${word}`] = part.value;

const ORDINAL_FORMS = Object.keys(ORDINALS)
  .flatMap((w) => (/[aeiou]$/.test(w) ? [w, `${w}ng`] : [w]))
  .sort((a, b) => b.length - a.length);
const LOCAL_ORDINAL_RE = new RegExp(`\\b(${ORDINAL_FORMS.join('|')})\\b`, 'gi');
const LOCAL_ORDINAL_AT_RE = new RegExp(LOCAL_ORDINAL_RE.source, 'iy');
/** The forms of the ordinals, lower case, for a caller that finds where they start (see LOCAL_NUMBER_FORMS). */
export const LOCAL_ORDINAL_FORMS: readonly string[] = ORDINAL_FORMS;
// "kedua-dua" is "both"; "una sa lahat" is "first of all", an order of steps.
const NOT_A_RANK_AFTER_RE = /^(?:-|\s+sa\s+lahat\b)/i;

/**
 * The Malay and Tagalog ordinals of a text ("kali ketiga", "ikalawang palapag"), with their rank.
 * `starts`: every place a form of LOCAL_ORDINAL_FORMS starts, when the caller has found them.
 */
export function extractLocalOrdinals(text: string, starts?: readonly number[]): LocalNumber[] {
  const out: LocalNumber[] = [];
  for (const m of matchesOf(text, LOCAL_ORDINAL_RE, LOCAL_ORDINAL_AT_RE, starts)) {
    const end = m.index + m[0].length;
    if (NOT_A_RANK_AFTER_RE.test(text.slice(end, end + 12))) continue;
    const word = m[1].toLowerCase();
    const value = ORDINALS[word] ?? ORDINALS[word.slice(0, -2)];
    if (value !== undefined) out.push({ value, start: m.index, end, text: m[0] });
  }
  return out;
}

/** The matches of `global` in the text, or of its sticky twin `at` tried at `starts` only. */
function matchesOf(
  text: string,
  global: RegExp,
  at: RegExp,
  starts: readonly number[] | undefined,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (starts) eachMatchAt(at, text, starts, (m) => out.push(m));
  else {
    global.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = global.exec(text))) out.push(m);
  }
  return out;
}
