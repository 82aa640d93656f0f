import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { paraphrasedIn } from '../lexicon/lexicon';
import { extractQuantities, quantityMatches, type Quantity } from '../text/numbers.util';
import { isContent } from '../text/stopwords.util';
import { tokenize, type Token } from '../text/tokens.util';
import { contextWeekdays } from '../text/day-sets.util';
import { entityTokens } from './entities.signal';
import {
  claimsOf,
  cutClaims,
  heldFacts,
  type HeldFacts,
  holding,
  holdsFact,
  joinsClaims,
  sentenceFacts,
  TAGALOG_AND,
  type Claim,
  type ClaimCut,
  type Fact,
  wordsHeld,
} from './short-claims.util';
import { figurelessContradictions } from './figureless-claims.util';
import { figureClaimNegations } from './figure-claim-negation.util';
import { concessiveContradictions } from './concessive-claims.util';
import { glossStems } from './name-variants.util';
import { modalityFlips } from './modality-claims.util';
import { heldWithTimings, instantTimings, withTimings } from './timing-facts.util';
import type { ContextClause } from './clause-negation.util';
import { dayMismatches } from './day-coverage.util';
import { crossedFacts } from './crossed-facts.util';
import { prefixNegationFlipped } from './word-negation.util';
import {
  endsRange,
  holdsOwnPole,
  opposedBy,
  withoutSequenceWords,
  wordLemmas,
} from './fact-opposites.util';

/** Where a short answer's fact sits in its context sentence, and with which words. */
export interface FactRole {
  kind: 'swapped' | 'opposite' | 'unanchored' | 'unboundName' | 'flippedNegation' | 'otherDays';
  text: string;
  start: number;
  end: number;
}

// The fact binding's fine cut ("60 minutes for domestic and 45 for international"), also at
// Tagalog "at" ("and") before a clause ("₱950 at ang expedited … ₱1,200").
const FINE: ClaimCut = {
  breaks: /[,;:.!?()]/,
  joiners: new Set(['and', 'but', 'while', 'whereas', 'dan', 'tetapi', 'manakala', 'pero']),
  joinersBefore: TAGALOG_AND,
};

// Clauses: the fine cut, and also at "or" and "if" ("$25, or $10 if it goes to an ASEAN country").
const CLAUSE: ClaimCut = {
  breaks: FINE.breaks,
  joiners: new Set([...FINE.joiners, 'or', 'atau', 'o', 'if', 'kalau', 'jika', 'kung']),
  joinersBefore: TAGALOG_AND,
};

// The fine cut, with a leading condition kept with its main clause: a claim without a figure is
// compared, for its negation, as a whole ("If the driver cancels, no fee is charged" against
// "No fee is charged if the driver cancels"), not as a bare "If the driver cancels" against a
// clause that negates something else.
const CONDITIONED: ClaimCut = {
  ...FINE,
  leadingConditions: new Set(['if', 'unless', 'when', 'kalau', 'jika', 'apabila', 'kung', 'kapag']),
};

/**
 * Share of a claim's own words that the context sentence holding its fact must hold for the
 * fact to count as anchored there: "Refunds take 5 business days" holds "refunds"; "store
 * credit takes 5 business days" against "Refunds are paid within 5 business days" does not.
 */
export const ANCHOR_SHARE = 0.5;

interface Placed {
  q: Quantity;
  /** Token index in the sentence of the fact's first token. */
  at: number;
}

interface SentenceRoles {
  text: string;
  tokens: Token[];
  /** Every fact with its token index, in order. */
  facts: Placed[];
}

function rolesOf(text: string): SentenceRoles {
  const tokens = tokenize(text);
  const facts = [...extractQuantities(text), ...contextWeekdays(text), ...instantTimings(text)]
    .map((q) => ({ q, at: tokens.findIndex((t) => t.end > q.start) }))
    .filter((p) => p.at >= 0)
    .sort((a, b) => a.at - b.at);
  return { text, tokens, facts };
}

function sameWord(a: Token, b: Token): boolean {
  return a.stem === b.stem || paraphrasedIn(a.norm, new Set(wordLemmas(b.norm)));
}

/**
 * Checks each fact of a short answer against the context sentence that holds it, word by word:
 *
 * - **swapped**: a word that follows (or precedes) the fact in the answer follows (or precedes)
 *   another of the answer's facts in the context, with no fact between: "60 minutes before
 *   domestic and 45 before international" where the context binds domestic to 45.
 * - **opposite**: a word of the claim (or its English gloss) is one pole of an opposition and
 *   the sentence holds only the other pole ("nagbubukas" against "magsasara", "percuma"
 *   against "berbayar"); the poles are polarity.lexicon's plus local-opposites.lexicon's.
 * - **unanchored**: no sentence holding the fact holds ANCHOR_SHARE of the claim's own words.
 * - **unboundName**: a name of the claim (entities.signal's) is in no sentence holding the fact:
 *   "Elmhurst College was founded in 1874" where 1874 is another college's year.
 * - **opposite** and **flippedNegation** of a claim without a figure: figureless-claims.util.ts.
 * - **flippedNegation** of a claim with a figure, against the clause whose words it all has:
 *   figure-claim-negation.util.ts.
 * - **opposite** of "…, even without X" where the passage gives the case without X otherwise:
 *   concessive-claims.util.ts.
 * - **flippedNegation** of a rule: a claim making optional what its passage requires, or the
 *   reverse ("Vaccination tak wajib" against "must have up-to-date vaccinations"):
 *   modality-claims.util.ts.
 * - **otherDays**: a day range or day the context gives otherwise ("Monday to Sunday" where it
 *   says "Monday to Saturday", a day it says is closed): day-coverage.util.ts.
 *
 * Only facts the context has are checked (a number it lacks is the numbers signal's). Empty
 * for outputs that are not short answers or have no context.
 */
export function factRoles(analysis: Analysis, index: ContextIndex): FactRole[] {
  const sentences = sentenceFacts(index);
  const roles = new Map<number, SentenceRoles>();
  const rolesAt = (i: number): SentenceRoles => {
    let r = roles.get(i);
    if (!r) roles.set(i, (r = rolesOf(index.sentences[i].text)));
    return r;
  };
  const claims = claimsOf(analysis, FINE);
  const clausesBySentence = contextClauses(index, CLAUSE);
  const clauses = clausesBySentence.flat();
  // "Immediately" is a fact here as a figure is: bound to the wrong item, it is a swap.
  const timings = instantTimings(analysis.text);
  const answerClaims = claimsOf(analysis, CLAUSE).map((c) => withTimings(c, timings));
  const bound = answerClaims.map((c) => boundElsewhere(c, answerClaims, clauses));
  // One shared word a side is enough when two claims each sit with the other's figure ("Check-up
  // RM120, scaling RM80" where check-up costs RM80 and scaling RM120); a lone claim whose word
  // also sits by another figure ("$25 for other countries" by "ASEAN countries cost $10") is not.
  const crossed = bound.filter((b) => b !== 'none').length >= 2;
  const clauseSwapped = (claim: Claim): boolean =>
    answerClaims.some(
      (c, i) =>
        c.start < claim.end &&
        c.end > claim.start &&
        (bound[i] === 'strong' || (bound[i] === 'weak' && crossed)),
    );
  // A figure taken from another item's sentence ("$35 for 10 GB" where $35 is the other pass's).
  const crossedAt = new Set(
    answerClaims.flatMap((c) => crossedFacts(c, sentences)).map((f) => f.q.start),
  );
  const names = entityTokens(analysis.text, analysis.tokens);
  const answer = rolesOf(analysis.text);
  const swapCache = new Map<number, boolean>();
  const swaps = (i: number): boolean => {
    let v = swapCache.get(i);
    if (v === undefined) swapCache.set(i, (v = swappedIn(answer, rolesAt(i))));
    return v;
  };
  const out: FactRole[] = [];
  const claimText = (claim: Claim): string => analysis.text.slice(claim.start, claim.end);
  for (const claim of claims)
    for (const fact of claim.facts) {
      const withFact = sentences.flatMap((s, i) => (holdsFact(s, fact) ? [i] : []));
      if (!withFact.length) continue;
      const mark = (kind: FactRole['kind']): void => {
        out.push({ kind, text: fact.q.text, start: fact.q.start, end: fact.q.end });
      };
      const best = withFact.reduce((a, b) =>
        holding(sentences[b], claim, fact) > holding(sentences[a], claim, fact) ? b : a,
      );
      const words = claim.words.length;
      const held = words ? wordsHeld(sentences[best].stems, sentences[best].lemmas, claim) : 0;
      if (words && held / words < ANCHOR_SHARE) mark('unanchored');
      // A day name ("Saturdays") is a fact of its own, checked as one.
      const own = names.filter(
        (n) =>
          n.start >= claim.start &&
          n.end <= claim.end &&
          !claim.facts.some((f) => n.start < f.end && n.end > f.q.start),
      );
      // A name in the other language ("Semenanjung" for "Peninsular") is bound by its gloss.
      const boundTo = (n: Token, i: number): boolean =>
        sentences[i].stems.has(n.stem) ||
        [...glossStems(n.norm)].some((g) => sentences[i].stems.has(g));
      if (own.some((n) => !withFact.some((i) => boundTo(n, i)))) mark('unboundName');
      if (withFact.some((i) => swaps(i)) || clauseSwapped(claim) || crossedAt.has(fact.q.start))
        mark('swapped');
      else if (
        opposedNear(withoutSequenceWords(claim, analysis.tokens), claimText(claim), fact, {
          text: index.sentences[best].text,
          held: sentences[best],
          clauses: clausesBySentence[best],
        })
      )
        mark('opposite');
      else if (
        clausesBySentence[best].some(
          (c) => holdsFact(c, fact) && prefixNegationFlipped(claim, analysis.tokens, c),
        )
      )
        mark('flippedNegation');
    }
  // A figureless timing is checked by its clause binding only: no figure to find it by.
  for (const claim of claims)
    for (const q of timings.filter((t) => t.start >= claim.start && t.start < claim.end))
      if (!out.some((r) => r.kind === 'swapped' && r.start >= claim.start && r.end <= claim.end))
        if (clauseSwapped(claim))
          out.push({ kind: 'swapped', text: q.text, start: q.start, end: q.end });
  const conditioned = claimsOf(analysis, CONDITIONED);
  out.push(
    ...figurelessContradictions(analysis, conditioned, clauses, contextClauses(index, FINE).flat()),
  );
  out.push(...figureClaimNegations(analysis, conditioned, index, CONDITIONED));
  out.push(...concessiveContradictions(analysis, claims, index));
  for (const m of modalityFlips(analysis, index)) out.push({ kind: 'flippedNegation', ...m });
  for (const m of dayMismatches(analysis, index)) out.push({ kind: 'otherDays', ...m });
  return out;
}

/** A context sentence as the opposite check reads it: its text, words and clauses. */
interface SentenceScope {
  text: string;
  held: HeldFacts;
  clauses: readonly HeldFacts[];
}

/**
 * Whether a claim's fact is stated with the opposite word. A figure is judged against the
 * clauses of its sentence holding it when they hold a pole ("ditutup pukul 8 pagi" against
 * "dibuka pukul 8 pagi dan ditutup pukul 1 petang"), else against the whole sentence ("closes at
 * 9 am" against "Opening hours: 9 am to 5 pm"); a day name qualifies the whole sentence ("… pada
 * hari Sabtu"). The last figure of a range, in the context or the claim, is where it closes
 * ("closes at 10 pm" against "open 6 am to 10 pm").
 */
function opposedNear(claim: Claim, claimText: string, fact: Fact, at: SentenceScope): boolean {
  const span = endsRange(at.text, fact) || endsRange(claimText, fact);
  if (!fact.q.date?.startsWith('dow-')) {
    const clauses = at.clauses.filter((c) => holdsFact(c, fact));
    const own = {
      lemmas: new Set(clauses.flatMap((c) => [...c.lemmas])),
      stems: new Set(clauses.flatMap((c) => [...c.stems])),
    };
    if (opposedBy(claim, own, span)) return true;
    if (holdsOwnPole(claim, own.lemmas)) return false;
  }
  return opposedBy(claim, at.held, span);
}

/**
 * Facts in reading order, those with no content word between them merged into one group (a
 * phone number "1800 222 3333", a range "Monday to Saturday"), each group with its token span.
 */
function factGroups(tokens: readonly Token[], facts: readonly Placed[]): Placed[][] {
  const groups: Placed[][] = [];
  let last = -1;
  for (const p of facts) {
    const between = tokens
      .slice(last + 1, p.at)
      .some((t) => isContent(t.norm) && !/\d/.test(t.norm));
    if (groups.length && !between) groups[groups.length - 1].push(p);
    else groups.push([p]);
    last = tokens.findIndex((t, i) => i >= p.at && t.end >= p.q.end);
    if (last < p.at) last = p.at;
  }
  return groups;
}

function groupMatches(a: readonly Placed[], b: readonly Placed[]): boolean {
  return a.some((x) => b.some((y) => quantityMatches(x.q, y.q)));
}

/**
 * Whether a clause break (a stop, a comma, a joiner) parts a fact group from token `i`. Read
 * from the end of the group's last figure, not its first token: the comma of "₱10,000" or the
 * stop of "8.30" is part of the figure, not a break ("₱10,000 po ang deposit para sa sedan").
 */
function brokenBetween(roles: SentenceRoles, group: readonly Placed[], i: number): boolean {
  const last = group[group.length - 1];
  const { tokens, text } = roles;
  const end = Math.max(tokens[last.at].end, last.q.end);
  if (end >= tokens[i].start) return false;
  if (CLAUSE.breaks.test(text.slice(end, tokens[i].start))) return true;
  const from = tokens.findIndex((t, k) => k >= last.at && t.end >= last.q.end);
  for (let k = Math.max(from, last.at) + 1; k < i; k++)
    if (joinsClaims(tokens, k, CLAUSE)) return true;
  return false;
}

/** The last group starting before token `i`, or undefined. */
function groupBefore(groups: readonly Placed[][], i: number): Placed[] | undefined {
  let out: Placed[] | undefined;
  for (const g of groups) if (g[0].at < i) out = g;
  return out;
}

/**
 * Whether the context sentence binds the answer's words to the answer's facts the other way
 * round: each content word of the answer that the sentence has votes by the fact group it
 * follows in the answer and in the sentence; a word that follows "60" in the answer but "45" in
 * the sentence (both facts of the answer) votes for a swap. Needs two of the answer's fact
 * groups in the sentence, and more votes for a swap than against.
 */
function swappedIn(answer: SentenceRoles, sentence: SentenceRoles): boolean {
  const mine = factGroups(answer.tokens, answer.facts);
  const theirs = factGroups(sentence.tokens, sentence.facts).filter((g) =>
    mine.some((m) => groupMatches(m, g)),
  );
  if (mine.length < 2 || theirs.length < 2) return false;
  let against = 0;
  let forIt = 0;
  answer.tokens.forEach((w, wi) => {
    if (!isContent(w.norm) || /\d/.test(w.norm)) return;
    if (answer.tokens.some((o, oi) => oi !== wi && o.stem === w.stem)) return;
    const prevA = groupBefore(mine, wi);
    if (!prevA || brokenBetween(answer, prevA, wi)) return;
    sentence.tokens.forEach((c, ci) => {
      if (!isContent(c.norm) || !sameWord(w, c)) return;
      const prevC = groupBefore(theirs, ci);
      // A word in another clause than the figure before it ("$25 each, and transfers to ASEAN
      // countries cost $10") is not bound to that figure.
      if (!prevC || brokenBetween(sentence, prevC, ci)) return;
      if (groupMatches(prevA, prevC)) forIt++;
      else against++;
    });
  });
  return against > forIt;
}

/** Each context sentence's clauses under `cut`, with their facts, words and tokens. */
function contextClauses(index: ContextIndex, cut: ClaimCut): ContextClause[][] {
  return index.sentences.map((s) => {
    const tokens = tokenize(s.text);
    return cutClaims(s.text, tokens, cut).map((clause) => {
      const text = s.text.slice(clause[0].start, clause[clause.length - 1].end);
      const own = tokenize(text);
      return heldWithTimings({ ...heldFacts(text, own), tokens: own }, text);
    });
  });
}

/**
 * Whether a claim's words sit with another of the answer's facts: the context clauses holding
 * most of the claim's facts hold fewer of its words than a clause holding another claim's fact
 * ("An overseas transfer costs $10" where "Overseas transfers cost $25" and "ASEAN transfers
 * cost $10"). 'strong' when the other clause holds two of the words at least; 'weak' when it
 * holds one and the clauses holding the claim's facts hold none.
 */
function boundElsewhere(
  claim: Claim,
  claims: readonly Claim[],
  clauses: readonly HeldFacts[],
): 'strong' | 'weak' | 'none' {
  if (!claim.facts.length || !claim.words.length) return 'none';
  const factsHeld = clauses.map((c) => claim.facts.filter((f) => holdsFact(c, f)).length);
  const most = Math.max(...factsHeld);
  if (most === 0) return 'none';
  const otherFacts = claims.filter((c) => c !== claim).flatMap((c) => c.facts);
  let own = 0;
  let other = 0;
  clauses.forEach((c, i) => {
    const words = wordsHeld(c.stems, c.lemmas, claim);
    if (factsHeld[i] === most) own = Math.max(own, words);
    else if (otherFacts.some((f) => holdsFact(c, f))) other = Math.max(other, words);
  });
  if (other >= 2 && other > own) return 'strong';
  return other === 1 && own === 0 ? 'weak' : 'none';
}
