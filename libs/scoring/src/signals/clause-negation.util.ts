import { paraphrasedIn } from '../lexicon/lexicon';
import { isContent } from '../text/stopwords.util';
import { stem, type Token } from '../text/tokens.util';
import { negatesAsPrefix } from '../text/negators.util';
import { saysNot, type HeldFacts, type WordsOf } from './short-claims.util';

export { wordsOf, type WordsOf } from './short-claims.util';

// Whether a stretch of text (a context clause, an answer's claim) says "not" about what another
// stretch says: shared by the claim polarity (claim-polarity.util.ts), the figureless fact-role
// cue (figureless-claims.util.ts) and the contradiction signal's negation cue of short answers.

/** A context clause: its facts and words, and its tokens for the reach of its negators. */
export interface ContextClause extends HeldFacts {
  tokens: readonly Token[];
}

// "Without an appointment" negates the appointment, not what the clause says ("can be requested
// online without an appointment and are ready in 2 working days"): it negates the other stretch
// only when that stretch has one of the next content words. An answer that leaves the
// appointment out ("request the repeat online; ready in 2 working days") contradicts nothing.
const SCOPED_NEGATORS = new Set(['without', 'tanpa']);
const SCOPE_WORDS = 3;
// A coordinator ends the scope: "without an appointment and are ready for collection" negates
// the appointment, not the collection.
const SCOPE_ENDS = new Set(['and', 'but', 'then', 'dan', 'tetapi', 'lalu', 'pero']);

/** The content words a scoped negator at `i` negates ("without an appointment" → appointment). */
function scopeOf(tokens: readonly Token[], i: number, reach = SCOPE_WORDS): Token[] {
  const out: Token[] = [];
  for (let k = i + 1; k < tokens.length && out.length < reach; k++) {
    const t = tokens[k];
    if (SCOPE_ENDS.has(t.norm)) break;
    if (isContent(t.norm)) out.push(t);
  }
  return out;
}

// "-able"/"-ible" says what can be done to its verb's object: "non-refundable" negates what
// "isn't refunded" says, though their stems ("refunda", "refund") differ.
const ABLE = /(?:able|ible)$/;
const MIN_VERB = 4;

function has(words: WordsOf, t: Token): boolean {
  if (words.stems.has(t.stem) || paraphrasedIn(t.norm, words.lemmas)) return true;
  const verb = t.norm.replace(ABLE, '');
  return verb !== t.norm && verb.length >= MIN_VERB && words.stems.has(stem(verb));
}

/**
 * Whether `tokens` say "not" about what `other` says: a negator (by default `saysNot`: "not",
 * "tidak", "walang", also "free") anywhere, a scoped one ("without", "tanpa") whose next words
 * `other` has, as written or paraphrased, or a negating prefix ("non-refundable") whose word it
 * has: "the non-metropolitan district of Burnley" says nothing negative about Burnley.
 */
export function negatedAbout(
  tokens: readonly Token[],
  other: WordsOf,
  isNegator: (norm: string) => boolean = saysNot,
): boolean {
  let scoped = false;
  let plain = false;
  tokens.forEach((t, i) => {
    if (!isNegator(t.norm)) return;
    const reach = negatesAsPrefix(t.norm) ? 1 : SCOPED_NEGATORS.has(t.norm) ? SCOPE_WORDS : 0;
    if (!reach) plain = true;
    else if (scopeOf(tokens, i, reach).some((n) => has(other, n))) scoped = true;
  });
  // Two negations about the same words cancel: "applications without a certified copy are not
  // processed" requires the copy, as "plus a certified copy" says (support-answers-dev3).
  if (scoped && plain) return false;
  return scoped || plain;
}
