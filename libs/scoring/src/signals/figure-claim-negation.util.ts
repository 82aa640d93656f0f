import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { paraphrasedIn } from '../lexicon/lexicon';
import { quantityMatches } from '../text/numbers.util';
import { isContent } from '../text/stopwords.util';
import { negatesAsPrefix } from '../text/negators.util';
import { tokenize, type Token } from '../text/tokens.util';
import { negatedAbout, wordsOf, type WordsOf } from './clause-negation.util';
import type { FactRole } from './fact-roles.util';
import { CONDITIONS, excludes } from './exclusions.util';
import {
  cutClaims,
  heldFacts,
  saysNot,
  type Claim,
  type ClaimCut,
  type Fact,
} from './short-claims.util';

// A claim holding a figure has its sentence found by the figure, and its negation was checked
// only as a prefix ("refundable" against "non-refundable"): "If the item has been used, refunds
// are given within 7 days" against "Refunds are not given if the item has been used; unused
// items are refunded within 7 days" went through, the figure's clause being the other one. Here
// the claim's words (the figure left out) are compared with the passage clause that holds most
// of them, when the claim has every word of that clause, its condition's included: a right
// answer that leaves the negated clause out ("Unused items are refunded within 7 days") lacks
// its condition ("used"), and one that leaves out a clause's qualifier ("Refunds are given …"
// against "Refunds are not given for sale items") lacks "sale".

// "Unless X" is "if not X": "Refunds are given within 7 days unless the item has been used"
// says what the passage does. "Kecuali jika", "maliban kung": "except if".
const TURNED_CONDITIONS = new Set(['unless', 'melainkan']);
const EXCEPT = new Set(['kecuali', 'maliban', 'except']);
const MARKERS = new Set([...CONDITIONS, ...TURNED_CONDITIONS, ...EXCEPT]);

// Two words of the claim in the clause, as for a claim without a figure (figureless-claims).
const MIN_WORDS_HELD = 2;

/** A stretch of text (a claim, a clause) as the check reads it. */
interface Side {
  text: string;
  tokens: readonly Token[];
  facts: readonly Fact[];
  /** Content words, but negators, figures with their units, and condition words. */
  words: Token[];
  /** The stems, lemmas and glosses of `words`. */
  known: WordsOf;
  /** A context clause's whole sentence: where a negation cut off from a listed item sits. */
  sentence?: readonly Token[];
}

/** A side's condition ("if the item has been used", leading up to its comma or trailing) and the rest. */
interface Parts {
  main: Token[];
  condition: Token[];
  /** "Unless", "kecuali jika": the condition says "not" of itself. */
  turned: boolean;
}

function partsOf(side: Side): Parts {
  const { tokens, text } = side;
  const at = tokens.findIndex((t) => CONDITIONS.has(t.norm) || TURNED_CONDITIONS.has(t.norm));
  if (at < 0) return { main: [...tokens], condition: [], turned: false };
  const turned =
    TURNED_CONDITIONS.has(tokens[at].norm) || (at > 0 && EXCEPT.has(tokens[at - 1].norm));
  const from = at > 0 && EXCEPT.has(tokens[at - 1].norm) ? at - 1 : at;
  let to = tokens.length;
  // A leading condition ends at its comma; a trailing one runs to the end of the clause.
  if (from === 0)
    for (let k = at + 1; k < tokens.length; k++)
      if (/,/.test(text.slice(tokens[k - 1].end, tokens[k].start))) {
        to = k;
        break;
      }
  return {
    main: [...tokens.slice(0, from), ...tokens.slice(to)],
    condition: tokens.slice(from, to),
    turned,
  };
}

function overlaps(t: Token, facts: readonly Fact[]): boolean {
  return facts.some((f) => t.start < f.end && t.end > f.q.start);
}

function sideOf(text: string, tokens: readonly Token[], facts: readonly Fact[]): Side {
  const words = tokens.filter(
    (t) =>
      isContent(t.norm) &&
      !/\d/.test(t.norm) &&
      !saysNot(t.norm) &&
      !MARKERS.has(t.norm) &&
      !overlaps(t, facts),
  );
  return { text, tokens, facts, words, known: wordsOf(words) };
}

function holds(words: WordsOf, t: Token): boolean {
  return words.stems.has(t.stem) || paraphrasedIn(t.norm, words.lemmas, words.stems);
}

// Words that relate a figure to its item: "within 7 days" is not "after 7 days", "₱1,500 pataas"
// (and up) not "₱1,500 pababa". Only these count: "para sa order na ₱1,500" and "kahit ₱1,500"
// say the same of the figure.
const RELATIONS = new Set([
  ...['within', 'after', 'before', 'until', 'till', 'by', 'from', 'since', 'over', 'under'],
  ...['above', 'below', 'up', 'least', 'most', 'more', 'less', 'than', 'onwards', 'upwards'],
  ...['only', 'maximum', 'minimum', 'max', 'min', 'exceeding', 'beyond', 'first', 'last'],
  ...['dalam', 'selepas', 'sebelum', 'hingga', 'sehingga', 'sampai', 'lebih', 'kurang'],
  ...['melebihi', 'daripada', 'dari', 'bawah', 'atas', 'maksimum', 'sahaja', 'hanya', 'pertama'],
  ...['loob', 'bago', 'pagkatapos', 'hanggang', 'mula', 'pataas', 'pababa', 'higit', 'mahigit'],
  ...['kulang', 'lamang', 'lang', 'unang', 'huling'],
]);
const RELATION_REACH = 2;

/** The relation words right around a figure (two before it, one after its unit). */
function relationOf(side: Side, fact: Fact): string {
  const at = side.tokens.findIndex((t) => t.end > fact.q.start);
  const before = side.tokens.slice(
    Math.max(0, (at < 0 ? side.tokens.length : at) - RELATION_REACH),
    at < 0 ? undefined : at,
  );
  const after = side.tokens.find((t) => t.start >= fact.end);
  return [...before, ...(after ? [after] : [])]
    .map((t) => t.norm)
    .filter((w) => RELATIONS.has(w))
    .sort()
    .join(' ');
}

/**
 * Whether every figure of the clause is one of the claim's in the same relation ("Late fees are
 * not charged within 7 days" says nothing of "a late fee … is charged after 7 days"), and a
 * clause with a figure has all of the claim's: "The first 2 hours of parking are not charged"
 * says nothing of the RM3 an hour charged after them.
 */
function figuresAgree(claim: Side, clause: Side): boolean {
  if (
    clause.facts.length &&
    !claim.facts.every((f) => clause.facts.some((c) => quantityMatches(f.q, c.q)))
  )
    return false;
  return clause.facts.every((c) =>
    claim.facts.some(
      (f) => quantityMatches(f.q, c.q) && relationOf(claim, f) === relationOf(clause, c),
    ),
  );
}

// Words of a figure's rate ("RM50 per night", "₱500 kada gabi") or relation ("sa loob ng 7
// araw", within 7 days) are the figure's where both sides have them: counted as the claim's, they
// tied "Pets are allowed in rooms for RM50 per night" with "the pet lounge costs RM50 per night".
const RATES = new Set(['per', 'kada', 'bawat', 'setiap', 'each', 'every', 'a', 'an']);

function nearFigure(side: Side, fact: Fact): Set<string> {
  const at = side.tokens.findIndex((t) => t.end > fact.q.start);
  const before = side.tokens
    .slice(
      Math.max(0, (at < 0 ? side.tokens.length : at) - RELATION_REACH),
      at < 0 ? undefined : at,
    )
    .filter((t) => RELATIONS.has(t.norm));
  const after = side.tokens.findIndex((t) => t.start >= fact.end);
  const rate =
    after >= 0 && RATES.has(side.tokens[after].norm) ? side.tokens.slice(after, after + 2) : [];
  return new Set([...before, ...rate].map((t) => t.stem));
}

/** The claim's words that sit next to one of its figures in a clause holding that figure too. */
function figureWords(claim: Side, clauses: readonly Side[]): Set<string> {
  const out = new Set<string>();
  for (const f of claim.facts) {
    const mine = nearFigure(claim, f);
    for (const c of clauses)
      for (const cf of c.facts)
        if (quantityMatches(f.q, cf.q))
          for (const s of nearFigure(c, cf)) if (mine.has(s)) out.add(s);
  }
  return out;
}

const SCOPED_NEGATORS = new Set(['without', 'tanpa']);

/**
 * Whether `part` says "not" of `other`'s words ("without X … not" cancels, "without" is scoped);
 * null for two plain negators, which may cancel ("the service tax cannot be waived", "not free")
 * or list two refusals ("no refunds, no exchanges"): such a part is left unjudged.
 */
function saysNotOf(part: readonly Token[], other: WordsOf): boolean | null {
  const plain = part.filter(
    (t) => saysNot(t.norm) && !negatesAsPrefix(t.norm) && !SCOPED_NEGATORS.has(t.norm),
  );
  if (plain.length > 1) return null;
  return part.length > 0 && negatedAbout(part, other);
}

/**
 * Whether the claim says "not" where the clause does not, or the reverse, in the same condition:
 * both conditions (an absent one is plain) of one polarity and the main clauses of two. "If the
 * item has not been used, refunds are given" moves the negation into the condition and agrees
 * with "Refunds are not given if the item has been used".
 */
function polarityFlipped(claim: Side, clause: Side): boolean {
  const mine = partsOf(claim);
  const theirs = partsOf(clause);
  const condition = (p: Parts, other: WordsOf): boolean | null => {
    const not = saysNotOf(p.condition, other);
    return not === null ? null : not !== p.turned;
  };
  const [myCondition, theirCondition] = [
    condition(mine, clause.known),
    condition(theirs, claim.known),
  ];
  const [myMain, theirMain] = [
    saysNotOf(mine.main, clause.known),
    saysNotOf(theirs.main, claim.known),
  ];
  if ([myCondition, theirCondition, myMain, theirMain].includes(null)) return false;
  if (excludes(claim.tokens) || excludes(clause.tokens)) return false;
  if (myCondition !== theirCondition || myMain === theirMain) return false;
  // A clause without a "not" may be one item of a list whose "not" sits in another clause of its
  // sentence: "except on Saturdays and public holidays, when it is not offered" cuts "public
  // holidays" off; its sentence must say no "not" of the claim's words either.
  const plain = !clause.tokens.some((t) => saysNot(t.norm));
  return !(plain && clause.sentence && negatedAbout(clause.sentence, claim.known));
}

/** Each context sentence's clauses under `cut`, as sides. */
function clauseSides(index: ContextIndex, cut: ClaimCut): Side[] {
  return index.sentences.flatMap((s) => {
    // Tokenised again: a sentence's own tokens count from its passage's start.
    const sentence = tokenize(s.text);
    return cutClaims(s.text, sentence, cut).map((clause) => {
      const text = s.text.slice(clause[0].start, clause[clause.length - 1].end);
      const tokens = tokenize(text);
      return { ...sideOf(text, tokens, heldFacts(text, tokens).facts), sentence };
    });
  });
}

/**
 * **flippedNegation** of the claims holding a figure: the context clauses holding most of the
 * claim's words (two at least) each have no word the claim lacks, no figure but the claim's in
 * the same relation, and the other polarity in the same condition (polarityFlipped). "Pets are
 * allowed in rooms for RM50 per night" against "Pets are not allowed in rooms; the pet lounge
 * costs RM50 per night". `cut` keeps a leading condition with its main clause, on both sides.
 */
export function figureClaimNegations(
  analysis: Analysis,
  claims: readonly Claim[],
  index: ContextIndex,
  cut: ClaimCut,
): FactRole[] {
  const figured = claims.filter((c) => c.facts.length && c.words.length >= MIN_WORDS_HELD);
  if (!figured.length) return [];
  const clauses = clauseSides(index, cut);
  const out: FactRole[] = [];
  for (const claim of figured) {
    const text = analysis.text.slice(claim.start, claim.end);
    const tokens = analysis.tokens
      .filter((t) => t.start >= claim.start && t.end <= claim.end)
      .map((t) => ({ ...t, start: t.start - claim.start, end: t.end - claim.start }));
    const facts = claim.facts.map((f) => ({
      ...f,
      q: { ...f.q, start: f.q.start - claim.start, end: f.q.end - claim.start },
      end: f.end - claim.start,
    }));
    const side = sideOf(text, tokens, facts);
    const bound = figureWords(side, clauses);
    const words = side.words.filter((w) => !bound.has(w.stem));
    let most = MIN_WORDS_HELD - 1;
    let best: Side[] = [];
    for (const c of clauses) {
      const n = words.filter((w) => holds(c.known, w)).length;
      if (n > most) [most, best] = [n, [c]];
      else if (n === most && best.length) best.push(c);
    }
    const flipped =
      best.length > 0 &&
      best.every(
        (c) =>
          c.words.every((w) => holds(side.known, w)) &&
          figuresAgree(side, c) &&
          polarityFlipped(side, c),
      );
    if (flipped) out.push({ kind: 'flippedNegation', text, start: claim.start, end: claim.end });
  }
  return out;
}
