import { quantityMatches } from '../text/numbers.util';
import { holdsFact, type Claim, type Fact, type HeldFacts } from './short-claims.util';

/**
 * Whether the context puts `fact` with a different value of `other`'s kind in every sentence
 * holding it, and never with `other` itself: "$35" where it says "The Global Pass costs $35 and
 * gives 5 GB", for an answer's "$35 for 10 GB".
 */
function pairedOtherwise(fact: Fact, other: Fact, sentences: readonly HeldFacts[]): boolean {
  const holding = sentences.filter((s) => holdsFact(s, fact));
  if (!holding.length) return false;
  return holding.every(
    (s) =>
      !holdsFact(s, other) &&
      s.facts.some((f) => f.kind === other.kind && !quantityMatches(other.q, f.q)),
  );
}

/**
 * The facts of one claim that the context binds to other values, both ways round: two facts of
 * the claim ("$35 for 10 GB", "24GB … 7 araw") each sit in context sentences that give the
 * other's kind another value ($35 with 5 GB, 10 GB with $18) and never hold both. A figure
 * taken from another item's sentence, which the within-sentence swap check cannot see: the
 * other item's sentence holds all its words too. Facts of no kind (a bare "99") are not paired.
 */
export function crossedFacts(claim: Claim, sentences: readonly HeldFacts[]): Fact[] {
  const out = new Set<Fact>();
  const facts = claim.facts.filter((f) => f.kind !== null);
  for (let i = 0; i < facts.length; i++)
    for (let j = i + 1; j < facts.length; j++) {
      const [a, b] = [facts[i], facts[j]];
      if (a.kind === b.kind) continue;
      if (pairedOtherwise(a, b, sentences) && pairedOtherwise(b, a, sentences)) {
        out.add(a);
        out.add(b);
      }
    }
  return [...out];
}
