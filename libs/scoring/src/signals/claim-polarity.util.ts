import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import type { ContextIndex } from '../engine/context-index';
import { isShortAnswer } from '../engine/shortness';
import { tokenize } from '../text/tokens.util';
import { negatedAbout, type ContextClause } from './clause-negation.util';
import { paraphrasedIn } from '../lexicon/lexicon';
import {
  claimsOf,
  cutClaims,
  heldFacts,
  holdsFact,
  holding,
  lazyWordsOf,
  saysNot,
  sentenceFacts,
  type Claim,
  type ClaimCut,
  type HeldFacts,
} from './short-claims.util';

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

const COMMA: ClaimCut = { breaks: /,/, joiners: new Set() };
const CONDITIONS = new Set(['if', 'unless', 'kung', 'kapag', 'pag', 'kalau', 'jika', 'apabila']);

/**
 * Whether a claim says "not" about what its best clauses hold of it: a "not" counts only in a
 * comma part of the claim with a word or fact one of them holds. "Walang bayad ang pagkabit …, at
 * puwede kayong mag-upgrade …" says nothing negative about "puwedeng mag-upgrade anumang oras",
 * nor "kung wala, ₱2,500 ang installation fee" (its "not" is the condition's) about "may
 * installation fee na ₱2,500". The answer's "For a cholesterol test, don't eat …" keeps its "not"
 * against "do not eat for 10 hours": the part holding "eat" says it. (On begin-dev one reply
 * changes, "he did not, and he was suspended …": see below.)
 */
function claimNegatedFor(analysis: Analysis, claim: Claim, clauses: readonly HeldFacts[]): boolean {
  if (!claim.negated) return false;
  const tokens = analysis.tokens.filter((t) => t.start >= claim.start && t.end <= claim.end);
  const parts = cutClaims(analysis.text, tokens, COMMA);
  const held = parts.filter((part) => {
    const [start, end] = [part[0].start, part[part.length - 1].end];
    // A bare "not" ("he did not, and he was suspended …") is said of the claim's rest; a
    // condition's ("kung wala, …", "if not, …") is not.
    if (!part.some((t) => claim.words.includes(t))) return !CONDITIONS.has(part[0].norm);
    return (
      part.some(
        (t) =>
          claim.words.includes(t) &&
          clauses.some((c) => c.stems.has(t.stem) || paraphrasedIn(t.norm, c.lemmas, c.stems)),
      ) ||
      claim.facts.some(
        (f) => f.q.start >= start && f.q.start < end && clauses.some((c) => holdsFact(c, f)),
      )
    );
  });
  if (!held.length) return true;
  return held.some((part) => part.some((t) => saysNot(t.norm)));
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
    const words = lazyWordsOf(claim.words);
    let best = MIN_HELD - 1;
    let polarity: boolean | null = null;
    let bestClauses: HeldFacts[] = [];
    sentences.forEach((s, i) => {
      // A clause holds no more of the claim than its sentence: skip sentences that cannot win.
      if (holding(s, claim) < Math.max(best, MIN_HELD)) return;
      for (const c of clausesOf(index, i)) {
        const n = holding(c, claim);
        if (n < best) continue;
        const negated = c.negated && negatedAbout(c.tokens, words);
        if (n > best) [best, polarity, bestClauses] = [n, negated, [c]];
        else {
          bestClauses.push(c);
          if (polarity !== negated) polarity = null; // a tie either way
        }
      }
    });
    if (polarity !== null && polarity !== claimNegatedFor(analysis, claim, bestClauses))
      out.push({ start: claim.start, end: claim.end });
  }
  return out;
}
