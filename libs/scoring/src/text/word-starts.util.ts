import { IDIOM_LAST_WORDS } from './durations.util';
import { LOCAL_NUMBER_FORMS, LOCAL_ORDINAL_FORMS } from './number-words.util';

// Where the word-led figures of extractQuantities (numbers.util.ts) can start: its month, number
// word and ordinal patterns, and the Malay and Tagalog number words, ordinals and idioms of a
// duration, are tried only there. Finding them all costs one pass over the text.

// The words of extractQuantities' own patterns: its regexes and the pass below share them.
export const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januari|februari|mac|mei|julai|ogos|oktober|disember|enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
export const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion';
export const ORDINAL = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth';

const LOCAL_NUMBER_WORDS = new Set(LOCAL_NUMBER_FORMS.map((w) => w.toLowerCase()));
const LOCAL_ORDINAL_WORDS = new Set(LOCAL_ORDINAL_FORMS.map((w) => w.toLowerCase()));
const IDIOM_WORDS = new Set(IDIOM_LAST_WORDS);
/**
 * Those starts in one pass: group 1 → MONTH_DAY_RE, 2 → WORD_NUMBER_RE, 3 → ORDINAL_RE (of
 * numbers.util.ts); the
 * last alternative, ungrouped, the Malay and Tagalog forms and the last words of the idioms of
 * durations.util.ts (see wordStarts). Every alternative is one whole word, so a match never
 * hides the start of another.
 */
const OTHER_WORDS = [...new Set([...LOCAL_NUMBER_WORDS, ...LOCAL_ORDINAL_WORDS, ...IDIOM_WORDS])];
const WORD_STARTS_RE = new RegExp(
  `\\b(?:(${MONTH}|${DAY})|(zero|${NUMBER_WORD})|(${ORDINAL})|${OTHER_WORDS.sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);

/** Where each word-led pattern of extractQuantities can start. */
export interface WordStarts {
  /** MONTH_DAY_RE */
  dates: number[];
  /** WORD_NUMBER_RE */
  numbers: number[];
  /** ORDINAL_RE */
  ordinals: number[];
  /** Malay and Tagalog number words (extractLocalNumberWords). */
  localNumbers: number[];
  /** Malay and Tagalog ordinals (extractLocalOrdinals). */
  localOrdinals: number[];
  /** Whether a last word of an idiom is there (idiomDurations has none to find without). */
  idioms: boolean;
}

/**
 * All those starts in one pass over the text (a pass of its own for each kind of Malay and
 * Tagalog word and for each idiom cost more than this pass). The first three are as
 * WORD_STARTS_RE's first three groups say, in that order; every whole word that is a Malay or
 * Tagalog form (in any case: the extractors decide) is a start of its kind, whichever group
 * matched it.
 */
export function wordStarts(text: string): WordStarts {
  const starts: WordStarts = {
    dates: [],
    numbers: [],
    ordinals: [],
    localNumbers: [],
    localOrdinals: [],
    idioms: false,
  };
  WORD_STARTS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_STARTS_RE.exec(text))) {
    if (m[1] !== undefined) starts.dates.push(m.index);
    else if (m[2] !== undefined) starts.numbers.push(m.index);
    else if (m[3] !== undefined) starts.ordinals.push(m.index);
    if (/^\d/.test(m[0])) continue;
    const word = m[0].toLowerCase();
    if (LOCAL_NUMBER_WORDS.has(word)) starts.localNumbers.push(m.index);
    if (LOCAL_ORDINAL_WORDS.has(word)) starts.localOrdinals.push(m.index);
    if (IDIOM_WORDS.has(word)) starts.idioms = true;
  }
  return starts;
}
