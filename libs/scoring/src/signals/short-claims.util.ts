import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import type { ContextIndex } from '../engine/context-index';
import { outputQuantities, sentenceQuantities } from '../engine/figure-support';
import { glossOf } from '../lexicon/gloss.lexicon';
import { lemma, paraphrasedIn } from '../lexicon/lexicon';
import { localPhrasesIn } from '../lexicon/local-opposites.lexicon';
import { negates, negatesAsPrefix, saysNoCost } from '../text/negators.util';
import { extractQuantities, quantityMatches, type Quantity } from '../text/numbers.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';
import { contextWeekdays } from '../text/day-sets.util';
import { extractWeekdays } from '../text/weekdays.util';

// The claims of a short answer and what a stretch of context offers to hold them: shared by the
// fact binding (fact-binding.util.ts) and the claim polarity (claim-polarity.util.ts) checks.

/** A number, amount, date or day name, with its unit words ("7 days", "10 GB"). */
export interface Fact {
  q: Quantity;
  units: string[];
  /** End of the fact with its unit: the claim's own words start after it. */
  end: number;
  /**
   * What it measures, when the text says: 'money' (a currency before it), 'percent', 'duration',
   * 'date', 'day', or its unit word's lemma ("gb"); null for a bare figure (a plan's "99").
   */
  kind: string | null;
}

/** What a stretch of context (a sentence or a clause) offers: facts, word stems, lemmas and glosses. */
export interface HeldFacts {
  facts: Fact[];
  stems: Set<string>;
  /** With the listed two-word phrases of local-opposites.lexicon ("walang bayad"). */
  lemmas: Set<string>;
  /** Says "not" or "free" somewhere. */
  negated: boolean;
}

/** One claim of a short answer: its facts, its other content words, its polarity. */
export interface Claim {
  start: number;
  end: number;
  facts: Fact[];
  words: Token[];
  /** The two-word phrases of local-opposites.lexicon it has ("may bayad"). */
  phrases: string[];
  negated: boolean;
}

/**
 * "Not", a negating prefix ("non-"), or "free" (no charge): "Walang bayad" and "Libre" agree,
 * "May bayad" and "Libre" do not.
 */
export function saysNot(norm: string): boolean {
  return negates(norm) || negatesAsPrefix(norm) || saysNoCost(norm);
}

const ORDINAL = new Set(['st', 'nd', 'rd', 'th', 'hb', 'haribulan']);

// Words that bound a figure, not measure it: "21 pataas" (21 and up, Tagalog), "18 and above",
// "5 onwards". The unit is the context's ("21 taong gulang pataas"), left unsaid: taken for one,
// "pataas" made "21 pataas ang edad" a fact in another unit (tl-car-rental on
// support-answers-dev3).
const BOUNDS = new Set(['pataas', 'pababa', 'above', 'below', 'upwards', 'onwards', 'upward']);

/**
 * A number's unit: the content words of the two words right after it ("5 business days", "3
 * hari bekerja"), or the letters stuck to it ("8GB"), when only spaces part them.
 */
function unitsAfter(text: string, q: Quantity): { words: string[]; end: number } {
  const none = { words: [], end: q.end };
  // An amount's unit is its currency sign ("RM20", "₱130"), and a phone number or a year has none.
  const before = text[q.start - 1] ?? ' ';
  if (q.date || !/^\d/.test(q.text) || /[\p{L}\p{Sc}]/u.test(before) || Math.abs(q.value) >= 1000)
    return none;
  const rest = text.slice(q.end, q.end + 60);
  const attached = /^\p{L}+/u.exec(rest); // "8GB"; an ordinal's "5th", "5hb" is no unit
  if (attached) {
    const word = attached[0].toLowerCase();
    return ORDINAL.has(word) ? none : { words: [word], end: q.end + word.length };
  }
  const m = /^[ \t]+(\p{L}+)(?:[ \t]+(\p{L}+))?/u.exec(rest);
  if (!m || !isContent(m[1].toLowerCase()) || BOUNDS.has(m[1].toLowerCase())) return none;
  const words = [m[1].toLowerCase()];
  if (m[2] && isContent(m[2].toLowerCase())) words.push(m[2].toLowerCase());
  return { words, end: q.end + m[0].length };
}

// A currency written before an amount: "$35", "RM80", "₱1,200", "USD 20".
const CURRENCY_BEFORE = /(?:\p{Sc}|\b(?:RM|Rp|PHP|USD|SGD|MYR|S\$)\s?)$/u;

function kindOf(text: string, q: Quantity, units: readonly string[]): string | null {
  if (q.date?.startsWith('dow-')) return 'day';
  if (q.date) return 'date';
  if (q.duration) return 'duration';
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, q.start - 4), q.start))) return 'money';
  if (q.percent) return 'percent';
  return units.length ? lemma(units[0]) : null;
}

function factsOf(text: string, quantities: Quantity[]): Fact[] {
  return quantities.map((q) => {
    const unit = unitsAfter(text, q);
    return { q, units: unit.words, end: unit.end, kind: kindOf(text, q, unit.words) };
  });
}

/** The words a stretch is compared with: their stems, and their lemmas and glosses. */
export interface WordsOf {
  stems: ReadonlySet<string>;
  lemmas: ReadonlySet<string>;
}

/** The stems, lemmas and glosses of some words (a claim's, an answer sentence's). */
export function wordsOf(tokens: readonly Token[]): { stems: Set<string>; lemmas: Set<string> } {
  const stems = new Set<string>();
  const lemmas = new Set<string>();
  for (const t of tokens) {
    stems.add(t.stem);
    lemmas.add(lemma(t.norm));
    for (const g of glossOf(t.norm)) lemmas.add(g);
  }
  return { stems, lemmas };
}

/**
 * wordsOf, computed on first need: a negation check (clause-negation.util.ts) reads the other
 * side's words only at a scoped negator or a negating prefix, which most sentences have none of.
 * A class, not an object literal of getter closures made per call: with those, scoring the
 * shared dev files ended with 62 MB of old space instead of 38 and a peak RSS 90 MB higher.
 */
class LazyWordsOf implements WordsOf {
  private words?: WordsOf;

  constructor(private readonly tokens: readonly Token[]) {}

  get stems(): ReadonlySet<string> {
    this.words ??= wordsOf(this.tokens);
    return this.words.stems;
  }

  get lemmas(): ReadonlySet<string> {
    this.words ??= wordsOf(this.tokens);
    return this.words.lemmas;
  }
}

/** wordsOf of `tokens`, computed on first read (see LazyWordsOf). */
export function lazyWordsOf(tokens: readonly Token[]): WordsOf {
  return new LazyWordsOf(tokens);
}

/**
 * The facts, words and polarity of a stretch of context text and its tokens. `quantities`: the
 * text's extractQuantities, when the caller has them.
 */
export function heldFacts(
  text: string,
  tokens: readonly Token[],
  quantities: readonly Quantity[] = extractQuantities(text),
): HeldFacts {
  const { stems, lemmas } = wordsOf(tokens);
  for (const p of localPhrasesIn(tokens.map((t) => t.norm))) lemmas.add(p);
  return {
    facts: factsOf(text, [...quantities, ...contextWeekdays(text)]),
    stems,
    lemmas,
    negated: tokens.some((t) => saysNot(t.norm)),
  };
}

const SENTENCE_FACTS = memoKey<HeldFacts[]>('sentenceFacts');

/** heldFacts of every context sentence, once per call. */
export function sentenceFacts(index: ContextIndex): HeldFacts[] {
  return index.memo.get(SENTENCE_FACTS, () =>
    index.sentences.map((s) => heldFacts(s.text, s.tokens, sentenceQuantities(s))),
  );
}

/** How an answer is cut into claims: where a break is, and which words join two claims. */
export interface ClaimCut {
  /** Matched against the text between two tokens. */
  breaks: RegExp;
  joiners: ReadonlySet<string>;
  /** Words that join two claims only right before one of the listed words (TAGALOG_AND). */
  joinersBefore?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Words that join two claims only right after a comma (", and", ", dan"). */
  joinersAfterComma?: ReadonlySet<string>;
  /**
   * Words that open a condition put before its main clause: the comma after that condition does
   * not cut ("If the driver cancels, no fee is charged" is one claim, as "No fee is charged if
   * the driver cancels" is).
   */
  leadingConditions?: ReadonlySet<string>;
}

/**
 * Tagalog "at" ("and") joins two clauses ("Ang regular ay ₱950 at ang expedited ay ₱1,200"),
 * but the same spelling is English "at" ("closes at 10 pm", "at the counter"): it counts as a
 * joiner only before a Tagalog marker of a noun phrase or clause, which English never puts
 * after "at". Before a figure ("45 minuto … at 60 minuto") it stays uncut, as in English.
 */
export const TAGALOG_AND: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['at', new Set(['ang', 'si', 'sina', 'sa', 'mga', 'ng', 'kung', 'hindi'])],
]);

/** Whether token `i` joins two claims under `cut`. */
export function joinsClaims(tokens: readonly Token[], i: number, cut: ClaimCut): boolean {
  const norm = tokens[i].norm;
  if (cut.joiners.has(norm)) return true;
  const before = cut.joinersBefore?.get(norm);
  return before !== undefined && i + 1 < tokens.length && before.has(tokens[i + 1].norm);
}

/** Splits tokens into claims; a comma or stop between two digits ("1,500", "8.30") is no break. */
export function cutClaims(text: string, tokens: readonly Token[], cut: ClaimCut): Token[][] {
  const out: Token[][] = [[]];
  let conditionOpen = false;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const inNumber = /^[.,]$/.test(gap) && /\d$/.test(prev.norm) && /^\d/.test(t.norm);
    const current = out[out.length - 1];
    if (!current.length) conditionOpen = !!cut.leadingConditions?.has(t.norm);
    else if (conditionOpen && /^\s*,\s*$/.test(gap)) {
      // The comma closing a leading condition: its main clause follows in the same claim.
      conditionOpen = false;
      current.push(t);
      return;
    }
    // An elliptic clause before ", and" ("he did not, and he was suspended") has no word of its
    // own to be a claim by: it stays with the next.
    const ownWords = current.some((w) => isContent(w.norm));
    const joiner =
      joinsClaims(tokens, i, cut) ||
      (/,/.test(gap) && ownWords && !!cut.joinersAfterComma?.has(t.norm));
    if ((!inNumber && cut.breaks.test(gap)) || joiner) out.push([]);
    if (!joiner) out[out.length - 1].push(t);
  });
  return out.filter((c) => c.length);
}

const CLAIMS = new Map<ClaimCut, ReturnType<typeof memoKey<Claim[]>>>();

/** The claims of a short answer under `cut`, each with its facts and words (once per call and cut). */
export function claimsOf(analysis: Analysis, cut: ClaimCut): Claim[] {
  let key = CLAIMS.get(cut);
  if (!key) CLAIMS.set(cut, (key = memoKey<Claim[]>('claims')));
  return analysis.memo.get(key, () => {
    const text = analysis.text;
    const facts = factsOf(text, [...outputQuantities(analysis), ...extractWeekdays(text)]);
    return cutClaims(text, analysis.tokens, cut).map((claim) => {
      const start = claim[0].start;
      const end = claim[claim.length - 1].end;
      const own = facts.filter((f) => f.q.start >= start && f.q.start < end);
      const words = claim.filter(
        (t) =>
          isContent(t.norm) &&
          !/\d/.test(t.norm) &&
          !saysNot(t.norm) &&
          !own.some((f) => t.start < f.end && t.end > f.q.start),
      );
      return {
        start,
        end,
        facts: own,
        words,
        phrases: localPhrasesIn(claim.map((t) => t.norm)),
        negated: claim.some((t) => saysNot(t.norm)),
      };
    });
  });
}

/** Whether a stretch of context has the fact. */
export function holdsFact(held: HeldFacts, fact: Fact): boolean {
  return held.facts.some((c) => quantityMatches(fact.q, c.q));
}

// A fact counts twice a word: the other figures and days of a claim identify its item best.
const FACT_WEIGHT = 2;

/** How much of a claim a stretch of context holds: its facts (but `except`) and its words. */
export function holding(held: HeldFacts, claim: Claim, except?: Fact): number {
  let n = 0;
  for (const f of claim.facts) if (f !== except && holdsFact(held, f)) n += FACT_WEIGHT;
  for (const w of claim.words)
    if (held.stems.has(w.stem) || paraphrasedIn(w.norm, held.lemmas, held.stems)) n++;
  return n;
}

/** How many of a claim's words a stretch of context holds, as written or paraphrased. */
export function wordsHeld(stems: ReadonlySet<string>, lemmas: Set<string>, claim: Claim): number {
  return claim.words.filter((w) => stems.has(w.stem) || paraphrasedIn(w.norm, lemmas, stems))
    .length;
}

/** Whether some word of the answer's unit is a word of the context's, or paraphrases one. */
export function unitsAgree(answer: string[], context: string[]): boolean {
  const lemmas = new Set(context.flatMap((w) => [lemma(w), ...glossOf(w)]));
  return answer.some((w) => paraphrasedIn(w, lemmas));
}
