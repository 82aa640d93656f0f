// Negators of the languages the gateway is used in (English, Malay/Indonesian, Tagalog, Thai).
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
  'hardly',
  'tidak',
  'tak',
  'tiada',
  'takde',
  'tanpa',
  'bukan',
  'belum',
  'hindi',
  'wala',
  'walang',
  'ไม่',
]);

// Words that carry a negation without a negator: a source saying "failed to get" supports a
// summary saying "did not get".
const NEGATIVE_WORDS = new Set([
  'fail',
  'fails',
  'failed',
  'unable',
  'lack',
  'lacks',
  'lacked',
  'refuse',
  'refuses',
  'refused',
  'gagal',
]);

// "Free" says "no charge": in a short answer "Walang bayad" (no fee) and "Libre" (free) agree.
const NO_COST = new Set(['free', 'percuma', 'libre', 'complimentary', 'waived']);

/** Whether a lower-cased token says "no charge" ("free", "percuma", "libre"). */
export function saysNoCost(norm: string): boolean {
  return NO_COST.has(norm);
}

// "Non" is no word of its own: the tokenizer cuts "non-refundable" at its hyphen, and the prefix
// says "not" of its word ("a non-refundable fee" = "the fee is not refunded"; support-answers-dev3).
// Short answers' negation checks read it; the pooled model's cues do not (as a negator of the
// whole sentence, "non-metropolitan", "non-associative" moved 9 begin-dev and halueval-qa-dev
// rows, 2 right ones below 0.85).
const PREFIX_NEGATORS = new Set(['non']);

/** Whether a lower-cased token is a negating prefix cut off at its hyphen ("non" of "non-refundable"). */
export function negatesAsPrefix(norm: string): boolean {
  return PREFIX_NEGATORS.has(norm);
}

/** Whether a lower-cased token negates ("not", "didn't", "tidak", "ไม่"). */
export function negates(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/** Whether a lower-cased token says "not" in some way: a negator or a word like "failed". */
export function expressesNegation(norm: string): boolean {
  return negates(norm) || NEGATIVE_WORDS.has(norm);
}
