import type { Analysis } from '../engine/analysis';
import { stem } from '../text/tokens.util';
import { negatedAbout, wordsOf, type ContextClause } from './clause-negation.util';
import { excludes } from './exclusions.util';
import { holdsOwnPole, opposedBy } from './fact-opposites.util';
import type { FactRole } from './fact-roles.util';
import { negatesOptional } from './modality-claims.util';
import { wordsHeld, type Claim, type HeldFacts } from './short-claims.util';

// A claim of a short answer without a figure ("pemasangan berbayar", "don't drink water
// either") has no fact to find its sentence by: it is judged against the context clause holding
// most of its words.

// Two words of a claim in one clause make that clause the claim's, as for a figure's clause.
const MIN_WORDS_HELD = 2;

// Words that grant what they name ("Plain water is allowed", "Boleh bawa makanan"): a claim that
// denies it is flipped even when the clause shares one word with it, the thing granted.
const PERMISSION_STEMS = new Set(
  [
    'allow',
    'allowed',
    'permit',
    'permitted',
    'dibenarkan',
    'dibolehkan',
    'boleh',
    'puwede',
    'pwede',
  ].map(stem),
);

function grantsPermission(clause: HeldFacts): boolean {
  return (
    clause.lemmas.has('allow') ||
    clause.lemmas.has('permit') ||
    [...PERMISSION_STEMS].some((s) => clause.stems.has(s))
  );
}

/** Whether a clause says "not" about what a claim says ("without" only about its next words). */
function negatedFor(clause: ContextClause, claim: Claim): boolean {
  return negatedAbout(clause.tokens, wordsOf(claim.words));
}

/**
 * Whether a claim's "not" is not for the negation check to read: it carves out an exception
 * ("…, except sale items"), or it is of "optional" ("proof is not optional": a requirement,
 * which modalityFlips compares with the passage's rule).
 */
function negationUnread(analysis: Analysis, claim: Claim): boolean {
  const tokens = analysis.tokens.filter((t) => t.start >= claim.start && t.end <= claim.end);
  return excludes(tokens) || negatesOptional(tokens);
}

interface BestClauses {
  clauses: ContextClause[];
  held: number;
}

/** The clauses holding most of a claim's words (one at least), all of them on a tie. */
function bestClauses(claim: Claim, clauses: readonly ContextClause[]): BestClauses {
  let best: ContextClause[] = [];
  let most = 0;
  for (const c of clauses) {
    const n = wordsHeld(c.stems, c.lemmas, claim);
    if (n > most) [best, most] = [[c], n];
    else if (n === most && n > 0) best.push(c);
  }
  return { clauses: best, held: most };
}

/**
 * Whether a claim says "not" where its clauses do not, or the reverse ("a repeat prescription
 * always needs an appointment" against "can be requested online without an appointment"): with
 * two of its words there and every best clause of one polarity; or denies, with one word, what
 * its only clause grants ("don't drink water either" against "Plain water is allowed").
 */
function negationFlipped(claim: Claim, best: BestClauses): boolean {
  const [first] = best.clauses;
  if (!first) return false;
  const negated = negatedFor(first, claim);
  if (best.clauses.some((c) => negatedFor(c, claim) !== negated)) return false;
  if (negated === claim.negated) return false;
  if (best.held >= MIN_WORDS_HELD) return true;
  return claim.negated && best.clauses.length === 1 && grantsPermission(first);
}

/**
 * Whether a claim's best clause opposes it: the first one, or, on a tie, one that says the other
 * pole plainly while every tied clause with the claim's own pole says "not" about it. "puwede
 * kayong mag-downgrade ng plan anumang oras" ties "Hindi puwedeng mag-downgrade ng plan …" and
 * "puwedeng mag-upgrade anumang oras" (three words each): the passage forbids the one and grants
 * the other. The same answer with "mag-upgrade" holds its own pole plainly there and stands.
 */
function opposedAmongTies(claim: Claim, best: BestClauses): boolean {
  const [first, ...tied] = best.clauses;
  if (opposedBy(claim, first)) return true;
  const own = best.clauses.filter((c) => holdsOwnPole(claim, c.lemmas));
  if (own.some((c) => !negatedFor(c, claim))) return false;
  return tied.some((c) => !negatedFor(c, claim) && opposedBy(claim, c));
}

/**
 * The fact-role cues of the claims without a figure: an **opposite** against the (first) clause
 * holding two of its words ("pemasangan berbayar" against "Pemasangan adalah percuma"), or a
 * **flippedNegation** (negationFlipped) against the clauses of the fine cut, which keeps a
 * negated list whole ("no deliveries on Sundays or public holidays").
 */
export function figurelessContradictions(
  analysis: Analysis,
  claims: readonly Claim[],
  clauses: readonly ContextClause[],
  fineClauses: readonly ContextClause[],
): FactRole[] {
  const out: FactRole[] = [];
  for (const claim of claims) {
    if (claim.facts.length || !claim.words.length) continue;
    const best = bestClauses(claim, clauses);
    const role = (kind: FactRole['kind']): FactRole => ({
      kind,
      text: analysis.text.slice(claim.start, claim.end),
      start: claim.start,
      end: claim.end,
    });
    if (best.held >= MIN_WORDS_HELD && opposedAmongTies(claim, best)) out.push(role('opposite'));
    else if (
      !negationUnread(analysis, claim) &&
      negationFlipped(claim, bestClauses(claim, fineClauses))
    )
      out.push(role('flippedNegation'));
  }
  return out;
}
