// English reading grade: one of the tone measures, on its own because it counts syllables and
// function words rather than markers.

const EN_FUNCTION_WORDS = new Set(
  'the a an is are was were be been to of and or in on at for with your you we our it this that will can not have has'.split(
    ' ',
  ),
);

/**
 * Flesch–Kincaid grade level, or null when the text does not read as English. One pass over the
 * characters, no strings made: it runs on every output, and allocation is what costs in a worker
 * whose heap holds a 20 KB context.
 */
export function englishGrade(text: string): number | null {
  let words = 0;
  let functionWords = 0;
  let syllables = 0;
  let sentences = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      // ".", "!" or "?" followed by a space or the end closes a sentence.
      if ((c === 46 || c === 33 || c === 63) && (i + 1 >= n || text.charCodeAt(i + 1) <= 32))
        sentences++;
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    words++;
    syllables += syllablesIn(text, start, i);
    if (
      FUNCTION_WORD_LENGTHS.has(i - start) &&
      EN_FUNCTION_WORDS.has(text.slice(start, i).toLowerCase())
    )
      functionWords++;
    // A contraction's tail ("n't", "'s") is part of the word.
    if ((text[i] === "'" || text[i] === '’') && isAsciiLetter(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    }
  }
  if (words < 5 || functionWords / words < 0.15) return null;
  return 0.39 * (words / Math.max(1, sentences)) + 11.8 * (syllables / words) - 15.59;
}

const FUNCTION_WORD_LENGTHS = new Set([...EN_FUNCTION_WORDS].map((w) => w.length));

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isVowel(c: number): boolean {
  const l = c | 32;
  return l === 97 || l === 101 || l === 105 || l === 111 || l === 117 || l === 121;
}

/** Vowel groups of a word (a silent final "e", "es" or "ed" dropped), at least one. */
function syllablesIn(text: string, start: number, end: number): number {
  if (end - start <= 3) return 1;
  let stop = end;
  const last = text.charCodeAt(end - 1) | 32;
  const before = text.charCodeAt(end - 2) | 32;
  if (last === 101 && before !== 108 && !isVowel(before))
    stop = end - 1; // silent e (not "-le")
  else if ((last === 115 || last === 100) && before === 101) stop = end - 2; // -es, -ed
  let groups = 0;
  let run = 0;
  for (let k = start; k < stop; k++) {
    const v = isVowel(text.charCodeAt(k)) && !(k === start && (text.charCodeAt(k) | 32) === 121);
    if (v) {
      // Two vowels in a row count once, a third starts a new group (as the pattern [aeiouy]{1,2}).
      if (run === 0 || run === 2) groups++;
      run = run === 2 ? 1 : run + 1;
    } else run = 0;
  }
  return Math.max(1, groups);
}
