import { negatesAsPrefix } from '../text/negators.util';
import type { Token } from '../text/tokens.util';
import type { ContextClause } from './clause-negation.util';
import type { Claim } from './short-claims.util';

// A negation bound to one word, as a prefix: "a non-refundable fee" says the fee is not
// refunded, and an answer saying "the fee is refundable" states the opposite word for word
// (support-answers-dev3, approved at 1.00 before). The tokenizer cuts "non-refundable" at its
// hyphen, so the prefix is the token right before the word.

function prefixNegatedAt(tokens: readonly Token[], i: number): boolean {
  return i > 0 && negatesAsPrefix(tokens[i - 1].norm);
}

/**
 * Whether a claim says a word plainly where a context clause holding its fact says it with a
 * negating prefix ("refundable" against "non-refundable"), or the reverse. A claim negated
 * otherwise ("isn't refunded") agrees with the prefix, and a clause negated otherwise agrees
 * with a prefixed claim: neither is counted.
 */
export function prefixNegationFlipped(
  claim: Claim,
  answerTokens: readonly Token[],
  clause: ContextClause,
): boolean {
  for (const w of claim.words) {
    const i = answerTokens.findIndex((t) => t.start === w.start);
    const mine = prefixNegatedAt(answerTokens, i);
    const theirs = clause.tokens.flatMap((c, j) =>
      c.stem === w.stem ? [prefixNegatedAt(clause.tokens, j)] : [],
    );
    if (!theirs.length || theirs.includes(mine)) continue;
    if (mine ? !clause.negated : !claim.negated) return true;
  }
  return false;
}
