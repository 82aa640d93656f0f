import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { isShortAnswer } from '../engine/shortness';
import { quantityMatches } from '../text/numbers.util';
import {
  claimsOf,
  holding,
  holdsFact,
  sentenceFacts,
  unitsAgree,
  type ClaimCut,
} from './short-claims.util';

/** A fact of a short answer the context has, but not where the answer puts it. */
export interface UnboundFact {
  text: string;
  start: number;
  end: number;
  why: 'displaced' | 'unit';
}

// Fine claims: "9 am Monday to Saturday and 10 am on Sunday" binds each time to its own days.
const FINE: ClaimCut = {
  breaks: /[,;:.!?()]/,
  joiners: new Set(['and', 'but', 'while', 'whereas', 'dan', 'tetapi', 'manakala', 'pero']),
};
// How much better another sentence must hold a claim than every sentence with its fact.
const DISPLACED_MARGIN = 2;

/**
 * Facts of a short answer (numbers, amounts, dates, day names) that the context has, but bound
 * to another item: every context sentence with the fact holds fewer of the claim's other facts
 * and words than some sentence without it ("$35 for 10 GB over 7 days" where $35 is the other
 * plan's price), or the fact's unit differs from the context's ("15 GB" where it says "15 days").
 * Facts the context does not have at all are the numbers signal's. Empty for long outputs.
 */
export function unboundFacts(analysis: Analysis, index: ContextIndex): UnboundFact[] {
  if (!isShortAnswer(analysis)) return [];
  const sentences = sentenceFacts(index);
  const out: UnboundFact[] = [];
  for (const claim of claimsOf(analysis, FINE))
    for (const fact of claim.facts) {
      const withFact = sentences.filter((s) => holdsFact(s, fact));
      if (!withFact.length) continue;
      const { q } = fact;
      const units = withFact.flatMap((s) =>
        s.facts.filter((c) => quantityMatches(q, c.q)).map((c) => c.units),
      );
      if (fact.units.length && units.every((u) => u.length && !unitsAgree(fact.units, u))) {
        out.push({ text: q.text, start: q.start, end: q.end, why: 'unit' });
        continue;
      }
      const best = Math.max(...withFact.map((s) => holding(s, claim, fact)));
      const others = sentences.filter((s) => !withFact.includes(s));
      const elsewhere = Math.max(0, ...others.map((s) => holding(s, claim, fact)));
      if (elsewhere - best >= DISPLACED_MARGIN)
        out.push({ text: q.text, start: q.start, end: q.end, why: 'displaced' });
    }
  return out;
}
