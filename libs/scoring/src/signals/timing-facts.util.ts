import type { Quantity } from '../text/numbers.util';
import type { Token } from '../text/tokens.util';
import type { Claim, Fact, HeldFacts } from './short-claims.util';

// A timing stated without a figure: "immediately" is to "5 business days" what one figure is to
// another. support-answers-dev ms-shop-refund-w2 binds "serta-merta" (immediately) to refunds
// where the passage binds it to store credit and 5 working days to refunds; with the figure
// alone on one side the swap checks saw one fact and passed it at 0.86. English, Malay
// ("serta-merta", "segera", "hari yang sama") and Tagalog ("agad", "kaagad", "parehong araw").
const INSTANT =
  /(?<![\p{L}\p{N}])(?:immediately|immediate|instantly|instant|right away|at once|same[- ]day|serta-merta|segera|(?:pada )?hari yang sama|kaagad|agad|(?:sa )?parehong araw)(?![\p{L}\p{N}])/giu;

/**
 * The figureless timings of a text as facts of the fact-role checks only, all one value ("agad"
 * matches "immediately"). Their value is NaN and their date key `timing-instant`, so they never
 * match a figure (quantityMatches compares values across a dated and an undated quantity); the
 * numbers signal never sees them.
 */
export function instantTimings(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(INSTANT)) {
    const start = m.index ?? 0;
    out.push({
      value: Number.NaN,
      precision: 0,
      start,
      end: start + m[0].length,
      text: m[0],
      date: 'timing-instant',
    });
  }
  return out;
}

function asFact(q: Quantity): Fact {
  // "Immediately" is a length of time, zero: of one kind with "5 business days".
  return { q, units: [], end: q.end, kind: 'duration' };
}

/** A claim with the figureless timings inside it as facts, and their words no longer its words. */
export function withTimings(claim: Claim, timings: readonly Quantity[]): Claim {
  const own = timings.filter((q) => q.start >= claim.start && q.start < claim.end);
  if (!own.length) return claim;
  const inTiming = (t: Token): boolean => own.some((q) => t.start < q.end && t.end > q.start);
  return {
    ...claim,
    facts: [...claim.facts, ...own.map(asFact)],
    words: claim.words.filter((t) => !inTiming(t)),
  };
}

/** A stretch of context with its figureless timings among its facts. */
export function heldWithTimings<T extends HeldFacts>(held: T, text: string): T {
  const timings = instantTimings(text);
  return timings.length ? { ...held, facts: [...held.facts, ...timings.map(asFact)] } : held;
}
