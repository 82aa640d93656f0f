import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import type { ContextIndex } from '../engine/context-index';
import { isShortAnswer } from '../engine/shortness';
import { tokenize } from '../text/tokens.util';
import { negatedAbout, wordsOf, type ContextClause } from './clause-negation.util';
import { claimsOf, heldFacts, holding, sentenceFacts, type ClaimCut } from './short-claims.util';

const CONTRASTS = new Set(['but', 'whereas', 'while', 'tetapi', 'manakala', 'pero', 'however']);

// An answer's claim may open with its topic before a comma ("For a cholesterol test, don't
// eat…"), so only stops, semicolons, colons and contrasts ("but") cut it; a passage lists its
// conditions after commas ("Wednesdays and Fridays, 2 pm to 5 pm, without an appointment"), so
// its clauses are cut at commas too.
//
// A coordinator after a comma starts a clause of its own, and a negator there does not reach
// back: "Perlu preskripsi doktor, dan preskripsi itu mestilah tidak melebihi 30 hari" negates
// the age of the prescription, not the need for one (support-answers-dev3, right, 0.42 before).
const ANSWER_CUT: ClaimCut = {
  breaks: /[;:.!?]/,
  joiners: CONTRASTS,
  joinersAfterComma: new Set(['and', 'dan', 'serta', 'at']),
};
const CONTEXT_CLAUSE = /[;:]|,(?!\d)|\s(?:but|whereas|while|tetapi|manakala|pero|however)\s/i;
// A claim is compared with a clause only when that clause holds two of its words, or a fact.
const MIN_HELD = 2;

const CONTEXT_CLAUSES = memoKey<Map<number, ContextClause[]>>('contextClauses');

/** The clauses of context sentence `i`, tokenised on first need (few sentences hold a claim). */
function clausesOf(index: ContextIndex, i: number): ContextClause[] {
  const cache = index.memo.get(CONTEXT_CLAUSES, () => new Map());
  let clauses = cache.get(i);
  if (!clauses) {
    clauses = index.sentences[i].text
      .split(CONTEXT_CLAUSE)
      .filter((c) => c.trim())
      .map((c) => {
        const tokens = tokenize(c);
        return { ...heldFacts(c, tokens), tokens };
      });
    cache.set(i, clauses);
  }
  return clauses;
}

/**
 * Claims of a short answer that say "not" (or "free") where the context clause holding them
 * best does not, or the reverse ("don't drink water" against "plain water is allowed", "May
 * bayad" against "Libre", "We deliver on Sundays" against "no deliveries on Sundays"). A claim is
 * compared only with a clear best (no tie with a clause of the other polarity). A clause's
 * "without" negates only its next words: "request the repeat online" leaves out the appointment
 * of "requested online without an appointment" and flips nothing. Empty for long outputs.
 */
export function claimNegationFlips(
  analysis: Analysis,
  index: ContextIndex,
): { start: number; end: number }[] {
  if (!isShortAnswer(analysis)) return [];
  const sentences = sentenceFacts(index);
  const out: { start: number; end: number }[] = [];
  for (const claim of claimsOf(analysis, ANSWER_CUT)) {
    const words = wordsOf(claim.words);
    let best = MIN_HELD - 1;
    let polarity: boolean | null = null;
    sentences.forEach((s, i) => {
      // A clause holds no more of the claim than its sentence: skip sentences that cannot win.
      if (holding(s, claim) < Math.max(best, MIN_HELD)) return;
      for (const c of clausesOf(index, i)) {
        const n = holding(c, claim);
        if (n < best) continue;
        const negated = c.negated && negatedAbout(c.tokens, words);
        if (n > best) [best, polarity] = [n, negated];
        else if (polarity !== negated) polarity = null; // a tie either way
      }
    });
    if (polarity !== null && polarity !== claim.negated)
      out.push({ start: claim.start, end: claim.end });
  }
  return out;
}
